import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditEvents, verifyAuditChain } from '@refugio/domain/server';
import { call, countRows, createTestApp, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

interface AuditEvent { id: number; seq: number | null; action: string; entityType: string; entityId: string | null; officeId: string | null; actorUsername: string | null; requestId: string | null }
interface AuditPage { items: AuditEvent[]; nextBefore: number | null; names: Record<string, string> }

let t: TestApp;
let admin: TestSession;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  for (const o of (await call(t.app, 'GET', '/api/offices', { session: admin })).json<Array<{ id: string; code: string; institutionId: string }>>()) {
    ids.set(o.code, o.id);
    if (o.code === 'COMAR-TAP') ids.set('COMAR', o.institutionId);
  }
});
afterAll(async () => {
  await t?.close();
});

/** The audit events written while serving one request, found by its request id. */
async function eventsOf(res: LightMyRequestResponse) {
  const requestId = res.headers['x-request-id'];
  expect(requestId).toBeTruthy();
  const { rows } = await t.db.query<{ action: string; entity_id: string | null; actor_username: string | null }>(
    'SELECT action, entity_id, actor_username FROM audit_events WHERE request_id = $1 ORDER BY id', [requestId]);
  return rows;
}

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown, session: TestSession = admin) =>
  call(t.app, method, url, { session, ...(body === undefined ? {} : { body }) });

describe('every write leaves its event', () => {
  it('for each admin and account operation, in the same request', async () => {
    const written: Array<[string, LightMyRequestResponse]> = [];
    const institution = await send('POST', '/api/institutions', { code: 'CDH-FM', name: 'Centro de Derechos Humanos Fray Matías', kind: 'ngo' });
    written.push(['institution.created', institution]);
    const institutionId = institution.json<{ id: string }>().id;
    written.push(['institution.updated', await send('PATCH', `/api/institutions/${institutionId}`, { name: 'Fray Matías', version: 1 })]);
    const office = await send('POST', '/api/offices', { institutionId, code: 'FM-TAP', name: 'Fray Matías Tapachula', kind: 'other', stateCode: 'MX-CHP' });
    written.push(['office.created', office]);
    written.push(['office.updated', await send('PATCH', `/api/offices/${office.json<{ id: string }>().id}`, { municipality: 'Tapachula', version: 1 })]);
    const role = await send('POST', '/api/roles', { code: 'acompanante', name: 'Acompañante', permissions: ['use:account:own'] });
    written.push(['role.created', role]);
    written.push(['role.updated', await send('PATCH', `/api/roles/${role.json<{ id: string }>().id}`, { description: 'Acompañamiento legal', version: 1 })]);
    const user = await send('POST', '/api/users', { username: 'acompana', fullName: 'Acompañante Legal', institutionId, officeIds: [], roleCodes: ['acompanante'], password: 'acompana-password' });
    written.push(['user.created', user]);
    const userId = user.json<{ user: { id: string } }>().user.id;
    written.push(['user.updated', await send('PATCH', `/api/users/${userId}`, { fullName: 'Acompañante', version: 1 })]);
    written.push(['user.password_reset', await send('POST', `/api/users/${userId}/password-reset`)]);
    written.push(['user.updated', await send('PUT', '/api/auth/language', { language: 'en' })]);
    const other = await loginAs(t.app, 'formador');
    written.push(['auth.password_changed', await send('POST', '/api/auth/password', { currentPassword: 'refugio-test-password', newPassword: 'formador-new-password' }, other)]);
    written.push(['auth.logout', await send('POST', '/api/auth/logout', undefined, other)]);

    for (const [action, res] of written) {
      expect(res.statusCode, `${action}: ${res.body}`).toBeLessThan(300);
      const events = await eventsOf(res);
      expect(events.map((e) => e.action), action).toContain(action);
      expect(events.every((e) => e.actor_username === 'admin' || e.actor_username === 'formador')).toBe(true);
    }
  });

  it('a failed write leaves none', async () => {
    const before = await countRows(t.db, 'audit_events');
    const failures = [
      await send('POST', '/api/institutions', { code: 'COMAR', name: 'Duplicada', kind: 'ngo' }),
      await send('POST', '/api/users', { username: 'admin', fullName: 'x', institutionId: ids.get('COMAR'), officeIds: [], roleCodes: ['interpreter'] }),
      await send('POST', '/api/users', { username: 'sin.oficina', fullName: 'x', institutionId: ids.get('COMAR'), officeIds: [ids.get('INM-CHD')], roleCodes: ['interpreter'] }),
      await send('PATCH', `/api/offices/${ids.get('COMAR-TAP')}`, { name: 'x', version: 99 }),
      await send('POST', '/api/roles', { code: 'admin', name: 'x', permissions: [] }),
      await send('POST', '/api/institutions', { code: 'x' }),
    ];
    for (const res of failures) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(await eventsOf(res)).toEqual([]);
    }
    expect(await countRows(t.db, 'audit_events')).toBe(before);
  });

  it('the chain verifies after all of it, once the sealer has run', async () => {
    expect((await verifyAuditChain(t.db)).unsealed.count).toBeGreaterThan(0);
    await sealAuditEvents(t.db);
    const result = await verifyAuditChain(t.db);
    expect(result).toMatchObject({ ok: true, checked: await countRows(t.db, 'audit_events'), firstBadSeq: null, reason: null });
  });
});

