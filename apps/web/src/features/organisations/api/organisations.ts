import { useQuery } from '@tanstack/react-query';
import { ZInstitution, ZOffice, type TInstitution, type TOffice } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const INSTITUTIONS_KEY = ['institutions'] as const;
export const OFFICES_KEY = ['offices'] as const;

export function useInstitutions(enabled = true) {
  return useQuery({
    queryKey: INSTITUTIONS_KEY,
    queryFn: () => apiRequest<TInstitution[]>('/api/institutions', { schema: ZInstitution.array() }),
    enabled,
  });
}

/** All offices; callers filter by institution locally (a country has dozens, not thousands). */
export function useOffices(enabled = true) {
  return useQuery({
    queryKey: OFFICES_KEY,
    queryFn: () => apiRequest<TOffice[]>('/api/offices', { schema: ZOffice.array() }),
    enabled,
  });
}

export interface InstitutionFields {
  code: string;
  name: string;
  kind: TInstitution['kind'];
  active: boolean;
}

export function createInstitution(input: InstitutionFields, idempotencyKey: string) {
  return apiRequest('/api/institutions', { method: 'POST', body: input, idempotencyKey, schema: ZInstitution });
}

export function updateInstitution(id: string, input: InstitutionFields & { version: number }) {
  return apiRequest(`/api/institutions/${id}`, { method: 'PATCH', body: input, schema: ZInstitution });
}

export interface OfficeFields {
  code: string;
  name: string;
  kind: TOffice['kind'];
  stateCode: string;
  municipality: string | null;
  servedStateCodes: string[];
  timeZone: string;
  active: boolean;
}

export function createOffice(input: OfficeFields & { institutionId: string }, idempotencyKey: string) {
  return apiRequest('/api/offices', { method: 'POST', body: input, idempotencyKey, schema: ZOffice });
}

export function updateOffice(id: string, input: OfficeFields & { version: number }) {
  return apiRequest(`/api/offices/${id}`, { method: 'PATCH', body: input, schema: ZOffice });
}
