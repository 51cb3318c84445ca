import { describe, expect, it } from 'vitest';
import { ZInstitutionUpdate, ZOfficeInput, ZOfficeUpdate, ZRoleInput, ZUserInput, ZUserQuery, ZUserUpdate } from './organisations.schemas.ts';

const uuid = '5b6f2f0e-6c1a-4f3e-9d1b-2a7c8e9f0a1b';

describe('organisation schemas', () => {
  it('normalise usernames to lower case and refuse other characters', () => {
    const user = ZUserInput.parse({ username: '  Ana.Torres ', fullName: 'Ana', institutionId: uuid, roleCodes: ['interpreter'] });
    expect(user).toMatchObject({ username: 'ana.torres', language: 'es-MX', officeIds: [], email: null });
    expect(ZUserInput.safeParse({ username: 'ana torres', fullName: 'Ana', institutionId: uuid, roleCodes: ['x'] }).success).toBe(false);
    expect(ZUserInput.safeParse({ username: 'ana', fullName: 'Ana', institutionId: uuid, roleCodes: [] }).success).toBe(false);
  });

  it('updates leave omitted fields out instead of resetting them to defaults', () => {
    expect(ZInstitutionUpdate.parse({ version: 3 })).toEqual({ version: 3 });
    expect(ZOfficeUpdate.parse({ version: 1 })).toEqual({ version: 1 });
    expect(ZUserUpdate.parse({ version: 1 })).toEqual({ version: 1 });
  });

  it('updates need a positive integer version', () => {
    for (const version of [0, -1, 1.5, '1', undefined]) expect(ZInstitutionUpdate.safeParse({ version }).success, String(version)).toBe(false);
  });

  it('reject unknown fields', () => {
    expect(ZOfficeUpdate.safeParse({ version: 1, colour: 'red' }).success).toBe(false);
    expect(ZUserQuery.safeParse({ page: '2' }).success).toBe(false);
  });

  it('check office and state codes', () => {
    const office = { institutionId: uuid, code: 'COMAR-TAP', name: 'x', kind: 'regional', stateCode: 'MX-CHP' };
    expect(ZOfficeInput.parse(office)).toMatchObject({ municipality: null, servedStateCodes: [], active: true });
    expect(ZOfficeInput.safeParse({ ...office, code: 'comar tap' }).success).toBe(false);
    expect(ZOfficeInput.safeParse({ ...office, stateCode: 'Chiapas' }).success).toBe(false);
  });

  it('coerce list query numbers and booleans from the query string', () => {
    expect(ZUserQuery.parse({ limit: '20', offset: '40', active: 'false' })).toEqual({ limit: 20, offset: 40, active: false });
    expect(ZUserQuery.parse({})).toEqual({ limit: 50, offset: 0 });
  });

  it('accept only catalogue permissions in roles', () => {
    expect(ZRoleInput.safeParse({ code: 'x_role', name: 'x', permissions: ['read:user:all'] }).success).toBe(true);
    expect(ZRoleInput.safeParse({ code: 'x_role', name: 'x', permissions: ['read:user:galaxy'] }).success).toBe(false);
  });
});
