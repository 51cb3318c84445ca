import { useInfiniteQuery } from '@tanstack/react-query';
import { ZAuditPage } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AuditFilters {
  action: string;
  entityType: string;
  entityId: string;
  actor: string;
  /** Civil dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { action: '', entityType: '', entityId: '', actor: '', from: '', to: '' };
const PAGE_SIZE = 50;

/** Newest first; "load more" follows the keyset cursor `nextBefore`, so new events never shift pages. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => apiRequest('/api/audit-events', {
      query: { ...filters, before: pageParam, limit: PAGE_SIZE },
      schema: ZAuditPage,
    }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