async function list(session: TestSession, query = ''): Promise<AuditPage> {
  const res = await call(t.app, 'GET', `/api/audit-events${query}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPage>();
}

describe('audit viewer', () => {

  it('lists newest first and filters by action, entity and actor', async () => {
    const all = await list(admin, '?limit=200');
    const eventIds = all.items.map((e) => e.id);
    expect(eventIds).toEqual(eventIds.toSorted((a, b) => b - a));
    const created = await list(admin, '?action=institution.created');
    expect(created.items.length).toBeGreaterThan(0);
    expect(created.items.every((e) => e.action === 'institution.created')).toBe(true);
    const entityId = created.items[0]!.entityId!;
    const history = await list(admin, `?entityId=${entityId}`);
    expect(history.items.map((e) => e.action).toSorted()).toEqual(['institution.created', 'institution.updated']);
    const byActor = await list(admin, '?actor=FORMADOR');
    expect(new Set(byActor.items.map((e) => e.actorUsername))).toEqual(new Set(['formador']));
    // Dates are read in the database's time zone: ask it for today.
    const today = (await t.db.query<{ today: string }>('SELECT current_date::text AS today')).rows[0]!.today;
    expect((await list(admin, `?from=${today}&to=${today}&limit=1`)).items).toHaveLength(1);
    expect((await list(admin, '?to=2000-01-01')).items).toEqual([]);
  });

  it('names the records and the ids in the details, so no entry reads as a uuid', async () => {
    const created = await list(admin, '?action=institution.created');
    const institution = created.items[0]!.entityId!;
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM institutions WHERE id = $1', [institution]);
    expect(created.names[institution]).toBe(rows[0]!.name);
    const users = await list(admin, '?entityType=user&limit=5');
    expect(users.items.length).toBeGreaterThan(0);
    for (const event of users.items) {
      const { rows: named } = await t.db.query<{ full_name: string }>('SELECT full_name FROM users WHERE id::text = $1', [event.entityId]);
      expect(users.names[event.entityId!]).toBe(named[0]!.full_name);
    }
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const everything = (await list(admin, '?limit=200')).items.map((e) => e.id);
    const paged: number[] = [];
    let cursor: number | null = null;
    do {
      const page: AuditPage = await list(admin, `?limit=7${cursor ? `&before=${cursor}` : ''}`);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextBefore;
    } while (cursor !== null);
    expect(paged).toEqual(everything);
  });

  it('an office-scoped reader sees only their offices\' events', async () => {
    await send('POST', '/api/users', { username: 'tap.nuevo', fullName: 'Nuevo Tapachula', institutionId: ids.get('COMAR'), officeIds: [ids.get('COMAR-TAP')], roleCodes: ['interpreter'] });
    await send('POST', '/api/users', { username: 'pal.nuevo', fullName: 'Nuevo Palenque', institutionId: ids.get('COMAR'), officeIds: [ids.get('COMAR-PAL')], roleCodes: ['interpreter'] });
    const supervisor = await loginAs(t.app, 'supervisor');
    const seen = (await list(supervisor, '?limit=200')).items;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((e) => e.officeId))).toEqual(new Set([ids.get('COMAR-TAP')]));
    const auditor = await loginAs(t.app, 'auditor');
    const offices = new Set((await list(auditor, '?action=user.created')).items.map((e) => e.officeId));
    expect(offices.has(ids.get('COMAR-PAL')!)).toBe(true);
  });
});
