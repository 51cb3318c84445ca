import type { TMe } from '@refugio/domain';

/**
 * True when the user holds `action:entity` at any scope. The API expands granted scopes to
 * the narrower ones, so `me.permissions` already lists every scope that applies.
 */
export function canAny(me: TMe, action: string, entity: string): boolean {
  const prefix = `${action}:${entity}:`;
  return me.permissions.some((p) => p.startsWith(prefix));
}

export function can(me: TMe, permission: string): boolean {
  return me.permissions.includes(permission);
}
