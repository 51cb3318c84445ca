// Screening and guarantees (ADR 026): indicators per person with who saw them, when and where;
// the guarantees their needs call for, as data; a child's claim prioritised; specialist referrals
// and the best-interests assessment; the interview refused while a guarantee that governs it is
// pending; the field policy on sensitive needs; the administrator's catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TGuaranteeCatalog, TNextSteps, TScreening } from '@refugio/domain';
import { buildClaim, buildPerson } from '../../testing/factories.ts';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let registro: TestSession;
let supervisor: TestSession;
let elegibilidad: TestSession;
let admin: TestSession;

const year = new Date().getFullYear();
const observed = { observedBy: 'Pedro Ruiz (INM)', observedAt: `${year}-01-10T09:30:00-06:00`, observedPlace: 'Puente fronterizo Ciudad Hidalgo' };

beforeAll(async () => {
  t = await createTestApp();
  registro = await loginAs(t.app, 'registro');
  supervisor = await loginAs(t.app, 'supervisor');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const screening = async (claim: { id: string }, session: TestSession) => {
  const res = await call(t.app, 'GET', `/api/claims/${claim.id}/screening`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TScreening>();
};
const indicate = (claim: TClaim, body: Record<string, unknown>, session = registro) =>
  call(t.app, 'POST', `/api/claims/${claim.id}/indicators`, { session, body: { ...observed, ...body } });

/** A claim whose principal is a 15-year-old travelling alone (nothing recorded yet). */
const loneChild = () => buildClaim(t.db, {
  members: [{ relation: 'principal', unaccompanied: true, existingPersonId: null,
    person: buildPerson({ givenNames: 'Josué', sex: 'male', birthDate: `${year - 15}-03-12`, languages: ['quc'] }) }],
});

describe('an unaccompanied child\'s indicators', () => {
  let claim: TClaim;
  let childId: string;
  beforeAll(async () => {
    claim = await loneChild();
    childId = claim.members[0]!.person.id;
  });

  it('records the indicator with who saw it, the need behind it, its guarantees, and prioritises the claim', async () => {
    const res = await indicate(claim, { personId: childId, category: 'unaccompanied_child', kind: 'statement', description: 'Dice que viaja solo desde Quiché' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ category: 'unaccompanied_child', observedBy: 'Pedro Ruiz (INM)', observedPlace: 'Puente fronterizo Ciudad Hidalgo', redacted: false });
    const s = await screening(claim, registro);
    expect(s.guarantees.map((g) => [g.code, g.status])).toEqual([
      ['prioritised_examination', 'met'], ['representative_present', 'pending'], ['trained_interviewer_children', 'pending'],
      ['best_interests_assessment', 'pending'], ['dif_referral', 'pending'], ['breaks_planned', 'pending'],
    ]);
    expect(s.guarantees.find((g) => g.code === 'representative_present')).toMatchObject({
      title: 'Representante o tutor designado y presente', governsInterview: true, needCodes: ['unaccompanied_child'],
      source: expect.stringContaining('Procuraduría de Protección'),
    });
    expect(s.pendingBeforeInterview).toBe(3);
    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: registro })).json<TClaim>();
    expect(after).toMatchObject({ modality: 'prioritised', version: claim.version + 1 });
    expect(after.flags).toEqual([expect.objectContaining({ category: 'unaccompanied_child', personId: childId })]);
    expect((await auditEvents(t.db, 'claim.indicator_recorded')).at(-1)).toMatchObject({ entity_id: claim.id, details: { category: 'unaccompanied_child', kind: 'statement' } });
    claim = after;
  });

  it('adds a second indicator of the same need as evidence, without a second flag or duplicate guarantees', async () => {
    const res = await indicate(claim, { personId: childId, category: 'unaccompanied_child', kind: 'document', description: 'Acta de nacimiento: 15 años' });
    expect(res.statusCode, res.body).toBe(201);
    const s = await screening(claim, registro);
    expect(s.indicators).toHaveLength(2);
    expect(new Set(s.indicators.map((i) => i.flagId)).size).toBe(1);
    expect(s.guarantees).toHaveLength(6);
  });

  it('refuses to start the interview while a guarantee that governs it is pending, naming it', async () => {
    const ready = await buildClaim(t.db, {
      status: 'interview_scheduled',
      members: [{ relation: 'principal', unaccompanied: true, existingPersonId: null,
        person: buildPerson({ givenNames: 'Brenda', birthDate: `${year - 14}-05-01` }) }],
      flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Viaja sola' }],
    });
    const steps = (await call(t.app, 'GET', `/api/claims/${ready.id}/next-steps`, { session: registro })).json<TNextSteps>();
    expect(steps.steps.find((s) => s.step === 'start_interview')).toMatchObject({
      allowed: false,
      safeguards: expect.arrayContaining([expect.objectContaining({
        code: 'guarantees_before_interview', state: 'unmet',
        message: 'Garantías pendientes: Representante o tutor designado y presente, Entrevistador capacitado en entrevista a la niñez, Pausas previstas.',
      })]),
    });
  });

  it('meets a guarantee with what proves it, refusing a decision without it, and 409 on a stale version', async () => {
    const s = await screening(claim, registro);
    const representative = s.guarantees.find((g) => g.code === 'representative_present')!;
    const decide = (body: Record<string, unknown>) => call(t.app, 'PATCH', `/api/claims/${claim.id}/guarantees/${representative.id}`, { session: registro, body });
    expect(fieldErrors(await decide({ version: representative.version, status: 'met' }))).toEqual([{ field: 'evidence', code: 'validation.required' }]);
    expect(fieldErrors(await decide({ version: representative.version, status: 'not_applicable', evidence: 'x' })))
      .toEqual(expect.arrayContaining([{ field: 'reason', code: 'validation.required' }, { field: 'evidence', code: 'validation.not_applicable' }]));
    const met = await decide({ version: representative.version, status: 'met', evidence: 'Lic. Marta Díaz, Procuraduría de Protección de Chiapas, oficio PPNNA/123/2026' });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toMatchObject({ status: 'met', decidedBy: 'Jorge Registro López' });
    expectProblem(await decide({ version: representative.version, status: 'pending' }), 409, 'VERSION_CONFLICT');
  });

  it('refers the child to DIF and, with the outcome, meets the referral guarantee', async () => {
    const referred = await call(t.app, 'POST', `/api/claims/${claim.id}/specialist-referrals`, {
      session: registro, body: { personId: childId, specialist: 'dif_procuraduria', reason: 'Niño no acompañado: canalización inmediata' },
    });
    expect(referred.statusCode, referred.body).toBe(201);
    const referral = referred.json<{ id: string; version: number }>();
    const done = await call(t.app, 'POST', `/api/claims/${claim.id}/specialist-referrals/${referral.id}/outcome`, {
      session: registro, body: { version: referral.version, status: 'completed', outcome: 'Albergue del DIF en Tapachula; tutor designado' },
    });
    expect(done.json()).toMatchObject({ status: 'completed', outcome: 'Albergue del DIF en Tapachula; tutor designado' });
    expect((await screening(claim, registro)).guarantees.find((g) => g.code === 'dif_referral')).toMatchObject({ status: 'met' });
  });

  it('records the best-interests assessment for a child only, and revises it with its version', async () => {
    const save = (personId: string, body: Record<string, unknown>) => call(t.app, 'PUT', `/api/claims/${claim.id}/best-interests/${personId}`, {
      session: registro, body: { assessedOn: `${year}-01-12`, assessedBy: 'Psic. Ana Pérez (DIF)', summary: 'Desea reunirse con su tía en Monterrey', recommendations: 'Entrevista breve, con pausas', ...body },
    });
    const first = await save(childId, { version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect((await screening(claim, registro)).guarantees.find((g) => g.code === 'best_interests_assessment')).toMatchObject({ status: 'met' });
    expectProblem(await save(childId, { version: 0 }), 409, 'VERSION_CONFLICT');
    expect((await save(childId, { version: 1, summary: 'Revisada tras la entrevista con su tía' })).json()).toMatchObject({ version: 2 });
    const adult = await buildClaim(t.db);
    expect(fieldErrors(await call(t.app, 'PUT', `/api/claims/${adult.id}/best-interests/${adult.members[0]!.person.id}`, {
      session: registro, body: { version: 0, assessedOn: `${year}-01-12`, assessedBy: 'X', summary: 'X', recommendations: 'X' },
    }))).toEqual([{ field: 'personId', code: 'validation.not_a_child' }]);
  });

  it('refuses bad input naming each field, and a person who is not in the claim', async () => {
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/indicators`, {
      session: registro, body: { personId: childId, category: 'nope', kind: 'statement', description: '', observedBy: 'X', observedAt: 'ayer', observedPlace: 'X' },
    });
    expect(fieldErrors(res).map((e) => e.field).toSorted()).toEqual(['category', 'description', 'observedAt']);
    const stranger = (await buildClaim(t.db)).members[0]!.person.id;
    expect(fieldErrors(await indicate(claim, { personId: stranger, category: 'elderly', kind: 'observed_sign', description: 'Canas' })))
      .toEqual([{ field: 'personId', code: 'validation.unknown_reference' }]);
    expect(fieldErrors(await indicate(claim, { personId: childId, category: 'pregnant', kind: 'statement', description: 'X', observedAt: `${year + 1}-01-01T10:00:00Z` })))
      .toEqual([{ field: 'observedAt', code: 'validation.date_in_future' }]);
  });
});

describe('the field policy on sensitive needs', () => {
  it('hides a SOGI indicator and the guarantees it calls for from readers outside the policy, and answers 404 to another office', async () => {
    const claim = await buildClaim(t.db, { assignTo: 'elegibilidad' });
    const personId = claim.members[0]!.person.id;
    expect((await indicate(claim, { personId, category: 'lgbtiq', kind: 'statement', description: 'Refiere persecución por ser mujer trans' })).statusCode).toBe(201);
    const full = await screening(claim, supervisor);
    expect(full.indicators[0]).toMatchObject({ category: 'lgbtiq', redacted: false });
    expect(full.guarantees.map((g) => g.code)).toEqual(['trained_interviewer_sogi', 'confidentiality_reinforced']);
    // The registration clerk updates the claim but is outside the field policy.
    const clerk = await screening(claim, registro);
    expect(clerk.indicators[0]).toMatchObject({ category: null, description: null, observedBy: null, redacted: true });
    expect(clerk.guarantees.every((g) => g.redacted && g.title === null && g.code === null)).toBe(true);
    expect(await screening(claim, elegibilidad)).toMatchObject({ canReadSensitive: true });
    expect((await auditEvents(t.db, 'claim.indicator_recorded')).at(-1)).toMatchObject({ details: { category: 'sensitive' } });
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/screening`, { session: await loginAs(t.app, 'inm') }), 403, 'FORBIDDEN');
    const guarantee = clerk.guarantees[0]!;
    expectProblem(await call(t.app, 'PATCH', `/api/claims/${claim.id}/guarantees/${guarantee.id}`, {
      session: registro, body: { version: guarantee.version, status: 'met', evidence: 'x' } }), 403, 'FORBIDDEN');
    expect((await auditEvents(t.db, 'claim.screening_viewed')).length).toBeGreaterThanOrEqual(3);
  });

  it('withdrawing the need leaves the guarantees only it called for not applicable', async () => {
    const claim = await buildClaim(t.db, { flags: [{ memberIndex: 0, category: 'violence_survivor', indicator: 'Cicatrices visibles' }] });
    const flag = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: supervisor })).json<TClaim>().flags[0]!;
    const withdrawn = await call(t.app, 'POST', `/api/claims/${claim.id}/flags/${flag.id}/withdraw`, {
      session: supervisor, body: { version: flag.version, reason: 'Registrado en el expediente equivocado' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const s = await screening(claim, supervisor);
    expect(s.guarantees.every((g) => g.status === 'not_applicable' && g.reason === 'La necesidad que la exigía se retiró')).toBe(true);
    expect(s.pendingBeforeInterview).toBe(0);
  });
});

