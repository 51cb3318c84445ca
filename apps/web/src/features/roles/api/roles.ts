import { useQuery } from '@tanstack/react-query';
import { ZRole, type Permission, type TRole } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const ROLES_KEY = ['roles'] as const;

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: () => apiRequest<TRole[]>('/api/roles', { schema: ZRole.array() }),
    enabled,
  });
}

export interface RoleFields {
  name: string;
  description: string;
  requiresTotp: boolean;
  permissions: Permission[];
}

export function createRole(input: RoleFields & { code: string }, idempotencyKey: string) {
  return apiRequest('/api/roles', { method: 'POST', body: input, idempotencyKey, schema: ZRole });
}

/** Built-in roles keep their stored name (their label comes from the catalogs), so it may be omitted. */
export function updateRole(id: string, input: Partial<RoleFields> & { version: number }) {
  return apiRequest(`/api/roles/${id}`, { method: 'PATCH', body: input, schema: ZRole });
}
