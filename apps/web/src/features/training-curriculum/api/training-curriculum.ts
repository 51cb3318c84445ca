import { useQuery } from '@tanstack/react-query';
import {
  ZCompetency, ZCurriculumModule, ZGuide, ZTrainingModule, type Language, type TGuideFileQuery, type TGuideLinkInput, type TModuleInput, type TModuleUpdate,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';

/**
 * The curriculum's own cache (competencies, a module's page, the guides library). The modules
 * catalogue is cached with the sessions, which show module titles (lib/training-sessions-key.ts).
 */
export const CURRICULUM_KEY = ['training-curriculum'] as const;

/** The curriculum's active modules; retired ones too when asked (the coordinator's catalogue). */
export function useTrainingModules(includeInactive = false) {
  return useQuery({
    queryKey: [...TRAINING_SESSIONS_KEY, 'modules', includeInactive],
    queryFn: () => apiRequest('/api/training/modules', { query: includeInactive ? { includeInactive: 'true' } : {}, schema: ZTrainingModule.array() }),
  });
}

export function useCompetencies() {
  return useQuery({
    queryKey: [...CURRICULUM_KEY, 'competencies'],
    queryFn: () => apiRequest('/api/training/competencies', { schema: ZCompetency.array() }),
    staleTime: 10 * 60_000,
  });
}

export function useModule(id: string | undefined) {
  return useQuery({
    queryKey: [...CURRICULUM_KEY, 'module', id],
    queryFn: () => apiRequest(`/api/training/modules/${id}`, { schema: ZCurriculumModule }),
    enabled: Boolean(id),
  });
}

export const createModule = (input: TModuleInput, idempotencyKey: string) =>
  apiRequest('/api/training/modules', { method: 'POST', body: input, idempotencyKey, schema: ZCurriculumModule });

export const updateModule = (id: string, input: TModuleUpdate) =>
  apiRequest(`/api/training/modules/${id}`, { method: 'PUT', body: input, schema: ZCurriculumModule });

export interface GuideFilter { history: boolean; language?: Language | undefined; moduleId?: string | undefined }

export function useGuides(filter: GuideFilter) {
  return useQuery({
    queryKey: [...CURRICULUM_KEY, 'guides', filter],
    queryFn: () => apiRequest('/api/training/guides', { query: { history: filter.history, language: filter.language, moduleId: filter.moduleId }, schema: ZGuide.array() }),
  });
}

export const addGuideLink = (input: TGuideLinkInput, idempotencyKey: string) =>
  apiRequest('/api/training/guides/links', { method: 'POST', body: input, idempotencyKey, schema: ZGuide });

/** The PDF goes as the body itself; the server checks its bytes, whatever the browser calls its type. */
export const uploadGuideFile = (meta: TGuideFileQuery, file: Blob, idempotencyKey: string) =>
  apiRequest('/api/training/guides/files', {
    method: 'POST', query: { ...meta }, file: { data: file, contentType: 'application/pdf' }, idempotencyKey, schema: ZGuide,
  });

export const setGuideModule = (code: string, moduleId: string, linked: boolean) =>
  apiRequest(`/api/training/guides/${encodeURIComponent(code)}/modules/${moduleId}`, { method: linked ? 'PUT' : 'DELETE', schema: ZGuide.array() });

export const guideFileUrl = (id: string) => `/api/training/guides/${id}/file`;
