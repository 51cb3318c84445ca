import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZGatingRule, ZGatingRules, ZGrant, ZMatrix, type ZGatingRuleInput, type ZGrantInput } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const COMPETENCIES_KEY = ['competencies'] as const;

/** One person's register (the caller's when no userId). */
export function useGrants(userId: string | undefined, includeRevoked: boolean) {
  const query = new URLSearchParams({ includeRevoked: String(includeRevoked), ...(userId ? { userId } : {}) });
  return useQuery({
    queryKey: [...COMPETENCIES_KEY, 'grants', userId ?? 'me', includeRevoked],
    queryFn: () => apiRequest(`/api/competency-grants?${query}`, { schema: z.array(ZGrant) }),
  });
}

export function recordGrant(body: z.input<typeof ZGrantInput>, idempotencyKey: string) {
  return apiRequest('/api/competency-grants', { method: 'POST', body, idempotencyKey, schema: ZGrant });
}

export function revokeGrant(id: string, reason: string) {
  return apiRequest(`/api/competency-grants/${id}/revoke`, { method: 'POST', body: { reason }, schema: ZGrant });
}

export function useOfficeMatrix(officeId: string, soonDays: number) {
  return useQuery({
    queryKey: [...COMPETENCIES_KEY, 'matrix', officeId, soonDays],
    queryFn: () => apiRequest(`/api/competency-matrix?officeId=${officeId}&soonDays=${soonDays}`, { schema: ZMatrix }),
    enabled: Boolean(officeId),
  });
}

export function useGatingRules() {
  return useQuery({
    queryKey: [...COMPETENCIES_KEY, 'rules'],
    queryFn: () => apiRequest('/api/gating-rules', { schema: ZGatingRules }),
  });
}

export function createGatingRule(body: z.input<typeof ZGatingRuleInput>, idempotencyKey: string) {
  return apiRequest('/api/gating-rules', { method: 'POST', body, idempotencyKey, schema: ZGatingRule });
}

export function updateGatingRule(id: string, body: { version: number; active: boolean; rationale: string | null }) {
  return apiRequest(`/api/gating-rules/${id}`, { method: 'PATCH', body, schema: ZGatingRule });
}
