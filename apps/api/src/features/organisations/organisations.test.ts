import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents, call, countRows, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

interface Institution { id: string; code: string; name: string; kind: string; active: boolean; version: number; officeCount: number }
interface Office { id: string; institutionId: string; code: string; name: string; municipality: string | null; servedStateCodes: string[]; version: number }

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) => call(t.app, 'POST', url, { session: admin, body, headers });
const patch = (url: string, body: unknown) => call(t.app, 'PATCH', url, { session: admin, body });

describe('institutions', () => {
  let created: Institution;

  it('creates one (201) and audits it', async () => {
    const res = await post('/api/institutions', { code: 'SIN-FRONTERAS', name: 'Sin Fronteras IAP', kind: 'ngo' });
    expect(res.statusCode).toBe(201);
    created = res.json<Institution>();
    expect(created).toMatchObject({ code: 'SIN-FRONTERAS', kind: 'ngo', active: true, version: 1, officeCount: 0 });
    const got = await call(t.app, 'GET', `/api/institutions/${created.id}`, { session: admin });
    expect(got.json()).toEqual(created);
    expect((await auditEvents(t.db, 'institution.created')).at(-1)).toMatchObject({ entity_id: created.id, actor_username: 'admin' });
  });

  it('updates with the current version and bumps it', async () => {
    const res = await patch(`/api/institutions/${created.id}`, { name: 'Sin Fronteras', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Sin Fronteras', version: 2, code: 'SIN-FRONTERAS', kind: 'ngo', active: true });
    const event = (await auditEvents(t.db, 'institution.updated')).at(-1);
    expect(event?.details).toEqual({ changes: { name: { before: 'Sin Fronteras IAP', after: 'Sin Fronteras' } } });
  });

  it('refuses a stale version with 409 VERSION_CONFLICT carrying the current record', async () => {
    const res = await patch(`/api/institutions/${created.id}`, { name: 'Overwritten', version: 1 });
    const body = expectProblem(res, 409, 'VERSION_CONFLICT');
    expect(body.current).toMatchObject({ id: created.id, name: 'Sin Fronteras', version: 2 });
    expect((await call(t.app, 'GET', `/api/institutions/${created.id}`, { session: admin })).json()).toMatchObject({ name: 'Sin Fronteras' });
  });

  it('refuses a duplicate code with 409 ALREADY_EXISTS naming the field, on create and update', async () => {
    const before = await countRows(t.db, 'institutions');
    const res = await post('/api/institutions', { code: 'COMAR', name: 'Otra COMAR', kind: 'other' });
    expectProblem(res, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['code']);
    expect(await countRows(t.db, 'institutions')).toBe(before);
    const renamed = await patch(`/api/institutions/${created.id}`, { code: 'INM', version: 2 });
    expectProblem(renamed, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(renamed).map((e) => e.field)).toEqual(['code']);
  });

  it('answers 404 for an unknown id', async () => {
    expectProblem(await call(t.app, 'GET', `/api/institutions/${randomUUID()}`, { session: admin }), 404, 'NOT_FOUND');
    expectProblem(await patch(`/api/institutions/${randomUUID()}`, { name: 'x', version: 1 }), 404, 'NOT_FOUND');
  });

  it('Idempotency-Key: the same create twice returns the same body and creates one record', async () => {
    const body = { code: 'ASYLUM-ACCESS', name: 'Asylum Access México', kind: 'ngo' };
    const key = { 'idempotency-key': `create-institution-${randomUUID()}` };
    const first = await post('/api/institutions', body, key);
    const second = await post('/api/institutions', body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const { rows } = await t.db.query(`SELECT id FROM institutions WHERE code = 'ASYLUM-ACCESS'`);
    expect(rows).toHaveLength(1);
    expect((await auditEvents(t.db, 'institution.created')).filter((e) => e.entity_id === first.json<Institution>().id)).toHaveLength(1);
  });

  it('Idempotency-Key reused with another body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = { 'idempotency-key': `create-institution-${randomUUID()}` };
    expect((await post('/api/institutions', { code: 'HIAS', name: 'HIAS México', kind: 'ngo' }, key)).statusCode).toBe(201);
    expectProblem(await post('/api/institutions', { code: 'HIAS-2', name: 'HIAS México', kind: 'ngo' }, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    const { rows } = await t.db.query(`SELECT id FROM institutions WHERE code LIKE 'HIAS%'`);
    expect(rows).toHaveLength(1);
  });

  it('a failed create frees its Idempotency-Key for the corrected retry', async () => {
    const key = { 'idempotency-key': `create-institution-${randomUUID()}` };
    expectProblem(await post('/api/institutions', { code: 'COMAR', name: 'Duplicada', kind: 'ngo' }, key), 409, 'ALREADY_EXISTS');
    expect((await post('/api/institutions', { code: 'COMAR', name: 'Duplicada', kind: 'ngo' }, key)).statusCode).toBe(409);
    expect((await post('/api/institutions', { code: 'IMUMI', name: 'IMUMI', kind: 'ngo' }, key)).statusCode).toBe(201);
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const res = await post('/api/institutions', { code: 'BAD-KEY', name: 'x', kind: 'ngo' }, { 'idempotency-key': 'no spaces allowed' });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['header:idempotency-key']);
  });
});

describe('offices', () => {
  let comarId: string;
  let office: Office;

  beforeAll(async () => {
    const list = (await call(t.app, 'GET', '/api/institutions', { session: admin })).json<Institution[]>();
    comarId = list.find((i) => i.code === 'COMAR')!.id;
  });

  it('creates one under an institution and lists it with the filter', async () => {
    const res = await post('/api/offices', {
      institutionId: comarId, code: 'COMAR-MTY', name: 'COMAR Monterrey', kind: 'regional', stateCode: 'MX-NLE',
      municipality: 'Monterrey', servedStateCodes: ['MX-NLE', 'MX-COA'],
    });
    expect(res.statusCode).toBe(201);
    office = res.json<Office>();
    expect(office).toMatchObject({ institutionId: comarId, code: 'COMAR-MTY', servedStateCodes: ['MX-NLE', 'MX-COA'], version: 1 });
    const listed = (await call(t.app, 'GET', `/api/offices?institutionId=${comarId}`, { session: admin })).json<Office[]>();
    expect(listed.map((o) => o.code)).toContain('COMAR-MTY');
    expect(listed.every((o) => o.institutionId === comarId)).toBe(true);
    expect((await auditEvents(t.db, 'office.created')).at(-1)).toMatchObject({ entity_id: office.id });
  });

  it('updates with version, can clear the municipality, refuses a stale version', async () => {
    const res = await patch(`/api/offices/${office.id}`, { municipality: null, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ municipality: null, version: 2, name: 'COMAR Monterrey' });
    const stale = expectProblem(await patch(`/api/offices/${office.id}`, { name: 'x', version: 1 }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id: office.id, version: 2 });
  });

  it('refuses a duplicate code (409, field code) and an unknown institution (400, field institutionId)', async () => {
    const duplicate = await post('/api/offices', { institutionId: comarId, code: 'COMAR-TAP', name: 'x', kind: 'regional', stateCode: 'MX-CHP' });
    expectProblem(duplicate, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(duplicate).map((e) => e.field)).toEqual(['code']);
    const orphan = await post('/api/offices', { institutionId: randomUUID(), code: 'NOWHERE', name: 'x', kind: 'regional', stateCode: 'MX-CHP' });
    expectProblem(orphan, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(orphan)).toEqual([{ field: 'institutionId', code: 'validation.unknown_reference' }]);
  });

  it('validates state codes', async () => {
    const res = await post('/api/offices', { institutionId: comarId, code: 'BAD-STATE', name: 'x', kind: 'regional', stateCode: 'Chiapas', servedStateCodes: ['MX-CHP', 'nope'] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field).toSorted()).toEqual(['servedStateCodes.1', 'stateCode']);
  });
});
