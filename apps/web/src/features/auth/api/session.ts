import { useQuery } from '@tanstack/react-query';
import { ZLoginResponse, ZMe, ZSessionResponse, type TMe } from '@refugio/domain';
import { z } from 'zod';
import { apiRequest, setCsrfToken } from '../../../lib/api-client.ts';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

const ZSessionState = z.object({ user: ZMe.nullable(), csrfToken: z.string().nullable() });

/**
 * The signed-in user, or null without a session. Asked of `/api/auth/session`, which answers a
 * signed-out visitor with 200 (no 401 in the console); the CSRF token arrives in a response header.
 */
export async function fetchMe(): Promise<TMe | null> {
  return (await apiRequest('/api/auth/session', { schema: ZSessionState })).user;
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export interface LoginInput {
  username: string;
  password: string;
}

export type LoginResult = { status: 'authenticated'; user: TMe } | { status: 'totp_required'; challengeToken: string };

export async function login(input: LoginInput): Promise<LoginResult> {
  const result = await apiRequest('/api/auth/login', { method: 'POST', body: input, schema: ZLoginResponse });
  if (result.status === 'totp_required') return result;
  setCsrfToken(result.csrfToken);
  return { status: 'authenticated', user: result.user };
}

export async function loginWithTotp(input: { challengeToken: string; code: string }): Promise<TMe> {
  const result = await apiRequest('/api/auth/login/totp', { method: 'POST', body: input, schema: ZSessionResponse });
  setCsrfToken(result.csrfToken);
  return result.user;
}

export async function logout(): Promise<void> {
  try {
    await apiRequest('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}
