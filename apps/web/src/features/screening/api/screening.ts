import { useQuery } from '@tanstack/react-query';
import {
  ZBestInterests, ZClaim, ZGuarantee, ZGuaranteeCatalog, ZGuaranteeRule, ZGuaranteeType, ZIndicator, ZScreening, ZSpecialistReferral,
  type TBestInterestsInput, type TGuaranteeDecision, type TIndicatorInput, type TSpecialistReferralInput,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** Under the claims key: whatever changes a claim refreshes its screening, and the other way round. */
export const screeningKey = (claimId: string) => ['claims', claimId, 'screening'] as const;
export const GUARANTEE_CATALOG_KEY = ['procedure', 'guarantees'] as const;

export function useScreening(claimId: string) {
  return useQuery({ queryKey: screeningKey(claimId), queryFn: () => apiRequest(`/api/claims/${claimId}/screening`, { schema: ZScreening }) });
}

/** The claim's header and people, read through the API (the claims feature owns its pages). */
export function useScreenedClaim(claimId: string) {
  return useQuery({ queryKey: ['claims', claimId, 'detail'], queryFn: () => apiRequest(`/api/claims/${claimId}`, { schema: ZClaim }) });
}

export const recordIndicator = (claimId: string, body: TIndicatorInput, idempotencyKey: string) =>
  apiRequest(`/api/claims/${claimId}/indicators`, { method: 'POST', body, idempotencyKey, schema: ZIndicator });

export const withdrawIndicator = (claimId: string, indicatorId: string, body: { version: number; reason: string }) =>
  apiRequest(`/api/claims/${claimId}/indicators/${indicatorId}/withdraw`, { method: 'POST', body, schema: ZIndicator });

export const referToSpecialist = (claimId: string, body: TSpecialistReferralInput, idempotencyKey: string) =>
  apiRequest(`/api/claims/${claimId}/specialist-referrals`, { method: 'POST', body, idempotencyKey, schema: ZSpecialistReferral });

export const recordSpecialistOutcome = (claimId: string, referralId: string, body: { version: number; status: 'completed' | 'declined'; outcome: string }) =>
  apiRequest(`/api/claims/${claimId}/specialist-referrals/${referralId}/outcome`, { method: 'POST', body, schema: ZSpecialistReferral });

export const saveBestInterests = (claimId: string, personId: string, body: TBestInterestsInput) =>
  apiRequest(`/api/claims/${claimId}/best-interests/${personId}`, { method: 'PUT', body, schema: ZBestInterests });

export const decideGuarantee = (claimId: string, guaranteeId: string, body: TGuaranteeDecision) =>
  apiRequest(`/api/claims/${claimId}/guarantees/${guaranteeId}`, { method: 'PATCH', body, schema: ZGuarantee });

export function useGuaranteeCatalog() {
  return useQuery({ queryKey: GUARANTEE_CATALOG_KEY, queryFn: () => apiRequest('/api/guarantees', { schema: ZGuaranteeCatalog }) });
}

export const createGuaranteeRule = (body: { needCode: string; guaranteeCode: string }, idempotencyKey: string) =>
  apiRequest('/api/guarantee-rules', { method: 'POST', body, idempotencyKey, schema: ZGuaranteeRule });

export const updateGuaranteeRule = (id: string, body: { version: number; active: boolean }) =>
  apiRequest(`/api/guarantee-rules/${id}`, { method: 'PATCH', body, schema: ZGuaranteeRule });

export const updateGuaranteeType = (code: string, body: { version: number; source: string; governsInterview: boolean }) =>
  apiRequest(`/api/guarantee-types/${code}`, { method: 'PATCH', body, schema: ZGuaranteeType });
