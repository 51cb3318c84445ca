import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ZDuplicateCheckResult, ZNonDuplicate, ZPersonMerge, type TDuplicateCheckInput, type TDuplicateCheckResult, type TPersonMerge,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const MERGES_KEY = ['person-merges'] as const;

/** The duplicate check for these person fields; runs only when `input` is given (a name at least). */
export function useDuplicateCheck(input: TDuplicateCheckInput | null) {
  return useQuery({
    queryKey: ['duplicate-check', input],
    queryFn: () => apiRequest<TDuplicateCheckResult>('/api/persons/duplicate-check', { method: 'POST', body: input, schema: ZDuplicateCheckResult }),
    enabled: input !== null && input.givenNames.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function recordNotDuplicate(personId: string, otherPersonId: string, reason?: string) {
  return apiRequest(`/api/persons/${personId}/not-duplicate`, {
    method: 'POST', body: { otherPersonId, ...(reason ? { reason } : {}) }, schema: ZNonDuplicate,
  });
}

export function usePersonMerges() {
  return useQuery({
    queryKey: MERGES_KEY,
    queryFn: () => apiRequest<TPersonMerge[]>('/api/persons/merges', { query: { limit: 50 }, schema: ZPersonMerge.array() }),
  });
}

export function mergePersons(input: { survivorId: string; mergedId: string; reason: string }, idempotencyKey: string) {
  return apiRequest('/api/persons/merges', { method: 'POST', body: input, idempotencyKey, schema: ZPersonMerge });
}

export function undoPersonMerge(id: string, reason: string) {
  return apiRequest(`/api/persons/merges/${id}/undo`, { method: 'POST', body: { reason }, schema: ZPersonMerge });
}
