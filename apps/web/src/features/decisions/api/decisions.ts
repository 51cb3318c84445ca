import { useQuery } from '@tanstack/react-query';
import {
  ZClaimClockExplained, ZDecision, ZDecisionPage, ZDecisionReviewer, ZPublicDecision, type DecisionSection, type TAppealInput,
  type TAppealResolutionInput, type TGenerateDecisionInput, type TNotificationInput, type TOutcomeUpdate, type TReviewCommentInput,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** Under the claims key: whatever changes the decision refreshes the claim's page, clocks and next steps. */
export const decisionKey = (claimId: string) => ['claims', claimId, 'decision'] as const;
const base = (claimId: string) => `/api/claims/${claimId}/decision`;

export function useDecisionPage(claimId: string) {
  return useQuery({ queryKey: decisionKey(claimId), queryFn: () => apiRequest(base(claimId), { schema: ZDecisionPage }) });
}

export function useReviewers(claimId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['claims', claimId, 'decision', 'reviewers'], enabled,
    queryFn: () => apiRequest(`${base(claimId)}/reviewers`, { schema: ZDecisionReviewer.array() }),
  });
}

export function useAppealClock(claimId: string) {
  return useQuery({
    queryKey: ['claims', claimId, 'clocks'],
    queryFn: () => apiRequest(`/api/claims/${claimId}/clocks`, { schema: ZClaimClockExplained.array() }),
    select: (clocks) => clocks.find((c) => c.kind === 'appeal') ?? null,
  });
}

export function usePublicDecision(code: string | undefined) {
  return useQuery({
    queryKey: ['public', 'decisions', code], enabled: Boolean(code), retry: false,
    queryFn: () => apiRequest(`/api/public/decisions/${encodeURIComponent(code ?? '')}`, { schema: ZPublicDecision }),
  });
}

export const generateDecision = (claimId: string, body: TGenerateDecisionInput, idempotencyKey: string) =>
  apiRequest(base(claimId), { method: 'POST', body, idempotencyKey, schema: ZDecisionPage });

export const saveSection = (claimId: string, section: DecisionSection, body: { version: number; text: string }) =>
  apiRequest(`${base(claimId)}/sections`, { method: 'PUT', body: { section, ...body }, schema: ZDecision });

export const changeOutcome = (claimId: string, body: TOutcomeUpdate) =>
  apiRequest(`${base(claimId)}/outcome`, { method: 'PUT', body, schema: ZDecision });

export const submitDecision = (claimId: string, body: { version: number; reviewerId: string }) =>
  apiRequest(`${base(claimId)}/submit`, { method: 'POST', body, schema: ZDecision });

export const addComment = (claimId: string, body: TReviewCommentInput, idempotencyKey: string) =>
  apiRequest(`${base(claimId)}/comments`, { method: 'POST', body, idempotencyKey, schema: ZDecision });

export const resolveComment = (claimId: string, commentId: string) =>
  apiRequest(`${base(claimId)}/comments/${commentId}/resolve`, { method: 'POST', schema: ZDecision });

export const returnDecision = (claimId: string, body: { version: number; reason: string }) =>
  apiRequest(`${base(claimId)}/return`, { method: 'POST', body, schema: ZDecision });

export const approveDecision = (claimId: string, version: number) =>
  apiRequest(`${base(claimId)}/approve`, { method: 'POST', body: { version }, schema: ZDecision });

export const signDecision = (claimId: string, version: number) =>
  apiRequest(`${base(claimId)}/sign`, { method: 'POST', body: { version }, schema: ZDecision });

export const notifyDecision = (claimId: string, body: TNotificationInput, idempotencyKey: string) =>
  apiRequest(`${base(claimId)}/notification`, { method: 'POST', body, idempotencyKey, schema: ZDecision });

export const lodgeAppeal = (claimId: string, body: TAppealInput, idempotencyKey: string) =>
  apiRequest(`/api/claims/${claimId}/appeals`, { method: 'POST', body, idempotencyKey, schema: ZDecision });

export const resolveAppeal = (claimId: string, appealId: string, body: TAppealResolutionInput) =>
  apiRequest(`/api/claims/${claimId}/appeals/${appealId}/resolution`, { method: 'POST', body, schema: ZDecisionPage });

export const decisionPdfUrl = (claimId: string) => `${base(claimId)}/pdf`;
export const inmNoticeUrl = (claimId: string) => `${base(claimId)}/inm-notice`;
