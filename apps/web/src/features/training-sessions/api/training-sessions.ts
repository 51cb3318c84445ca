import { useQuery } from '@tanstack/react-query';
import {
  ZEnrolResult, ZMyEnrolment, ZTrainer, ZTrainingModule, ZTrainingSession, ZTrainingSessionSummary, ZUser, type TTrainingSessionInput,
} from '@refugio/domain';
import { apiRequest, type Parser } from '../../../lib/api-client.ts';

export const TRAINING_SESSIONS_KEY = ['training-sessions'] as const;

export function useTrainingModules() {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'modules'],
    queryFn: () => apiRequest('/api/training/modules', { schema: ZTrainingModule.array() }),
  });
}

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

export function useTrainers() {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'trainers'],
    queryFn: () => apiRequest('/api/training/trainers', { schema: ZTrainer.array() }),
  });
}

export function createTrainer(body: Record<string, unknown>, idempotencyKey: string) {
  return apiRequest('/api/training/trainers', { method: 'POST', body, idempotencyKey, schema: ZTrainer });
}

export function certifyTrainer(trainerId: string, moduleId: string, body: { certifiedOn: string; expiresOn: string | null }) {
  return apiRequest(`/api/training/trainers/${trainerId}/certifications/${moduleId}`, { method: 'PUT', body, schema: ZTrainer });
}
