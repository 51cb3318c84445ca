import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ZReferral, ZReferralAccepted, ZReferralPage, type TReferralInput } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const REFERRALS_KEY = ['referrals'] as const;

export function useReferrals(box: 'inbox' | 'sent', status: string) {
  return useInfiniteQuery({
    queryKey: [...REFERRALS_KEY, box, status],
    queryFn: ({ pageParam }) => apiRequest('/api/referrals', { query: { box, status, limit: 50, cursor: pageParam }, schema: ZReferralPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useReferral(id: string | undefined) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'one', id],
    queryFn: () => apiRequest(`/api/referrals/${id}`, { schema: ZReferral }),
    enabled: Boolean(id),
  });
}

export type ReferralDraft = Omit<TReferralInput, 'members'> & {
  members: Array<{ relation: TReferralInput['members'][number]['relation']; unaccompanied: boolean; person: Record<string, unknown> }>;
};

export function createReferral(input: ReferralDraft, idempotencyKey: string) {
  return apiRequest('/api/referrals', { method: 'POST', body: input, idempotencyKey, schema: ZReferral });
}

export function acceptReferral(id: string, body: { version: number; links: Array<{ memberIndex: number; existingPersonId: string }> }, idempotencyKey: string) {
  return apiRequest(`/api/referrals/${id}/accept`, { method: 'POST', body, idempotencyKey, schema: ZReferralAccepted });
}

export function returnReferral(id: string, body: { version: number; reason: string }) {
  return apiRequest(`/api/referrals/${id}/return`, { method: 'POST', body, schema: ZReferral });
}
