// The competency register (own / office / institution scope; the coordinator records and revokes
// with evidence and reasons, audited), the office matrix and the gating rules as data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TGrant } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let capacitacion: TestSession;
let supervisor: TestSession;
let elegibilidad: TestSession;
let inm: TestSession;
let tapachula: string;

beforeAll(async () => {
  t = await createTestApp();
  capacitacion = await loginAs(t.app, 'capacitacion');
  supervisor = await loginAs(t.app, 'supervisor');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  inm = await loginAs(t.app, 'inm');
  tapachula = (await t.db.query<{ id: string }>("SELECT id FROM offices WHERE code = 'COMAR-TAP'")).rows[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

const grants = (session: TestSession, query = '') => call(t.app, 'GET', `/api/competency-grants${query}`, { session });
const record = (body: Record<string, unknown>, session = capacitacion) => call(t.app, 'POST', '/api/competency-grants', {
  session, body: { userId: elegibilidad.userId, competencyCode: 'interviewing_children', source: 'experience',
    evidence: 'Dos años entrevistando a niñas y niños en el DIF', grantedOn: '2026-01-15', expiresOn: '2029-01-15', ...body },
});

describe('competency register', () => {
  it('shows each person their own register, and no one else\'s without a wider scope', async () => {
    const own = (await grants(elegibilidad)).json<TGrant[]>();
    expect(own.map((g) => g.competencyCode).toSorted()).toEqual(['evidence_assessment', 'inclusion', 'interview_techniques']);
    expect(own.every((g) => g.userId === elegibilidad.userId && g.source === 'external_certificate' && g.status === 'valid')).toBe(true);
    expect((await grants(elegibilidad, `?userId=${supervisor.userId}`)).json<TGrant[]>()).toEqual([]);
    // The supervisor reads the office's staff; the INM officer is in no COMAR office.
    expect((await grants(supervisor, `?userId=${elegibilidad.userId}`)).json<TGrant[]>()).toHaveLength(3);
    expect((await grants(supervisor, `?userId=${inm.userId}`)).json<TGrant[]>()).toEqual([]);
  });

  it('lets the coordinator record an experience-route grant with evidence, audited', async () => {
    const res = await record({});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TGrant>()).toMatchObject({
      competencyCode: 'interviewing_children', competencyTitle: 'Entrevista a niñas, niños y adolescentes', source: 'experience',
      grantedOn: '2026-01-15', expiresOn: '2029-01-15', renewsGrantId: null, status: 'valid',
    });
    expect((await auditEvents(t.db, 'competency.granted')).at(-1)).toMatchObject({
      entity_id: res.json<TGrant>().id, details: { userId: elegibilidad.userId, competency: 'interviewing_children', source: 'experience' },
    });
  });

  it('chains a new grant to the valid one it renews', async () => {
    const first = (await grants(elegibilidad)).json<TGrant[]>().find((g) => g.competencyCode === 'interviewing_children')!;
    const renewal = await record({ source: 'external_certificate', evidence: 'Constancia ACNUR 2026', grantedOn: '2026-06-01', expiresOn: '2029-06-01' });
    expect(renewal.json<TGrant>().renewsGrantId).toBe(first.id);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await grants(elegibilidad)).json<TGrant[]>().length;
    expect(fieldErrors(await record({ expiresOn: '2025-01-01' }))).toEqual([{ field: 'expiresOn', code: 'validation.range_reversed' }]);
    expect(fieldErrors(await record({ grantedOn: '2999-01-01', expiresOn: null }))).toEqual([{ field: 'grantedOn', code: 'validation.date_in_future' }]);
    expect(fieldErrors(await record({ competencyCode: 'astrology' }))).toEqual([{ field: 'competencyCode', code: 'validation.unknown_reference' }]);
    expect(fieldErrors(await record({ evidence: ' ' })).map((e) => e.field)).toEqual(['evidence']);
    expect(fieldErrors(await record({ source: 'training' })).map((e) => e.field)).toEqual(['source']);
    expect((await grants(elegibilidad)).json<TGrant[]>()).toHaveLength(before);
  });

  it('forbids recording to those without manage:competency:institution, and outside the coordinator\'s institution', async () => {
    expectProblem(await record({}, supervisor), 403, 'FORBIDDEN');
    expectProblem(await record({ userId: inm.userId, competencyCode: 'access_procedure' }), 403, 'FORBIDDEN');
  });

  it('revokes with a reason; the grant stays in the register, marked revoked', async () => {
    const grant = (await grants(elegibilidad)).json<TGrant[]>().find((g) => g.competencyCode === 'inclusion')!;
    expect(fieldErrors(await call(t.app, 'POST', `/api/competency-grants/${grant.id}/revoke`, { session: capacitacion, body: { reason: '' } }))
      .map((e) => e.field)).toEqual(['reason']);
    const res = await call(t.app, 'POST', `/api/competency-grants/${grant.id}/revoke`, {
      session: capacitacion, body: { reason: 'Constancia no verificable' },
    });
    expect(res.json<TGrant>()).toMatchObject({ status: 'revoked', revokedReason: 'Constancia no verificable' });
    expectProblem(await call(t.app, 'POST', `/api/competency-grants/${grant.id}/revoke`, {
      session: capacitacion, body: { reason: 'otra vez' },
    }), 409, 'INVALID_STATE');
    expect((await grants(elegibilidad)).json<TGrant[]>().some((g) => g.id === grant.id)).toBe(false);
    expect((await grants(elegibilidad, '?includeRevoked=true')).json<TGrant[]>().some((g) => g.id === grant.id)).toBe(true);
    expect((await auditEvents(t.db, 'competency.revoked')).at(-1)).toMatchObject({ entity_id: grant.id, details: { reason: 'Constancia no verificable' } });
  });
});

interface Matrix { people: Array<{ id: string; cells: Array<{ code: string; status: string; expiresOn: string | null }> }> }
const matrix = (session: TestSession, query: string) => call(t.app, 'GET', `/api/competency-matrix?officeId=${tapachula}${query}`, { session });

describe('office matrix', () => {

  it('shows each person\'s status per competency: valid, expiring within N days, expired, missing', async () => {
    await t.db.query(`INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on)
      VALUES ($1, 'gender_sogi', 'external_certificate', 'x', DATE '2023-01-01', (now() AT TIME ZONE 'America/Mexico_City')::date + 30),
             ($1, 'trafficking', 'external_certificate', 'x', DATE '2022-01-01', DATE '2024-01-01')`, [elegibilidad.userId]);
    const res = await matrix(supervisor, '');
    expect(res.statusCode, res.body).toBe(200);
    const cells = new Map(res.json<Matrix>().people.find((p) => p.id === elegibilidad.userId)!.cells.map((c) => [c.code, c.status]));
    expect(Object.fromEntries(['interview_techniques', 'gender_sogi', 'trafficking', 'exclusion', 'inclusion'].map((c) => [c, cells.get(c)])))
      .toEqual({ interview_techniques: 'valid', gender_sogi: 'expiring', trafficking: 'expired', exclusion: 'missing', inclusion: 'missing' });
    const narrow = (await matrix(supervisor, '&soonDays=10')).json<Matrix>();
    expect(narrow.people.find((p) => p.id === elegibilidad.userId)!.cells.find((c) => c.code === 'gender_sogi')!.status).toBe('valid');
  });

  it('is for readers of an office or wider, not for the officer', async () => {
    expectProblem(await matrix(elegibilidad, ''), 403, 'FORBIDDEN');
    expect(fieldErrors(await matrix(supervisor, '&soonDays=0')).map((e) => e.field)).toEqual(['querystring:soonDays']);
  });
});

describe('gating rules', () => {
  interface Rule { id: string; needCode: string; competencyCode: string; active: boolean; version: number }

  it('lists the seeded rules and lets the coordinator add and deactivate one (409 when stale)', async () => {
    const { rules, competencies } = (await call(t.app, 'GET', '/api/gating-rules', { session: supervisor })).json<{ rules: Rule[]; competencies: unknown[] }>();
    expect(competencies).toHaveLength(17);
    expect(rules.find((r) => r.needCode === 'unaccompanied_child')).toMatchObject({ competencyCode: 'interviewing_children', active: true });
    const created = await call(t.app, 'POST', '/api/gating-rules', {
      session: capacitacion, body: { needCode: 'elderly', competencyCode: 'interviewing_vulnerable_persons', rationale: 'Personas mayores' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json<Rule>();
    expectProblem(await call(t.app, 'POST', '/api/gating-rules', {
      session: capacitacion, body: { needCode: 'elderly', competencyCode: 'interviewing_vulnerable_persons' },
    }), 409, 'ALREADY_EXISTS');
    expect(fieldErrors(await call(t.app, 'POST', '/api/gating-rules', {
      session: capacitacion, body: { needCode: 'astrology', competencyCode: 'exclusion' },
    })).map((e) => e.field)).toEqual(['needCode']);
    const off = await call(t.app, 'PATCH', `/api/gating-rules/${rule.id}`, { session: capacitacion, body: { version: rule.version, active: false, rationale: null } });
    expect(off.json<Rule>()).toMatchObject({ active: false, version: rule.version + 1 });
    expectProblem(await call(t.app, 'PATCH', `/api/gating-rules/${rule.id}`, { session: capacitacion, body: { version: rule.version, active: true, rationale: null } }), 409, 'VERSION_CONFLICT');
    expectProblem(await call(t.app, 'POST', '/api/gating-rules', {
      session: supervisor, body: { needCode: 'pregnant', competencyCode: 'interviewing_vulnerable_persons' },
    }), 403, 'FORBIDDEN');
    expect((await auditEvents(t.db, 'gating_rule.updated')).at(-1)).toMatchObject({ entity_id: rule.id, details: { after: { active: false } } });
  });
});
