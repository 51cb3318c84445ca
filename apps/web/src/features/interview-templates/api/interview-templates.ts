import { useQuery } from '@tanstack/react-query';
import { ZInterviewTemplate, ZTemplateSummary, type TTemplateEdit } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const TEMPLATES_KEY = ['interview-templates'] as const;

export function useTemplates() {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'list'],
    queryFn: () => apiRequest('/api/interview-templates', { schema: ZTemplateSummary.array() }),
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'one', id],
    queryFn: () => apiRequest(`/api/interview-templates/${id}`, { schema: ZInterviewTemplate }),
    enabled: Boolean(id),
  });
}

export function installTemplates(idempotencyKey: string) {
  return apiRequest('/api/interview-templates/install', { method: 'POST', idempotencyKey, schema: ZTemplateSummary.array() });
}

export function editTemplate(id: string, body: TTemplateEdit, idempotencyKey: string) {
  return apiRequest(`/api/interview-templates/${id}`, { method: 'PUT', body, idempotencyKey, schema: ZInterviewTemplate });
}

export function publishTemplate(id: string, rowVersion: number) {
  return apiRequest(`/api/interview-templates/${id}/publish`, { method: 'POST', body: { rowVersion }, schema: ZInterviewTemplate });
}
