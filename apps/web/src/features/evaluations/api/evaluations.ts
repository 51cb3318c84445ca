import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZEvaluation, ZEvaluationSummary, ZTrainingSessionSummary, type TEvaluationInput } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const EVALUATIONS_KEY = ['evaluations'] as const;
const ZSaved = z.object({ id: z.string() });

export function useEvaluations() {
  return useQuery({ queryKey: EVALUATIONS_KEY, queryFn: () => apiRequest('/api/evaluations', { schema: z.array(ZEvaluationSummary) }) });
}

export function useEvaluation(id: string | null) {
  return useQuery({ queryKey: [...EVALUATIONS_KEY, id], enabled: id !== null, queryFn: () => apiRequest(`/api/evaluations/${id}`, { schema: ZEvaluation }) });
}

/** Sessions an action may have run (the training catalogue's list, most recent first). */
export function useSessions() {
  return useQuery({ queryKey: ['training-sessions', 'for-evaluations'], queryFn: () => apiRequest('/api/training/sessions', { schema: z.array(ZTrainingSessionSummary) }) });
}

export const createEvaluation = (input: TEvaluationInput, idempotencyKey: string) =>
  apiRequest('/api/evaluations', { method: 'POST', body: input, schema: ZSaved, idempotencyKey });
export const updateEvaluation = (id: string, input: TEvaluationInput & { version: number }) =>
  apiRequest(`/api/evaluations/${id}`, { method: 'PUT', body: input, schema: ZSaved });
export const reportUrl = (id: string, language: string) => `/api/evaluations/${id}/report?language=${encodeURIComponent(language)}`;
