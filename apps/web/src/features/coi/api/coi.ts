import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ZCoiSearchResult, ZCoiSettings, ZCoiSource, type TCoiSearchQuery, type TCoiSettingsInput, type TCoiSourceInput,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const COI_KEY = ['coi'] as const;

export type CoiSearch = Partial<Omit<TCoiSearchQuery, 'includeRetired' | 'limit' | 'offset'>> & { includeRetired?: boolean; limit?: number; offset?: number };

/** Keeps the last results on screen while the next search runs, so typing does not blank the list. */
export function useCoiSearch(search: CoiSearch, enabled = true) {
  return useQuery({
    queryKey: [...COI_KEY, 'search', search],
    queryFn: () => apiRequest('/api/coi-sources', { query: { ...search }, schema: ZCoiSearchResult }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCoiSource(id: string) {
  return useQuery({ queryKey: [...COI_KEY, 'source', id], queryFn: () => apiRequest(`/api/coi-sources/${id}`, { schema: ZCoiSource }) });
}

export const createCoiSource = (body: TCoiSourceInput, idempotencyKey: string) =>
  apiRequest('/api/coi-sources', { method: 'POST', body, idempotencyKey, schema: ZCoiSource });

export const attachCoiFile = (id: string, file: Blob, fileName: string) =>
  apiRequest(`/api/coi-sources/${id}/file`, { method: 'PUT', query: { fileName }, file: { data: file, contentType: 'application/pdf' }, schema: ZCoiSource });

export const retireCoiSource = (id: string, body: { version: number; reason: string }) =>
  apiRequest(`/api/coi-sources/${id}/retire`, { method: 'POST', body, schema: ZCoiSource });

export const coiFileUrl = (id: string) => `/api/coi-sources/${id}/file`;

export function useCoiSettings() {
  return useQuery({ queryKey: [...COI_KEY, 'settings'], queryFn: () => apiRequest('/api/coi-settings', { schema: ZCoiSettings }) });
}

export const updateCoiSettings = (body: TCoiSettingsInput) => apiRequest('/api/coi-settings', { method: 'PUT', body, schema: ZCoiSettings });
