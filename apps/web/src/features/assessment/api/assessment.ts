import { useQuery } from '@tanstack/react-query';
import {
  ZAssessment, ZClaim, ZEvidence, ZMaterialFact, type TAnalysisInput, type TEvidenceFileQuery, type TEvidenceInput, type TExclusionReviewInput,
  type TFactInput, type TFactUpdate,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** Under the claims key: whatever changes the assessment refreshes the claim's page and next steps, and the other way round. */
export const assessmentKey = (claimId: string) => ['claims', claimId, 'assessment'] as const;
const base = (claimId: string) => `/api/claims/${claimId}/assessment`;

export function useAssessment(claimId: string) {
  return useQuery({ queryKey: assessmentKey(claimId), queryFn: () => apiRequest(base(claimId), { schema: ZAssessment }) });
}

/** The claim's header, status and version, read through the API (the claims feature owns its pages). */
export function useAssessedClaim(claimId: string) {
  return useQuery({ queryKey: ['claims', claimId, 'detail'], queryFn: () => apiRequest(`/api/claims/${claimId}`, { schema: ZClaim }) });
}

export const openAssessment = (claimId: string, version: number) =>
  apiRequest(`${base(claimId)}/open`, { method: 'POST', body: { version }, schema: ZAssessment });

export const addFact = (claimId: string, body: TFactInput, idempotencyKey: string) =>
  apiRequest(`${base(claimId)}/facts`, { method: 'POST', body, idempotencyKey, schema: ZMaterialFact });

export const updateFact = (claimId: string, factId: string, body: TFactUpdate) =>
  apiRequest(`${base(claimId)}/facts/${factId}`, { method: 'PUT', body, schema: ZMaterialFact });

export const removeFact = (claimId: string, factId: string, version: number) =>
  apiRequest<void>(`${base(claimId)}/facts/${factId}`, { method: 'DELETE', query: { version } });

export const reorderFacts = (claimId: string, body: { version: number; factIds: string[] }) =>
  apiRequest(`${base(claimId)}/facts/order`, { method: 'PUT', body, schema: ZAssessment });

export const addEvidence = (claimId: string, factId: string, body: TEvidenceInput, idempotencyKey: string) =>
  apiRequest(`${base(claimId)}/facts/${factId}/evidence`, { method: 'POST', body, idempotencyKey, schema: ZEvidence });

export const uploadEvidenceDocument = (claimId: string, factId: string, meta: TEvidenceFileQuery, file: File, idempotencyKey: string) =>
  apiRequest(`${base(claimId)}/facts/${factId}/documents`, {
    method: 'POST', query: { ...meta }, file: { data: file, contentType: file.type || 'application/octet-stream' }, idempotencyKey, schema: ZEvidence,
  });

export const removeEvidence = (claimId: string, evidenceId: string) =>
  apiRequest<void>(`${base(claimId)}/evidence/${evidenceId}`, { method: 'DELETE' });

export const evidenceFileUrl = (claimId: string, evidenceId: string) => `${base(claimId)}/evidence/${evidenceId}/file`;

export const updateAnalysis = (claimId: string, body: TAnalysisInput) =>
  apiRequest(`${base(claimId)}/analysis`, { method: 'PUT', body, schema: ZAssessment });

export const reviewExclusion = (claimId: string, body: TExclusionReviewInput) =>
  apiRequest(`${base(claimId)}/exclusion-review`, { method: 'POST', body, schema: ZAssessment });
