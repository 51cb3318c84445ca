// The procedure's steps (ADR 019): one catalogue with sources in three languages, next steps per
// claim with every safeguard as it stands, one refusal naming every unmet safeguard, switches per
// authority where the law allows; and each office's own civil day (ADR 020).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES, type TClaim, type TNextSteps, type TStepEntry } from '@refugio/domain';
import { buildClaim, buildOfficer, buildPerson, officeIdOf } from '../../testing/factories.ts';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, unmetCodes, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestSession;
let supervisor: TestSession;
let registro: TestSession;
let comar: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  supervisor = await loginAs(t.app, 'supervisor');
  registro = await loginAs(t.app, 'registro');
  comar = (await t.db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'")).rows[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

const nextSteps = async (claim: { id: string }, session: TestSession) => {
  const res = await call(t.app, 'GET', `/api/claims/${claim.id}/next-steps`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TNextSteps>();
};
/** Calls as a demo user who chose `language` (the API speaks each user's chosen language). */
async function asSpeakerOf<T>(username: string, language: string, fn: (session: TestSession) => Promise<T>): Promise<T> {
  await t.db.query('UPDATE users SET language = $2 WHERE username = $1', [username, language]);
  try {
    return await fn(await loginAs(t.app, username));
  } finally {
    await t.db.query("UPDATE users SET language = 'es-MX' WHERE username = $1", [username]);
  }
}
const stepOf = (steps: TNextSteps, code: string) => steps.steps.find((s) => s.step === code);
const switchSafeguard = (code: string, body: Record<string, unknown>, session = admin) =>
  call(t.app, 'PUT', `/api/procedure/safeguards/${code}`, { session, body });

describe('the catalogue of steps', () => {
  it('lists every step once with its statuses, permissions, safeguards and effects, each with a source', async () => {
    const res = await call(t.app, 'GET', '/api/procedure/steps', { session: admin });
    expect(res.statusCode, res.body).toBe(200);
    const steps = res.json<TStepEntry[]>();
    expect(steps.map((s) => s.step)).toContain('register');
    const assign = steps.find((s) => s.step === 'assign')!;
    expect(assign).toMatchObject({ to: null, permissions: ['assign:claim:office'] });
    expect(assign.safeguards).toEqual([expect.objectContaining({
      code: 'competency_gate', feature: 'training', switchable: true, overridable: true,
      title: 'Oficial capacitado para las necesidades de la solicitud', source: expect.objectContaining({ kind: 'euaa_guide' }),
    })]);
    expect(steps.find((s) => s.step === 'register')!.effects.map((e) => e.code)).toEqual(['clocks_started']);
    expect(steps.find((s) => s.step === 'abandon')!.effects.map((e) => e.code)).toEqual(['clocks_stopped', 'closure_recorded']);
    expect(steps.find((s) => s.step === 'approve')!.safeguards.map((s) => s.code)).toEqual([
      'four_eyes', 'decision_record', 'reviewer_not_drafter', 'reviewer_competency']);
    expect(steps.find((s) => s.step === 'approve')!.safeguards[0]).toMatchObject({ code: 'four_eyes', switchable: false });
    expect(steps.find((s) => s.step === 'decide')!.safeguards.map((s) => [s.code, s.switchable])).toEqual([
      ['four_eyes', false], ['negative_decision_cites_coi', true], ['signed_decision_document', false], ['rejection_needs_interview_record', false],
      ['no_pending_guarantee', false], ['reviewer_not_drafter', false], ['exclusion_outcome_reviewed', false],
    ]);
    expect(steps.find((s) => s.step === 'draft_decision')!.safeguards.map((s) => s.code)).toEqual(['material_facts_identified', 'facts_concluded', 'exclusion_reviewed',
      'decision_record', 'rejection_needs_interview_record', 'exclusion_outcome_reviewed']);
    expect(steps.find((s) => s.step === 'start_assessment')!.effects.map((e) => e.code)).toEqual(['assessment_opened']);
    for (const step of steps) {
      for (const item of [...step.safeguards, ...step.effects]) expect(item.source.citation, `${step.step} ${item.code}`).not.toMatch(/^procedure\./);
    }
  });

  it('speaks the reader\'s language', async () => {
    for (const [language, title] of [['en', 'Officer trained for the claim’s needs'], ['fr', 'Agent formé pour les besoins de la demande']] as const) {
      const res = await asSpeakerOf('auditor', language, (session) => call(t.app, 'GET', '/api/procedure/steps', { session }));
      expect(res.json<TStepEntry[]>().find((s) => s.step === 'assign')!.safeguards[0]!.title).toBe(title);
    }
  });

  it('is read by those who hold read:procedure:all only', async () => {
    expectProblem(await call(t.app, 'GET', '/api/procedure/steps', { session: registro }), 403, 'FORBIDDEN');
    expect((await call(t.app, 'GET', '/api/procedure/steps', { session: supervisor })).statusCode).toBe(200);
  });
});

describe('next steps and safeguards on a claim', () => {
  let claim: TClaim;
  beforeAll(async () => {
    claim = await buildClaim(t.db, { by: 'supervisor', status: 'in_review' });
  });

  it('lists the steps the status allows, whether the reader may take them, and each safeguard', async () => {
    const mine = await nextSteps(claim, supervisor);
    expect(mine.status).toBe('in_review');
    expect(mine.steps.map((s) => s.step).toSorted()).toEqual(['abandon', 'approve', 'assign', 'return_to_drafting', 'transfer', 'withdraw']);
    // The drafter and submitter: four eyes twice over; the approval itself is recorded on the decision page (ADR 030).
    expect(stepOf(mine, 'approve')).toMatchObject({ allowed: false, permitted: true });
    expect(stepOf(mine, 'approve')!.safeguards.map((s) => [s.code, s.state])).toEqual([
      ['four_eyes', 'unmet'], ['decision_record', 'on_input'], ['reviewer_not_drafter', 'unmet'], ['reviewer_competency', 'met'],
    ]);
    expect(stepOf(mine, 'approve')!.safeguards[0]).toMatchObject({ message: 'Usted envió esta resolución a revisión: otra persona debe resolverla.' });
    expect(stepOf(mine, 'assign')!.safeguards).toEqual([expect.objectContaining({ code: 'competency_gate', state: 'on_input' })]);
    // What each step sets off, in the reader's words, for the confirmation of the act.
    expect(stepOf(mine, 'abandon')!.effects).toEqual([
      expect.objectContaining({ code: 'clocks_stopped', title: 'Se detienen todos los plazos' }),
      expect.objectContaining({ code: 'closure_recorded', title: 'Se registra la conclusión sin resolución de fondo' }),
    ]);
    expect(stepOf(mine, 'return_to_drafting')).toMatchObject({ allowed: true, needsReason: true, safeguards: [expect.objectContaining({ code: 'decision_record', state: 'on_input' })] });
    const colleague = await nextSteps(claim, registro);
    expect(stepOf(colleague, 'approve')).toMatchObject({ allowed: true });
    expect(stepOf(colleague, 'approve')!.safeguards.map((s) => s.state)).toEqual(['met', 'on_input', 'met', 'met']);
    expect(stepOf(colleague, 'assign')).toMatchObject({ permitted: false, allowed: false });
  });

  it('refuses the step once, naming every unmet safeguard with its remedy and source in the caller\'s language, writing nothing', async () => {
    const audited = (await auditEvents(t.db, 'claim.approved')).length;
    const res = await asSpeakerOf('supervisor', 'en',
      (session) => call(t.app, 'POST', `/api/claims/${claim.id}/approve`, { session, body: { version: claim.version } }));
    const body = expectProblem(res, 409, 'SAFEGUARD_UNMET');
    expect(body.detail).toBe('This step cannot be taken yet: You submitted this decision for review: someone else must decide it. · '
      + 'There is no decision recorded for this step. · You drafted this decision, or chose its drafter as reviewer: someone else must review and sign it.');
    expect(unmetCodes(body)).toEqual(['four_eyes', 'decision_record', 'reviewer_not_drafter']);
    expect((body.unmet as unknown[])[0]).toEqual({
      code: 'four_eyes', state: 'unmet', title: 'Four eyes: whoever submits for review does not decide',
      message: 'You submitted this decision for review: someone else must decide it.',
      remedy: 'Have another authorised person review and decide.', overridable: false,
      source: { kind: 'unhcr_standard', citation: expect.stringContaining('UNHCR') },
    });
    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: supervisor })).json<TClaim>();
    expect(after).toMatchObject({ status: 'in_review', version: claim.version });
    expect((await auditEvents(t.db, 'claim.approved')).length).toBe(audited);
  });

  it('lets the named reviewer approve it; whoever drafted and submitted it does not sign it', async () => {
    const { rows } = await t.db.query<{ version: number }>(`SELECT version FROM decisions WHERE claim_id = $1`, [claim.id]);
    const approved = await call(t.app, 'POST', `/api/claims/${claim.id}/decision/approve`, { session: registro, body: { version: rows[0]!.version } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ claimStatus: string }>().claimStatus).toBe('approved');
    const refused = await call(t.app, 'POST', `/api/claims/${claim.id}/decision/sign`, { session: supervisor, body: { version: rows[0]!.version + 1 } });
    expect(unmetCodes(expectProblem(refused, 409, 'SAFEGUARD_UNMET'))).toEqual(['four_eyes', 'reviewer_not_drafter']);
    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: supervisor })).json<TClaim>();
    expect(after.status).toBe('approved');
    expect(after.clocks.find((c) => c.kind === 'decision')?.state).toBe('running');
  });

  it('answers 404 for a claim out of the reader\'s scope', async () => {
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/next-steps`, { session: await loginAs(t.app, 'inm') }), 403, 'FORBIDDEN');
    const other = await buildClaim(t.db, { by: 'supervisor' });
    expectProblem(await call(t.app, 'GET', `/api/claims/${other.id}/next-steps`, { session: await loginAs(t.app, 'elegibilidad') }), 404, 'NOT_FOUND');
  });
});

const child = () => buildClaim(t.db, {
  members: [{ relation: 'principal', unaccompanied: true, existingPersonId: null,
    person: buildPerson({ givenNames: 'Kevin', sex: 'male', birthDate: `${new Date().getFullYear() - 15}-01-10` }) }],
  flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Viaja solo' }],
});

describe('switching a safeguard per authority', () => {

  it('lets the administrator switch the competency gate off for COMAR with a reason, then the assignment needs no override', async () => {
    const officer = await buildOfficer(t.db, { competencies: ['interview_techniques', 'evidence_assessment'] });
    const claim = await child();
    const assign = (c: TClaim) => call(t.app, 'POST', `/api/claims/${c.id}/assignment`, { session: supervisor, body: { version: c.version, officerId: officer.id } });
    expectProblem(await assign(claim), 409, 'COMPETENCY_REQUIRED');

    expect(fieldErrors(await switchSafeguard('competency_gate', { institutionId: comar, enabled: false, reason: 'corto', version: 0 })))
      .toEqual([expect.objectContaining({ field: 'reason', code: 'validation.too_short' })]);
    expectProblem(await switchSafeguard('competency_gate', { institutionId: comar, enabled: false, reason: 'Sin oficiales capacitados en la región', version: 0 }, supervisor), 403, 'FORBIDDEN');
    const off = await switchSafeguard('competency_gate', { institutionId: comar, enabled: false, reason: 'Sin oficiales capacitados en la región', version: 0 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, version: 1 });
    expect((await auditEvents(t.db, 'procedure.safeguard_switched')).at(-1)).toMatchObject({
      details: { safeguard: 'competency_gate', institutionId: comar, enabled: false, before: true },
    });
    expect(stepOf(await nextSteps(claim, supervisor), 'assign')!.safeguards).toEqual([expect.objectContaining({ state: 'switched_off' })]);
    const listed = (await call(t.app, 'GET', '/api/procedure/steps', { session: admin })).json<TStepEntry[]>();
    expect(listed.find((s) => s.step === 'assign')!.safeguards[0]!.switchedOff).toEqual([expect.objectContaining({
      institutionId: comar, reason: 'Sin oficiales capacitados en la región', version: 1,
    })]);
    const assigned = await assign(claim);
    expect(assigned.statusCode, assigned.body).toBe(200);

    expectProblem(await switchSafeguard('competency_gate', { institutionId: comar, enabled: true, reason: 'Ya hay oficiales capacitados', version: 0 }), 409, 'VERSION_CONFLICT');
    const on = await switchSafeguard('competency_gate', { institutionId: comar, enabled: true, reason: 'Ya hay oficiales capacitados', version: 1 });
    expect(on.json()).toMatchObject({ enabled: true, version: 2 });
    expectProblem(await assign(await child()), 409, 'COMPETENCY_REQUIRED');
  });

  it('refuses to switch off what the law imposes, and an unknown safeguard', async () => {
    const res = expectProblem(await switchSafeguard('four_eyes', { institutionId: comar, enabled: false, reason: 'Falta de personal en la oficina', version: 0 }), 409, 'INVALID_STATE');
    expect(res).toMatchObject({ reason: 'safeguard_not_switchable' });
    expectProblem(await switchSafeguard('nothing_like_it', { institutionId: comar, enabled: false, reason: 'Falta de personal en la oficina', version: 0 }), 404, 'NOT_FOUND');
  });
});

describe('each office keeps its own civil day', () => {
  it('starts the clocks of a claim lodged at 23:30 in Tijuana on that day, not the next one in Mexico City', async () => {
    const tijuana = await officeIdOf(t.db, 'COMAR-ACA');
    await t.db.query("UPDATE offices SET time_zone = 'America/Tijuana' WHERE id = $1", [tijuana]);
    await t.db.query('INSERT INTO user_offices (user_id, office_id) SELECT id, $1 FROM users WHERE username = $2 ON CONFLICT DO NOTHING', [tijuana, 'registro']);
    const lodgedAt = '2026-07-15T23:30:00-07:00';
    const claim = await buildClaim(t.db, { office: 'COMAR-ACA', input: { lodgedAt } });
    const clocks = await t.db.query<{ started_on: string }>("SELECT started_on::text FROM claim_clocks WHERE claim_id = $1 AND kind = 'decision'", [claim.id]);
    expect(clocks.rows[0]!.started_on).toBe('2026-07-15');
    expect(claim.claimNumber).toMatch(/-2026-/);
  });

  it('refuses an office time zone that is not an IANA name, naming the field', async () => {
    const office = (await call(t.app, 'GET', '/api/offices', { session: admin })).json<Array<{ id: string; code: string; version: number }>>()
      .find((o) => o.code === 'COMAR-PAL')!;
    expect(fieldErrors(await call(t.app, 'PATCH', `/api/offices/${office.id}`, { session: admin, body: { timeZone: 'Mexico/Palenque', version: office.version } })))
      .toEqual([{ field: 'timeZone', code: 'validation.time_zone' }]);
    const res = await call(t.app, 'PATCH', `/api/offices/${office.id}`, { session: admin, body: { timeZone: 'America/Cancun', version: office.version } });
    expect(res.json()).toMatchObject({ timeZone: 'America/Cancun' });
  });
});

describe('the open statuses', () => {
  it('are the ones the claims table\'s partial indexes list', async () => {
    const { rows } = await t.db.query<{ name: string; definition: string }>(
      "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'claims' AND indexdef LIKE '%WHERE%status%'");
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      const listed = [...row.definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).toSorted();
      expect(listed, row.name).toEqual([...OPEN_STATUSES].toSorted());
    }
  });
});
