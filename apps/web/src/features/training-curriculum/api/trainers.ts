// The trainer roster: national trainers and visiting experts, certified per module. Cached with
// the sessions, which name their trainers (see lib/training-sessions-key.ts).
import { useQuery } from '@tanstack/react-query';
import { ZTrainer } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';

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

export interface TrainerUpdate {
  userId: string | null; fullName: string; organisation: string; countryCode: string; languages: string[]; email: string | null;
  active: boolean; version: number;
}

export const updateTrainer = (id: string, input: TrainerUpdate) =>
  apiRequest(`/api/training/trainers/${id}`, { method: 'PUT', body: input, schema: ZTrainer });

export const removeCertification = (trainerId: string, moduleId: string) =>
  apiRequest(`/api/training/trainers/${trainerId}/certifications/${moduleId}`, { method: 'DELETE', schema: ZTrainer });
