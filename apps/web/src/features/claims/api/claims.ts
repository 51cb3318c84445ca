import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  ZAssignableOfficer, ZClaim, ZClaimClockExplained, ZClaimEvent, ZClaimPage, ZFlag, ZPerson, ZRiskCounts, type TClaimInput, type TransitionAction,
} from '@refugio/domain';
import { apiRequest, type QueryValue } from '../../../lib/api-client.ts';
import { CLAIMS_KEY } from './claims-key.ts';

export { CLAIMS_KEY };

export interface ClaimFilters {
  q: string;
  status: string;
  open: '' | 'true' | 'false';
  mine: boolean;
  unassigned: boolean;
  /** Claims whose officer no longer holds a competency the claim requires (supervisors). */
  competencyGap: boolean;
  officeId: string;
  nationality: string;
  flag: string;
  riskBand: string;
  modality: string;
  lodgedFrom: string;
  lodgedTo: string;
}

export const EMPTY_FILTERS: ClaimFilters = {
  q: '', status: '', open: 'true', mine: false, unassigned: false, competencyGap: false, officeId: '', nationality: '', flag: '', riskBand: '',
  modality: '', lodgedFrom: '', lodgedTo: '',
};

function queryOf(filters: ClaimFilters): Record<string, QueryValue> {
  return {
    ...filters,
    mine: filters.mine ? 'true' : undefined,
    unassigned: filters.unassigned ? 'true' : undefined,
    competencyGap: undefined,
    attention: filters.competencyGap ? 'competency_gap' : undefined,
    nationality: filters.nationality.toUpperCase(),
  };
}

/** The work queue, page after page through the server's cursor. */
export function useClaimQueue(filters: ClaimFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...CLAIMS_KEY, 'queue', filters],
    enabled,
    queryFn: ({ pageParam }) => apiRequest('/api/claims', { query: { ...queryOf(filters), limit: 50, cursor: pageParam }, schema: ZClaimPage }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRiskCounts(enabled = true) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'risk-counts'],
    queryFn: () => apiRequest('/api/claims/risk-counts', { schema: ZRiskCounts }),
    enabled,
  });
}

export function useClaim(id: string | undefined) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'one', id],
    queryFn: () => apiRequest(`/api/claims/${id}`, { schema: ZClaim }),
    enabled: Boolean(id),
  });
}

export function useClaimTimeline(id: string | undefined) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'timeline', id],
    queryFn: () => apiRequest(`/api/claims/${id}/timeline`, { schema: ZClaimEvent.array() }),
    enabled: Boolean(id),
  });
}

export function useAssignableOfficers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'officers', id],
    queryFn: () => apiRequest(`/api/claims/${id}/assignable-officers`, { schema: ZAssignableOfficer.array() }),
    enabled,
  });
}

/** The input as the form builds it (defaults filled by the server). */
export type ClaimDraft = Omit<TClaimInput, 'members' | 'flags' | 'modality' | 'lodgedAt'> & {
  modality: TClaimInput['modality'];
  members: Array<{ relation: TClaimInput['members'][number]['relation']; unaccompanied: boolean; existingPersonId: string | null;
    person: Record<string, unknown> | null }>;
  flags: TClaimInput['flags'];
};

export function registerClaim(input: ClaimDraft, idempotencyKey: string) {
  return apiRequest('/api/claims', { method: 'POST', body: input, idempotencyKey, schema: ZClaim });
}

export function transitionClaim(id: string, action: TransitionAction, body: { version: number; reason?: string | null; toOfficeId?: string | null }) {
  return apiRequest(`/api/claims/${id}/${action.replaceAll('_', '-')}`, { method: 'POST', body, schema: ZClaim });
}

export function assignClaim(id: string, body: { version: number; officerId: string | null; reason: string | null; overrideGating: boolean }) {
  return apiRequest(`/api/claims/${id}/assignment`, { method: 'POST', body, schema: ZClaim });
}

export function addFlag(id: string, body: { personId: string | null; category: string; indicator: string }, idempotencyKey: string) {
  return apiRequest(`/api/claims/${id}/flags`, { method: 'POST', body, idempotencyKey, schema: ZFlag });
}

export function withdrawFlag(id: string, flagId: string, body: { version: number; reason: string }) {
  return apiRequest(`/api/claims/${id}/flags/${flagId}/withdraw`, { method: 'POST', body, schema: ZFlag });
}

export function updatePerson(claimId: string, personId: string, body: Record<string, unknown> & { version: number }) {
  return apiRequest(`/api/claims/${claimId}/persons/${personId}`, { method: 'PATCH', body, schema: ZPerson });
}

export function useClaimClocks(id: string | undefined) {
  return useQuery({
    queryKey: [...CLAIMS_KEY, 'clocks', id],
    queryFn: () => apiRequest(`/api/claims/${id}/clocks`, { schema: ZClaimClockExplained.array() }),
    enabled: Boolean(id),
  });
}
