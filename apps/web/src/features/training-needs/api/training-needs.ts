import { useQuery } from '@tanstack/react-query';
import {
  ZCampaign, ZCampaignResponses, ZMyCampaign, ZNeedsResponse, ZTrainingPlan, type TCampaignInput, type TCampaignUpdate, type TNeedsResponseInput,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const TRAINING_NEEDS_KEY = ['training-needs'] as const;

export function useCampaigns() {
  return useQuery({
    queryKey: [...TRAINING_NEEDS_KEY, 'campaigns'],
    queryFn: () => apiRequest('/api/training/campaigns', { schema: ZCampaign.array() }),
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...TRAINING_NEEDS_KEY, 'campaign', id],
    queryFn: () => apiRequest(`/api/training/campaigns/${id}`, { schema: ZCampaign }),
    enabled: Boolean(id),
  });
}

export function useCampaignResponses(id: string) {
  return useQuery({
    queryKey: [...TRAINING_NEEDS_KEY, 'campaign', id, 'responses'],
    queryFn: () => apiRequest(`/api/training/campaigns/${id}/responses`, { schema: ZCampaignResponses }),
  });
}

export function useTrainingPlan(id: string) {
  return useQuery({
    queryKey: [...TRAINING_NEEDS_KEY, 'campaign', id, 'plan'],
    queryFn: () => apiRequest(`/api/training/campaigns/${id}/plan`, { schema: ZTrainingPlan }),
  });
}

export function useMyCampaigns() {
  return useQuery({
    queryKey: [...TRAINING_NEEDS_KEY, 'mine'],
    queryFn: () => apiRequest('/api/training/me/campaigns', { schema: ZMyCampaign.array() }),
  });
}

export function createCampaign(body: TCampaignInput, idempotencyKey: string) {
  return apiRequest('/api/training/campaigns', { method: 'POST', body, idempotencyKey, schema: ZCampaign });
}

export function updateCampaign(id: string, body: TCampaignUpdate) {
  return apiRequest(`/api/training/campaigns/${id}`, { method: 'PUT', body, schema: ZCampaign });
}

export function answerCampaign(id: string, body: TNeedsResponseInput, idempotencyKey: string) {
  return apiRequest(`/api/training/me/campaigns/${id}/response`, { method: 'PUT', body, idempotencyKey, schema: ZNeedsResponse });
}