describe('the guarantees catalogue', () => {
  it('lists every guarantee with its source and the rules, and lets the administrator add and deactivate a rule', async () => {
    const res = await call(t.app, 'GET', '/api/guarantees', { session: admin });
    const catalog = res.json<TGuaranteeCatalog>();
    expect(catalog.types.find((g) => g.code === 'fitness_for_interview')).toMatchObject({ governsInterview: true, source: expect.stringContaining('Estambul') });
    expect(catalog.rules.filter((r) => r.needCode === 'elderly').map((r) => r.guaranteeCode)).toEqual(['breaks_planned']);
    expectProblem(await call(t.app, 'POST', '/api/guarantee-rules', { session: supervisor, body: { needCode: 'elderly', guaranteeCode: 'fitness_for_interview' } }), 403, 'FORBIDDEN');
    const created = await call(t.app, 'POST', '/api/guarantee-rules', { session: admin, body: { needCode: 'elderly', guaranteeCode: 'fitness_for_interview' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(fieldErrors(await call(t.app, 'POST', '/api/guarantee-rules', { session: admin, body: { needCode: 'elderly', guaranteeCode: 'unknown' } })))
      .toEqual([{ field: 'guaranteeCode', code: 'validation.unknown_reference' }]);
    const claim = await buildClaim(t.db, { flags: [{ memberIndex: 0, category: 'elderly', indicator: '72 años' }] });
    expect((await screening(claim, registro)).guarantees.map((g) => g.code)).toEqual(['fitness_for_interview', 'breaks_planned']);
    const rule = created.json<{ id: string; version: number }>();
    const off = await call(t.app, 'PATCH', `/api/guarantee-rules/${rule.id}`, { session: admin, body: { version: rule.version, active: false } });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const later = await buildClaim(t.db, { flags: [{ memberIndex: 0, category: 'elderly', indicator: '75 años' }] });
    expect((await screening(later, registro)).guarantees.map((g) => g.code)).toEqual(['breaks_planned']);
    expect((await auditEvents(t.db, 'guarantee_rule.updated')).at(-1)).toMatchObject({ details: { after: { active: false } } });
  });
});
