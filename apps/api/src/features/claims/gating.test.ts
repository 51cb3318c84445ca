// Competency gating of claim assignment (ADR 014): refused with the missing competencies named,
// overridden only with a written reason, allowed once the officer holds them, and back in the
// supervisor's queue when a competency expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TClaimListItem } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let registro: TestSession;
let supervisor: TestSession;
let elegibilidad: TestSession;
let tapachula: string;

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric' }).format(new Date()));
const todaySql = `(now() AT TIME ZONE 'America/Mexico_City')::date`;

beforeAll(async () => {
  t = await createTestApp();
  registro = await loginAs(t.app, 'registro');
  supervisor = await loginAs(t.app, 'supervisor');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  tapachula = (await t.db.query<{ id: string }>("SELECT id FROM offices WHERE code = 'COMAR-TAP'")).rows[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

async function unaccompaniedChild(givenNames: string): Promise<TClaim> {
  const res = await call(t.app, 'POST', '/api/claims', {
    session: registro,
    body: {
      officeId: tapachula, channel: 'comar_office', enteredMexicoOn: `${year}-01-05`,
      members: [{ relation: 'principal', unaccompanied: true, person: {
        givenNames, firstSurname: 'Rivas', sex: 'male', birthDate: `${year - 16}-02-01`, nationalities: ['SLV'], languages: ['es'] } }],
      flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Viaja solo' }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TClaim>();
}

const assign = (claim: TClaim, body: Record<string, unknown>) => call(t.app, 'POST', `/api/claims/${claim.id}/assignment`, {
  session: supervisor, body: { version: claim.version, officerId: elegibilidad.userId, ...body },
});
const gapQueue = async () => (await call(t.app, 'GET', '/api/claims?attention=competency_gap', { session: supervisor }))
  .json<{ items: TClaimListItem[] }>().items.map((c) => c.id);
const assignments = async (claimId: string) => (await t.db.query<{ required: string[]; missing: string[]; override: string | null }>(
  `SELECT required_competencies AS required, missing_competencies AS missing, override_reason AS override
     FROM claim_assignments WHERE claim_id = $1 ORDER BY assigned_at`, [claimId])).rows;

describe('assigning a claim that requires a competency', () => {
  let claim: TClaim;
  beforeAll(async () => {
    claim = await unaccompaniedChild('Kevin');
  });

  it('lists the officer as not eligible, naming what is missing', async () => {
    const res = await call(t.app, 'GET', `/api/claims/${claim.id}/assignable-officers`, { session: supervisor });
    expect(res.json()).toEqual([expect.objectContaining({
      username: 'elegibilidad', eligible: false, missing: [{ code: 'interviewing_children', title: 'Entrevista a niñas, niños y adolescentes' }],
    })]);
  });

  it('refuses the assignment with the missing competency named, writing nothing', async () => {
    const res = await assign(claim, { reason: null });
    const body = expectProblem(res, 409, 'COMPETENCY_REQUIRED');
    expect(body.detail).toContain('Entrevista a niñas, niños y adolescentes');
    expect(body).toMatchObject({ missing: ['interviewing_children'] });
    expect(body.required).toEqual(['evidence_assessment', 'interview_techniques', 'interviewing_children']);
    expect(fieldErrors(res)).toEqual([expect.objectContaining({ field: 'officerId', code: 'validation.competency_missing' })]);
    expect(await assignments(claim.id)).toEqual([]);
  });

  it('accepts an override only with a written reason', async () => {
    expect(fieldErrors(await assign(claim, { overrideGating: true, reason: 'urge' }))).toEqual([
      { field: 'reason', code: 'validation.override_reason_required' },
    ]);
    expect(await assignments(claim.id)).toEqual([]);
  });

  it('assigns once the officer holds a valid grant, recording what was required', async () => {
    await t.db.query(`INSERT INTO competency_grants (user_id, competency_code, source, granted_on, expires_on)
      VALUES ($1, 'interviewing_children', 'external_certificate', ${todaySql} - 30, ${todaySql} + 365)`, [elegibilidad.userId]);
    const res = await assign(claim, { reason: null });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<TClaim>();
    expect(await assignments(claim.id)).toEqual([
      { required: ['evidence_assessment', 'interview_techniques', 'interviewing_children'], missing: [], override: null },
    ]);
    expect(await gapQueue()).not.toContain(claim.id);
  });

  it('puts the claim in the supervisor\'s queue when the competency expires, and only there', async () => {
    // Valid through its last day: a grant expiring tomorrow still counts today.
    await t.db.query(`UPDATE competency_grants SET expires_on = ${todaySql} + 1 WHERE user_id = $1 AND competency_code = 'interviewing_children'`,
      [elegibilidad.userId]);
    expect(await gapQueue()).not.toContain(claim.id);
    await t.db.query(`UPDATE competency_grants SET expires_on = ${todaySql} WHERE user_id = $1 AND competency_code = 'interviewing_children'`,
      [elegibilidad.userId]);
    expect(await gapQueue()).toContain(claim.id);
    const officerView = (await call(t.app, 'GET', '/api/claims?attention=competency_gap', { session: elegibilidad })).json<{ items: TClaimListItem[] }>();
    expect(officerView.items.map((c) => c.id)).toEqual([claim.id]);
    const registroView = (await call(t.app, 'GET', '/api/claims?attention=competency_gap', { session: registro })).json<{ items: TClaimListItem[] }>();
    expect(registroView.items.map((c) => c.id)).toEqual([claim.id]);
  });
});

describe('a supervisor\'s override', () => {
  it('assigns without the competency, keeps the reason and what was missing, and does not flag the claim again', async () => {
    await t.db.query(`UPDATE competency_grants SET revoked_at = now(), revoked_reason = 'test'
      WHERE user_id = $1 AND competency_code = 'interviewing_children'`, [elegibilidad.userId]);
    const claim = await unaccompaniedChild('Brayan');
    const res = await assign(claim, { overrideGating: true, reason: 'Única oficial con intérprete disponible esta semana' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await assignments(claim.id)).toEqual([{
      required: ['evidence_assessment', 'interview_techniques', 'interviewing_children'], missing: ['interviewing_children'],
      override: 'Única oficial con intérprete disponible esta semana',
    }]);
    expect((await auditEvents(t.db, 'claim.assigned')).at(-1)).toMatchObject({
      entity_id: claim.id, details: { gatingOverridden: true, missingCompetencies: ['interviewing_children'] },
    });
    expect(await gapQueue()).not.toContain(claim.id);
  });

  it('is listed for the supervisor with the claim, for the coordinator without it, and in CSV', async () => {
    const period = `from=${year}-01-01&to=${year}-12-31`;
    const mine = await call(t.app, 'GET', `/api/gating-overrides?${period}`, { session: supervisor });
    expect(mine.statusCode, mine.body).toBe(200);
    const [override] = mine.json<Array<Record<string, unknown>>>();
    expect(override).toMatchObject({
      officeName: 'COMAR Tapachula', officerName: 'Ana Elegibilidad Torres', assignedByName: 'Marta Supervisora Gómez',
      missing: [{ code: 'interviewing_children', title: 'Entrevista a niñas, niños y adolescentes' }],
      reason: 'Única oficial con intérprete disponible esta semana', resolved: false,
    });
    expect(override!.claimNumber).toEqual(expect.any(String));
    // The coordinator reads competencies across the institution but not claims: the missing competency, never which claim.
    const coordinator = await loginAs(t.app, 'capacitacion');
    const theirs = (await call(t.app, 'GET', `/api/gating-overrides?${period}`, { session: coordinator })).json<Array<Record<string, unknown>>>();
    expect(theirs).toEqual([expect.objectContaining({ assignmentId: override!.assignmentId, claimId: null, claimNumber: null })]);
    const csv = await call(t.app, 'GET', `/api/gating-overrides?${period}&format=csv`, { session: supervisor });
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFAsignada el,Oficina,Solicitud,Oficial,Autorizó,Competencias faltantes,Motivo,¿Ya la tiene?');
    expectProblem(await call(t.app, 'GET', `/api/gating-overrides?${period}`, { session: elegibilidad }), 403, 'FORBIDDEN');
    expect(fieldErrors(await call(t.app, 'GET', `/api/gating-overrides?from=${year}-12-31&to=${year}-01-01`, { session: supervisor })))
      .toEqual([{ field: 'querystring:to', code: 'validation.range_reversed' }]);
  });

  it('is not needed once the flag behind the requirement is withdrawn', async () => {
    const claim = await unaccompaniedChild('Dilan');
    const flag = claim.flags[0]!;
    const withdrawn = await call(t.app, 'POST', `/api/claims/${claim.id}/flags/${flag.id}/withdraw`, {
      session: registro, body: { version: flag.version, reason: 'Acta de nacimiento: tiene 19 años' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const current = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: supervisor })).json<TClaim>();
    expect((await assign(current, { reason: null })).statusCode).toBe(200);
  });
});
