import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZPasswordReset, ZUser, ZUserCreated, type Language, type TUser } from '@refugio/domain';
import { apiRequest, type Parser } from '../../../lib/api-client.ts';

export const USERS_KEY = ['users'] as const;
export const USERS_PAGE_SIZE = 20;

export interface UserFilters {
  q: string;
  institutionId: string;
  officeId: string;
  role: string;
  /** '' for both. */
  active: '' | 'true' | 'false';
  page: number;
}

const userPage: Parser<{ items: TUser[]; total: number }> = {
  parse(data) {
    const body = (data ?? {}) as { items?: unknown; total?: unknown };
    if (typeof body.total !== 'number') throw new TypeError('A users page must carry its total');
    return { items: ZUser.array().parse(body.items), total: body.total };
  },
};

export function useUsers(filters: UserFilters) {
  const { page, ...rest } = filters;
  return useQuery({
    queryKey: [...USERS_KEY, 'list', filters],
    queryFn: () => apiRequest('/api/users', {
      query: { ...rest, limit: USERS_PAGE_SIZE, offset: (page - 1) * USERS_PAGE_SIZE },
      schema: userPage,
    }),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: [...USERS_KEY, 'one', id],
    queryFn: () => apiRequest(`/api/users/${id}`, { schema: ZUser }),
    enabled: Boolean(id),
  });
}

export interface UserFields {
  fullName: string;
  email: string | null;
  language: Language;
  officeIds: string[];
  roleCodes: string[];
}

export type NewUser = UserFields & { username: string; institutionId: string };

export function createUser(input: NewUser, idempotencyKey: string) {
  return apiRequest('/api/users', { method: 'POST', body: input, idempotencyKey, schema: ZUserCreated });
}

export function updateUser(id: string, input: Partial<UserFields> & { active?: boolean; version: number }) {
  return apiRequest(`/api/users/${id}`, { method: 'PATCH', body: input, schema: ZUser });
}

export function resetUserPassword(id: string) {
  return apiRequest(`/api/users/${id}/password-reset`, { method: 'POST', schema: ZPasswordReset });
}
