import { useQuery } from '@tanstack/react-query';
import {
  ZAnnex, ZAudio, ZBreak, ZInterview, ZInterviewOptions, ZInterviewSummary, ZMyInterview, ZParticipant, ZPresenceAnswer, ZSavedPiece,
  type TAnswerValue, type TCorrectionInput, type TParticipantInput, type TSignatureInput, type TStartInterview, type TextField,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const INTERVIEWS_KEY = ['interviews'] as const;

export const interviewKey = (id: string) => [...INTERVIEWS_KEY, 'one', id] as const;

export function useClaimInterviews(claimId: string) {
  return useQuery({
    queryKey: [...INTERVIEWS_KEY, 'claim', claimId],
    queryFn: () => apiRequest(`/api/claims/${claimId}/interviews`, { schema: ZInterviewSummary.array() }),
  });
}

export function useInterviewOptions(claimId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...INTERVIEWS_KEY, 'options', claimId],
    queryFn: () => apiRequest(`/api/claims/${claimId}/interview-options`, { schema: ZInterviewOptions }),
    enabled,
  });
}

export function useInterview(id: string | undefined) {
  return useQuery({
    queryKey: interviewKey(id ?? ''),
    queryFn: () => apiRequest(`/api/interviews/${id}`, { schema: ZInterview }),
    enabled: Boolean(id),
    // The page keeps its own copy of what is being typed; a refetch on focus would only re-audit a read.
    refetchOnWindowFocus: false,
  });
}

export function useMyInterviews() {
  return useQuery({ queryKey: [...INTERVIEWS_KEY, 'mine'], queryFn: () => apiRequest('/api/me/interviews', { schema: ZMyInterview.array() }) });
}

export function useMyInterview(id: string | undefined) {
  return useQuery({
    queryKey: [...INTERVIEWS_KEY, 'mine', id],
    queryFn: () => apiRequest(`/api/me/interviews/${id}`, { schema: ZMyInterview }),
    enabled: Boolean(id),
  });
}

export function startInterview(claimId: string, body: TStartInterview, idempotencyKey: string) {
  return apiRequest(`/api/claims/${claimId}/interviews`, { method: 'POST', body, idempotencyKey, schema: ZInterview });
}

export function saveText(id: string, field: TextField, text: string, version: number) {
  return apiRequest(`/api/interviews/${id}/${field}`, { method: 'PUT', body: { text, version }, schema: ZSavedPiece });
}

export function saveAnswer(id: string, questionId: string, value: TAnswerValue, version: number) {
  return apiRequest(`/api/interviews/${id}/answers/${questionId}`, { method: 'PUT', body: { value, version }, schema: ZSavedPiece });
}

export function saveChecklistItem(id: string, itemId: string, done: boolean, note: string, version: number) {
  return apiRequest(`/api/interviews/${id}/checklist/${itemId}`, { method: 'PUT', body: { done, note, version }, schema: ZSavedPiece });
}

export function touchPresence(id: string, editorId: string) {
  return apiRequest(`/api/interviews/${id}/presence`, { method: 'POST', body: { editorId }, schema: ZPresenceAnswer });
}

export function addParticipant(id: string, body: TParticipantInput, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/participants`, { method: 'POST', body, idempotencyKey, schema: ZParticipant });
}

export function removeParticipant(id: string, participantId: string, version: number) {
  return apiRequest<void>(`/api/interviews/${id}/participants/${participantId}`, { method: 'DELETE', query: { version } });
}

export function startBreak(id: string, reason: string, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/breaks`, { method: 'POST', body: { reason }, idempotencyKey, schema: ZBreak });
}

export function endBreak(id: string, breakId: string, version: number) {
  return apiRequest(`/api/interviews/${id}/breaks/${breakId}/end`, { method: 'POST', body: { version }, schema: ZBreak });
}

export function readBack(id: string, version: number) {
  return apiRequest(`/api/interviews/${id}/read-back`, { method: 'POST', body: { version }, schema: ZInterview });
}

export function correctRecord(id: string, body: TCorrectionInput, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/corrections`, { method: 'POST', body, idempotencyKey, schema: ZInterview });
}

export function signInterview(id: string, body: TSignatureInput, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/signatures`, { method: 'POST', body, idempotencyKey, schema: ZInterview });
}

export function addAnnex(id: string, text: string, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/annexes`, { method: 'POST', body: { text }, idempotencyKey, schema: ZAnnex });
}

export function attachAudio(id: string, file: File, idempotencyKey: string) {
  return apiRequest(`/api/interviews/${id}/audio`, { method: 'POST', file: { data: file, contentType: file.type }, idempotencyKey, schema: ZAudio });
}

export const pdfUrl = (id: string) => `/api/interviews/${id}/pdf`;
export const audioUrl = (id: string, audioId: string) => `/api/interviews/${id}/audio/${audioId}`;
