import { useQuery } from '@tanstack/react-query';
import {
  ZEnrolResult, ZGuide, ZMyEnrolment, ZTrainingSession, ZTrainingSessionSummary, ZUser, type TTrainingSessionInput,
  type TTrainingSessionUpdate,
} from '@refugio/domain';
import { apiRequest, type Parser } from '../../../lib/api-client.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';

export function useTrainingSessions() {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'list'],
    queryFn: () => apiRequest('/api/training/sessions', { schema: ZTrainingSessionSummary.array() }),
  });
}

export function useTrainingSession(id: string | undefined) {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'session', id],
    queryFn: () => apiRequest(`/api/training/sessions/${id}`, { schema: ZTrainingSession }),
    enabled: Boolean(id),
  });
}

export function useMyEnrolments() {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'mine'],
    queryFn: () => apiRequest('/api/training/me/enrolments', { schema: ZMyEnrolment.array() }),
  });
}

const staffPage: Parser<Array<{ id: string; fullName: string; username: string }>> = {
  parse(data) {
    return ZUser.array().parse((data as { items?: unknown } | null)?.items ?? []);
  },
};

/** Active staff of the coordinator's institution, to enrol (the users API scopes them). */
export function useStaff(q: string) {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'staff', q],
    queryFn: () => apiRequest('/api/users', { query: { q: q || undefined, active: 'true', limit: 50 }, schema: staffPage }),
  });
}

export function createTrainingSession(input: Partial<TTrainingSessionInput>, idempotencyKey: string) {
  return apiRequest('/api/training/sessions', { method: 'POST', body: input, idempotencyKey, schema: ZTrainingSession });
}

export function enrolStaff(sessionId: string, body: { userIds: string[]; prerequisiteOverrideReason: string | null }) {
  return apiRequest(`/api/training/sessions/${sessionId}/enrolments`, { method: 'POST', body, schema: ZEnrolResult });
}

export function cancelEnrolment(sessionId: string, enrolmentId: string, body: { version: number; reason: string }) {
  return apiRequest(`/api/training/sessions/${sessionId}/enrolments/${enrolmentId}/cancel`, { method: 'POST', body, schema: ZTrainingSession });
}

export function updateTrainingSession(sessionId: string, body: TTrainingSessionUpdate) {
  return apiRequest(`/api/training/sessions/${sessionId}`, { method: 'PUT', body, schema: ZTrainingSession });
}

/** Sessions of my institution I may ask a place in (self-enrolment, not started, nothing asked yet). */
export function useRequestableSessions() {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'requestable'],
    queryFn: () => apiRequest('/api/training/sessions/requestable', { schema: ZTrainingSessionSummary.array() }),
  });
}

export function requestPlace(sessionId: string, idempotencyKey: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/requests`, { method: 'POST', idempotencyKey, schema: ZMyEnrolment });
}

export function withdrawRequest(sessionId: string, enrolmentId: string, version: number) {
  return apiRequest(`/api/training/sessions/${sessionId}/requests/${enrolmentId}/withdraw`, { method: 'POST', body: { version }, schema: ZMyEnrolment });
}

export function approveRequest(sessionId: string, enrolmentId: string, version: number) {
  return apiRequest(`/api/training/sessions/${sessionId}/requests/${enrolmentId}/approve`, { method: 'POST', body: { version }, schema: ZTrainingSession });
}

export function rejectRequest(sessionId: string, enrolmentId: string, body: { version: number; reason: string }) {
  return apiRequest(`/api/training/sessions/${sessionId}/requests/${enrolmentId}/reject`, { method: 'POST', body, schema: ZTrainingSession });
}

/** The guides library's latest versions, to pick pre-reading from. */
export function useGuideLibrary(enabled: boolean) {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'guide-library'],
    queryFn: () => apiRequest('/api/training/guides', { schema: ZGuide.array() }),
    enabled,
  });
}

export function assignSessionGuide(sessionId: string, code: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/guides`, { method: 'POST', body: { code }, schema: ZTrainingSession });
}

export function removeSessionGuide(sessionId: string, code: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/guides/${encodeURIComponent(code)}`, { method: 'DELETE', schema: ZTrainingSession });
}

export function acknowledgeGuide(sessionId: string, code: string, guideId: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/guides/${encodeURIComponent(code)}/acknowledgement`, {
    method: 'POST', body: { guideId }, schema: ZMyEnrolment,
  });
}

/** A guide version's PDF (a file guide); a link guide opens its own address. */
export const guideHref = (guide: { kind: 'file' | 'link'; guideId: string; url: string | null }) =>
  (guide.kind === 'file' ? `/api/training/guides/${guide.guideId}/file` : (guide.url ?? undefined));
