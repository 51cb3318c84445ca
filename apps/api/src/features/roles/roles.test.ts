import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, PERMISSIONS } from '@refugio/domain';
import { syncAccessCatalogue } from '@refugio/domain/server';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

interface Role { id: string; code: string; name: string; requiresTotp: boolean; builtIn: boolean; permissions: string[]; userCount: number; version: number }

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const createRole = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/roles', { session: admin, body, headers });

describe('roles', () => {
  it('lists the built-in roles with their permissions, readable by an admin', async () => {
    const roles = (await call(t.app, 'GET', '/api/roles', { session: admin })).json<Role[]>();
    for (const [code, definition] of Object.entries(BUILT_IN_ROLES)) {
      const role = roles.find((r) => r.code === code);
      expect(role, code).toMatchObject({ builtIn: true, userCount: 1 });
      for (const permission of definition.permissions) expect(role!.permissions, code).toContain(permission);
    }
    const catalogue = (await call(t.app, 'GET', '/api/permissions', { session: admin })).json<Array<{ code: string; scope: string }>>();
    expect(catalogue.map((p) => p.code).toSorted()).toEqual([...PERMISSIONS].toSorted());
  });

  it('creates a role; a wide scope brings the narrower ones', async () => {
    const res = await createRole({ code: 'revisor', name: 'Revisión', permissions: ['use:account:own', 'read:user:all'] });
    expect(res.statusCode).toBe(201);
    expect(res.json<Role>()).toMatchObject({
      code: 'revisor', builtIn: false, requiresTotp: false, version: 1, userCount: 0,
      permissions: ['read:user:all', 'read:user:institution', 'read:user:office', 'use:account:own'],
    });
    expect((await auditEvents(t.db, 'role.created')).at(-1)).toMatchObject({ entity_id: res.json<Role>().id });
  });

  it('updates with version (permissions replaced), refuses a stale version with the current role', async () => {
    const role = (await call(t.app, 'GET', '/api/roles', { session: admin })).json<Role[]>().find((r) => r.code === 'revisor')!;
    const res = await call(t.app, 'PATCH', `/api/roles/${role.id}`, { session: admin, body: { permissions: ['use:account:own', 'read:audit:office'], requiresTotp: true, version: role.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json<Role>()).toMatchObject({ permissions: ['read:audit:office', 'use:account:own'], requiresTotp: true, version: 2 });
    const stale = expectProblem(await call(t.app, 'PATCH', `/api/roles/${role.id}`, { session: admin, body: { name: 'x', version: 1 } }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id: role.id, version: 2, requiresTotp: true });
    const event = (await auditEvents(t.db, 'role.updated')).at(-1);
    expect(event?.details).toMatchObject({ changes: { requiresTotp: { before: false, after: true } } });
  });

  it('refuses a duplicate code (409, field code) and a permission outside the catalogue (400)', async () => {
    const duplicate = await createRole({ code: 'admin', name: 'Otra', permissions: [] });
    expectProblem(duplicate, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(duplicate).map((e) => e.field)).toEqual(['code']);
    const unknown = await createRole({ code: 'rara', name: 'Rara', permissions: ['launch:rocket:all'] });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(unknown).map((e) => e.field)).toEqual(['permissions.0']);
  });

  it('Idempotency-Key: one role for two identical creates', async () => {
    const key = { 'idempotency-key': `create-role-${randomUUID()}` };
    const body = { code: 'consulta', name: 'Consulta', permissions: ['use:account:own'] };
    const first = await createRole(body, key);
    const second = await createRole(body, key);
    expect(second.json()).toEqual(first.json());
    const { rows } = await t.db.query(`SELECT 1 FROM roles WHERE code = 'consulta'`);
    expect(rows).toHaveLength(1);
  });

  it('a permission taken from a role is gone from its users\' next request', async () => {
    const supervisor = await loginAs(t.app, 'supervisor');
    expect((await call(t.app, 'GET', '/api/audit-events', { session: supervisor })).statusCode).toBe(200);
    const role = (await call(t.app, 'GET', '/api/roles', { session: admin })).json<Role[]>().find((r) => r.code === 'supervisor')!;
    const kept = role.permissions.filter((p) => p !== 'read:audit:office');
    expect((await call(t.app, 'PATCH', `/api/roles/${role.id}`, { session: admin, body: { permissions: kept, version: role.version } })).statusCode).toBe(200);
    expectProblem(await call(t.app, 'GET', '/api/audit-events', { session: supervisor }), 403, 'FORBIDDEN');
  });
});

describe('permission catalogue upgrades', () => {
  it('a permission new to the database goes to the built-in roles that define it, and only to them', async () => {
    await t.db.query("DELETE FROM permissions WHERE code = 'read:calendar:all'");
    await t.db.query("DELETE FROM role_permissions WHERE permission_code = 'manage:user:all' AND role_id = (SELECT id FROM roles WHERE code = 'admin')");
    await syncAccessCatalogue(t.db);
    const { rows } = await t.db.query<{ code: string }>(
      `SELECT r.code FROM role_permissions rp JOIN roles r ON r.id = rp.role_id
       WHERE rp.permission_code = 'read:calendar:all' ORDER BY r.code`,
    );
    const expected = Object.entries(BUILT_IN_ROLES).filter(([, d]) => d.permissions.includes('read:calendar:all')).map(([c]) => c);
    expect(rows.map((r) => r.code)).toEqual(expected.toSorted());
    // A permission the database already knew stays as the administrator left it.
    const adminKept = await t.db.query(
      "SELECT 1 FROM role_permissions rp JOIN roles r ON r.id = rp.role_id WHERE r.code = 'admin' AND rp.permission_code = 'manage:user:all'",
    );
    expect(adminKept.rows).toEqual([]);
  });
});
