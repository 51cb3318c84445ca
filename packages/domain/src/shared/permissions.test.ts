import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, PERMISSIONS, ROLE_CODES, SCOPES, parsePermission, widestScope, withImpliedScopes } from './permissions.ts';

describe('permissions', () => {
  it('are unique action:entity:scope strings', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const code of PERMISSIONS) {
      const { action, entity, scope } = parsePermission(code);
      expect(`${action}:${entity}:${scope}`).toBe(code);
      expect(SCOPES).toContain(scope);
    }
  });

  it('refuses malformed codes', () => {
    for (const bad of ['read:user', 'read:user:planet', '::all', '']) expect(() => parsePermission(bad)).toThrow();
  });

  it('a scope implies the narrower ones that exist in the catalogue', () => {
    expect(withImpliedScopes(['read:user:all'])).toEqual(['read:user:all', 'read:user:institution', 'read:user:office']);
    expect(withImpliedScopes(['manage:user:all'])).toEqual(['manage:user:all', 'manage:user:institution']);
    expect(withImpliedScopes(['read:user:office'])).toEqual(['read:user:office']);
    expect(withImpliedScopes([])).toEqual([]);
  });

  it('the widest scope held wins', () => {
    const held = new Set(['read:user:office', 'read:user:all', 'read:audit:office']);
    expect(widestScope(held, 'read', 'user')).toBe('all');
    expect(widestScope(held, 'read', 'audit')).toBe('office');
    expect(widestScope(held, 'manage', 'user')).toBeNull();
  });
});

/** The built-in roles that hold a permission, directly or through a wider scope. */
function holders(permission: string): string[] {
  return Object.entries(BUILT_IN_ROLES)
    .filter(([, role]) => (withImpliedScopes(role.permissions) as string[]).includes(permission))
    .map(([code]) => code);
}

describe('built-in roles', () => {
  it('exist for every role code and grant only catalogue permissions', () => {
    expect(Object.keys(BUILT_IN_ROLES).toSorted()).toEqual([...ROLE_CODES].toSorted());
    for (const [code, role] of Object.entries(BUILT_IN_ROLES)) {
      for (const permission of role.permissions) expect(PERMISSIONS, code).toContain(permission);
      // Everybody can sign out, change their password and set up a second factor.
      expect(role.permissions, code).toContain('use:account:own');
    }
  });

  it('keep the administration to admin, and the trail away from field staff', () => {
    expect(holders('manage:user:institution')).toEqual(['admin']);
    expect(holders('manage:role:all')).toEqual(['admin']);
    expect(holders('manage:organisation:all')).toEqual(['admin']);
    expect(holders('read:audit:office').toSorted()).toEqual(['admin', 'auditor', 'supervisor']);
  });
});
