import { BUILT_IN_ROLES } from '@refugio/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents, call, countRows, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

interface User {
  id: string; username: string; fullName: string; email: string | null; institutionId: string; institutionCode: string;
  offices: Array<{ id: string; code: string }>; roleCodes: string[]; active: boolean; version: number;
}
interface Created { user: User; temporaryPassword: string | null }

let t: TestApp;
let admin: TestSession;
const institutionIds = new Map<string, string>();
const officeIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  for (const i of (await call(t.app, 'GET', '/api/institutions', { session: admin })).json<Array<{ id: string; code: string }>>()) institutionIds.set(i.code, i.id);
  for (const o of (await call(t.app, 'GET', '/api/offices', { session: admin })).json<Array<{ id: string; code: string }>>()) officeIds.set(o.code, o.id);
});
afterAll(async () => {
  await t?.close();
});

const inm = () => ({ institutionId: institutionIds.get('INM')!, officeIds: [officeIds.get('INM-CHD')!] });
const createUser = (session: TestSession, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/users', { session, body, headers });

describe('users as admin', () => {
  let created: Created;

  it('creates a user with a one-time password that must be changed; the password is not audited', async () => {
    const res = await createUser(admin, { username: 'Agente.Frontera', fullName: 'Agente de Frontera', email: 'agente@inm.example', roleCodes: ['first_contact_officer'], ...inm() });
    expect(res.statusCode).toBe(201);
    created = res.json<Created>();
    expect(created.user).toMatchObject({ username: 'agente.frontera', institutionCode: 'INM', roleCodes: ['first_contact_officer'], active: true, version: 1 });
    expect(created.user.offices.map((o) => o.code)).toEqual(['INM-CHD']);
    expect(created.temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);

    const session = await loginAs(t.app, 'agente.frontera', created.temporaryPassword!);
    expect((await call(t.app, 'GET', '/api/auth/me', { session })).json()).toMatchObject({ mustChangePassword: true, roles: ['first_contact_officer'] });
    const event = (await auditEvents(t.db, 'user.created')).at(-1);
    expect(event).toMatchObject({ entity_id: created.user.id, actor_username: 'admin' });
    expect(event?.details).not.toHaveProperty('password');
  });

  it('with a chosen password, returns no temporary one and keeps the password out of the trail', async () => {
    const res = await createUser(admin, { username: 'oficial.dos', fullName: 'Oficial Dos', roleCodes: ['interpreter'], password: 'a-chosen-password', ...inm() });
    expect(res.statusCode).toBe(201);
    expect(res.json<Created>().temporaryPassword).toBeNull();
    await loginAs(t.app, 'oficial.dos', 'a-chosen-password');
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%a-chosen-password%'`);
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a duplicate username, whatever its case, with 409 naming the field', async () => {
    const before = await countRows(t.db, 'users');
    const res = await createUser(admin, { username: 'ADMIN', fullName: 'Otro', roleCodes: ['interpreter'], ...inm() });
    expectProblem(res, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['username']);
    expect(await countRows(t.db, 'users')).toBe(before);
  });

  it('refuses an office of another institution and an unknown role', async () => {
    const office = await createUser(admin, { username: 'mezcla', fullName: 'x', roleCodes: ['interpreter'], institutionId: institutionIds.get('INM'), officeIds: [officeIds.get('COMAR-TAP')] });
    expect(fieldErrors(office)).toEqual([{ field: 'officeIds.0', code: 'validation.office_institution_mismatch' }]);
    const role = await createUser(admin, { username: 'mezcla', fullName: 'x', roleCodes: ['interpreter', 'astronaut'], ...inm() });
    expect(fieldErrors(role)).toEqual([{ field: 'roleCodes.1', code: 'validation.unknown_reference' }]);
  });

  it('updates with version; a stale version gets 409 with the current record', async () => {
    const url = `/api/users/${created.user.id}`;
    const res = await call(t.app, 'PATCH', url, { session: admin, body: { fullName: 'Agente Renombrado', officeIds: [officeIds.get('INM-TAP-EM')], version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Agente Renombrado', version: 2, offices: [{ code: 'INM-TAP-EM' }] });
    const stale = expectProblem(await call(t.app, 'PATCH', url, { session: admin, body: { fullName: 'Perdido', version: 1 } }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id: created.user.id, fullName: 'Agente Renombrado', version: 2 });
  });

  it('disabling closes the sessions and refuses logins; an admin cannot disable themself', async () => {
    const session = await loginAs(t.app, 'oficial.dos', 'a-chosen-password');
    const id = session.userId;
    const res = await call(t.app, 'PATCH', `/api/users/${id}`, { session: admin, body: { active: false, version: 1 } });
    expect(res.statusCode).toBe(200);
    expectProblem(await call(t.app, 'GET', '/api/auth/me', { session }), 401, 'UNAUTHENTICATED');
    expectProblem(await call(t.app, 'POST', '/api/auth/login', { body: { username: 'oficial.dos', password: 'a-chosen-password' } }), 401, 'INVALID_CREDENTIALS');
    expect((await auditEvents(t.db, 'user.disabled')).at(-1)).toMatchObject({ entity_id: id });

    const self = await call(t.app, 'PATCH', `/api/users/${admin.userId}`, { session: admin, body: { active: false, version: 1 } });
    expect(fieldErrors(self)).toEqual([{ field: 'active', code: 'validation.cannot_remove_own_admin' }]);
  });

  it('Idempotency-Key: one user for two identical creates; another body with the key → 422', async () => {
    const key = { 'idempotency-key': `create-user-${randomUUID()}` };
    const body = { username: 'reintento', fullName: 'Reintento', roleCodes: ['interpreter'], ...inm() };
    const first = await createUser(admin, body, key);
    const second = await createUser(admin, body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const { rows } = await t.db.query(`SELECT 1 FROM users WHERE username = 'reintento'`);
    expect(rows).toHaveLength(1);
    expectProblem(await createUser(admin, { ...body, username: 'reintento.dos' }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('a stored response (it may hold a one-time password) is purged after the retention period', async () => {
    const key = { 'idempotency-key': `create-user-${randomUUID()}` };
    expect((await createUser(admin, { username: 'retencion', fullName: 'Retención', roleCodes: ['interpreter'], ...inm() }, key)).statusCode).toBe(201);
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key['idempotency-key']]);
    const next = { 'idempotency-key': `create-user-${randomUUID()}` };
    expect((await createUser(admin, { username: 'retencion.dos', fullName: 'Retención', roleCodes: ['interpreter'], ...inm() }, next)).statusCode).toBe(201);
    const { rows } = await t.db.query('SELECT key FROM idempotency_keys WHERE key = ANY($1::text[])', [[key['idempotency-key'], next['idempotency-key']]]);
    expect(rows).toEqual([{ key: next['idempotency-key'] }]);
  });

  it('a key belongs to the user, not the session', async () => {
    const key = `shared-key-${randomUUID()}`;
    expect((await call(t.app, 'POST', '/api/institutions', { session: admin, body: { code: 'ONE-KEY', name: 'x', kind: 'ngo' }, headers: { 'idempotency-key': key } })).statusCode).toBe(201);
    const again = await loginAs(t.app, 'admin');
    const replay = await call(t.app, 'POST', '/api/institutions', { session: again, body: { code: 'ONE-KEY', name: 'x', kind: 'ngo' }, headers: { 'idempotency-key': key } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });
});

describe('an institution-scoped user manager', () => {
  let manager: TestSession;

  beforeAll(async () => {
    const role = await call(t.app, 'POST', '/api/roles', { session: admin, body: {
      code: 'jefe_personal', name: 'Jefatura de personal',
      // Holds what a first-contact officer holds, so it may create one.
      permissions: [...new Set(['read:user:institution', 'manage:user:institution', ...BUILT_IN_ROLES.first_contact_officer.permissions])],
    } });
    expect(role.statusCode).toBe(201);
    const user = await createUser(admin, { username: 'jefe.inm', fullName: 'Jefe INM', roleCodes: ['jefe_personal'], password: 'jefe-inm-password', ...inm() });
    expect(user.statusCode).toBe(201);
    manager = await loginAs(t.app, 'jefe.inm', 'jefe-inm-password');
  });

  it('creates users in their own institution with roles they could hold', async () => {
    const res = await createUser(manager, { username: 'nuevo.inm', fullName: 'Nuevo INM', roleCodes: ['first_contact_officer'], ...inm() });
    expect(res.statusCode).toBe(201);
  });

  it('cannot create users in another institution', async () => {
    const res = await createUser(manager, { username: 'intruso', fullName: 'x', roleCodes: ['interpreter'], institutionId: institutionIds.get('COMAR'), officeIds: [] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['institutionId']);
  });

  it('cannot grant a role with permissions they lack, on create or update', async () => {
    const res = await createUser(manager, { username: 'super.inm', fullName: 'x', roleCodes: ['first_contact_officer', 'admin'], ...inm() });
    expect(fieldErrors(res)).toEqual([{ field: 'roleCodes.1', code: 'validation.role_not_grantable' }]);
    const target = (await call(t.app, 'GET', '/api/users?q=nuevo.inm', { session: manager })).json<{ items: User[] }>().items[0]!;
    const update = await call(t.app, 'PATCH', `/api/users/${target.id}`, { session: manager, body: { roleCodes: ['auditor'], version: target.version } });
    expect(fieldErrors(update)).toEqual([{ field: 'roleCodes.0', code: 'validation.role_not_grantable' }]);
  });

  it('cannot take over an account that holds permissions they lack', async () => {
    const created = await createUser(admin, { username: 'auditor.inm', fullName: 'Auditoría INM', roleCodes: ['auditor'], password: 'auditor-inm-password', ...inm() });
    expect(created.statusCode).toBe(201);
    const target = created.json<Created>().user;
    expectProblem(await call(t.app, 'POST', `/api/users/${target.id}/password-reset`, { session: manager }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'PATCH', `/api/users/${target.id}`, { session: manager, body: { email: 'manager@evil.example', version: target.version } }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'PATCH', `/api/users/${target.id}`, { session: manager, body: { active: false, version: target.version } }), 403, 'FORBIDDEN');
    await loginAs(t.app, 'auditor.inm', 'auditor-inm-password');
    // Someone they could have created themself is theirs to manage.
    const peer = (await call(t.app, 'GET', '/api/users?q=nuevo.inm', { session: manager })).json<{ items: User[] }>().items[0]!;
    expect((await call(t.app, 'POST', `/api/users/${peer.id}/password-reset`, { session: manager })).statusCode).toBe(200);
  });

  it('sees and manages only their institution\'s users', async () => {
    const list = (await call(t.app, 'GET', '/api/users?limit=200', { session: manager })).json<{ items: User[]; total: number }>();
    expect(list.items.length).toBe(list.total);
    expect(new Set(list.items.map((u) => u.institutionCode))).toEqual(new Set(['INM']));
    const outsider = await userIdOf(t.db, 'registro');
    expectProblem(await call(t.app, 'GET', `/api/users/${outsider}`, { session: manager }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'PATCH', `/api/users/${outsider}`, { session: manager, body: { fullName: 'x', version: 1 } }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'POST', `/api/users/${outsider}/password-reset`, { session: manager }), 404, 'NOT_FOUND');
  });
});

describe('an office-scoped supervisor', () => {
  it('sees only the users of their office', async () => {
    const supervisor = await loginAs(t.app, 'supervisor');
    const list = (await call(t.app, 'GET', '/api/users', { session: supervisor })).json<{ items: User[]; total: number }>();
    expect(list.items.map((u) => u.username).toSorted()).toEqual(['elegibilidad', 'interprete', 'registro', 'supervisor']);
    expect(list.total).toBe(4);
    for (const user of list.items) expect(user.offices.map((o) => o.code)).toContain('COMAR-TAP');
    expectProblem(await call(t.app, 'GET', `/api/users/${admin.userId}`, { session: supervisor }), 404, 'NOT_FOUND');
    expect((await call(t.app, 'GET', `/api/users/${await userIdOf(t.db, 'registro')}`, { session: supervisor })).statusCode).toBe(200);
    // Filters narrow within the scope, never widen it.
    const filtered = (await call(t.app, 'GET', `/api/users?institutionId=${institutionIds.get('INM')}`, { session: supervisor })).json<{ total: number }>();
    expect(filtered.total).toBe(0);
  });

  it('cannot manage users (403)', async () => {
    const supervisor = await loginAs(t.app, 'supervisor');
    expectProblem(await createUser(supervisor, { username: 'x', fullName: 'x', roleCodes: ['interpreter'], ...inm() }), 403, 'FORBIDDEN');
  });
});

describe('listing', () => {
  it('filters by text, role and active, and paginates', async () => {
    const byRole = (await call(t.app, 'GET', '/api/users?role=supervisor', { session: admin })).json<{ items: User[] }>();
    expect(byRole.items.map((u) => u.username)).toEqual(['supervisor']);
    const byText = (await call(t.app, 'GET', '/api/users?q=Ram%C3%ADrez', { session: admin })).json<{ items: User[] }>();
    expect(byText.items.map((u) => u.username)).toEqual(['auditor']);
    const inactive = (await call(t.app, 'GET', '/api/users?active=false', { session: admin })).json<{ items: User[] }>();
    expect(inactive.items.map((u) => u.username)).toEqual(['oficial.dos']);
    const page1 = (await call(t.app, 'GET', '/api/users?limit=3', { session: admin })).json<{ items: User[]; total: number }>();
    const page2 = (await call(t.app, 'GET', '/api/users?limit=3&offset=3', { session: admin })).json<{ items: User[] }>();
    expect(page1.items).toHaveLength(3);
    expect(page1.total).toBeGreaterThan(6);
    expect(page2.items.map((u) => u.id)).not.toContain(page1.items[0]!.id);
    // LIKE wildcards in the search are taken literally.
    expect((await call(t.app, 'GET', '/api/users?q=%25', { session: admin })).json<{ total: number }>().total).toBe(0);
  });
});

describe('an administrator who may edit roles', () => {
  it('creates accounts with roles whose case-file permissions the administrator does not hold', async () => {
    const res = await createUser(admin, { username: 'registro.nuevo', fullName: 'Registro Nuevo', roleCodes: ['registration_clerk'],
      institutionId: institutionIds.get('COMAR'), officeIds: [] });
    expect(res.statusCode).toBe(201);
  });
});
