// The claim's evidence assessment (ADR 029; EUAA practical guide on evidence assessment): opening it
// through start_assessment; material facts with their evidence (statements quoted from a signed
// interview, documents typed or uploaded and hashed, witnesses, COI passages); credibility
// indicators, the chance to explain, conclusions with reasons and the benefit of the doubt's
// conditions; risk and legal analysis; the exclusion's supervisor review; 409s on stale versions;
// scope and the field policy; the audit trail; the safeguards on draft_decision and decide; what
// the decision feature reads.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import {
  ZUserInput, type TAssessment, type TClaim, type TCoiSource, type TDecision, type TDecisionPage, type TEvidence, type TMaterialFact, type TNextSteps,
} from '@refugio/domain';
import { assessmentCitesCoi, createUser, readAssessmentForDecision } from '@refugio/domain/server';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import { actAs, buildClaim, ensureCompetency, officeIdOf } from '../../testing/factories.ts';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, TEST_PASSWORD, unmetCodes, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let officer: TestSession;
let supervisor: TestSession;
let clerk: TestSession;
let observer: TestSession;
let otherSupervisor: TestSession;
let claim: TClaim;
let interviewId: string;
let currentSource: TCoiSource;
let oldSource: TCoiSource;

const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);
const PDF = Buffer.from(`%PDF-1.4\n% acta de nacimiento ${randomBytes(4).toString('hex')}\n%%EOF\n`);

/**
 * A signed interview record of the claim. The interviews feature (ADR 024) conducts and signs
 * interviews; its surface is not in this tree yet, so the record is written as that feature leaves
 * a signed one (an existing signed record of the claim is used when there is one).
 */
async function interviewOf(db: Database, claimId: string, status: 'signed' | 'in_progress' = 'signed'): Promise<string> {
  if (status === 'signed') {
    const existing = await db.query<{ id: string }>(`SELECT id FROM interviews WHERE claim_id = $1 AND status = 'signed' LIMIT 1`, [claimId]);
    if (existing.rows[0]) return existing.rows[0].id;
  }
  const { rows } = await db.query<{ id: string }>(
    `WITH template AS (
       INSERT INTO interview_templates (institution_id, code, version, title, audience, status, content, published_at)
       SELECT o.institution_id, 'prueba-valoracion-' || gen_random_uuid(), 1, 'Cuestionario de prueba', 'eligibility', 'published', '{}'::jsonb, now()
         FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1 RETURNING id)
     INSERT INTO interviews (claim_id, person_id, template_id, officer_id, language, status, started_at, ended_at, signed_at)
     SELECT c.id, c.principal_person_id, template.id, coalesce(c.assigned_officer_id, c.created_by), 'spa', $2, now() - interval '2 hours',
            CASE WHEN $2 = 'signed' THEN now() - interval '1 hour' END, CASE WHEN $2 = 'signed' THEN now() END
       FROM claims c, template WHERE c.id = $1 RETURNING id`, [claimId, status]);
  return rows[0]!.id;
}

async function interviewedClaim(): Promise<TClaim> {
  const built = await buildClaim(t.db, { status: 'interviewed', assignTo: 'elegibilidad' });
  await interviewOf(t.db, built.id);
  return built;
}

async function open(c: TClaim, session = officer): Promise<TAssessment> {
  const res = await call(t.app, 'POST', `/api/claims/${c.id}/assessment/open`, { session, body: { version: c.version } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TAssessment>();
}
const read = async (c: { id: string }, session = officer) => {
  const res = await call(t.app, 'GET', `/api/claims/${c.id}/assessment`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TAssessment>();
};
const addFact = async (c: { id: string }, body: Record<string, unknown>, session = officer) => {
  const res = await call(t.app, 'POST', `/api/claims/${c.id}/assessment/facts`, { session, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TMaterialFact>();
};
/** The fact as the form sends it back, whole, with changes. */
const factBody = (fact: TMaterialFact, changes: Record<string, unknown> = {}) => ({
  version: fact.version, kind: fact.kind, statement: fact.statement, sensitive: fact.sensitive, sufficiency: fact.sufficiency,
  sufficiencyNotes: fact.sufficiencyNotes ?? '', internalConsistency: fact.internalConsistency, internalConsistencyNotes: fact.internalConsistencyNotes ?? '',
  externalConsistency: fact.externalConsistency, externalConsistencyNotes: fact.externalConsistencyNotes ?? '', plausibility: fact.plausibility,
  plausibilityNotes: fact.plausibilityNotes ?? '', chanceToExplain: fact.chanceToExplain, explanation: fact.explanation ?? '',
  conclusion: fact.conclusion, reasons: fact.reasons ?? '', bodGenuineEffort: fact.bodGenuineEffort, bodEvidenceSubmitted: fact.bodEvidenceSubmitted,
  bodCoherentPlausible: fact.bodCoherentPlausible, bodTimely: fact.bodTimely, bodGenerallyCredible: fact.bodGenerallyCredible, ...changes,
});
const putFact = (c: { id: string }, fact: TMaterialFact, changes: Record<string, unknown>, session = officer) =>
  call(t.app, 'PUT', `/api/claims/${c.id}/assessment/facts/${fact.id}`, { session, body: factBody(fact, changes) });
const conclude = async (c: { id: string }, fact: TMaterialFact, changes: Record<string, unknown>) => {
  const res = await putFact(c, fact, changes);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TMaterialFact>();
};
const evidence = (c: { id: string }, fact: { id: string }, body: Record<string, unknown>, session = officer) =>
  call(t.app, 'POST', `/api/claims/${c.id}/assessment/facts/${fact.id}/evidence`, { session, body });
const analysis = (a: TAssessment, changes: Record<string, unknown> = {}) => ({
  version: a.version, riskAssessment: a.riskAssessment ?? '', conventionGrounds: a.conventionGrounds, nexus: a.nexus ?? '',
  cartagenaCircumstances: a.cartagenaCircumstances, cartagenaAnalysis: a.cartagenaAnalysis ?? '', surPlace: a.surPlace,
  surPlaceAnalysis: a.surPlaceAnalysis ?? '', actorsOfPersecution: a.actorsOfPersecution ?? '', actorsOfProtection: a.actorsOfProtection ?? '',
  internalProtectionAlternative: a.internalProtectionAlternative ?? '', exclusionConsidered: a.exclusionConsidered,
  exclusionAnalysis: a.exclusionAnalysis ?? '', complementaryProtection: a.complementaryProtection ?? '', ...changes,
});
const ACCEPTED = { sufficiency: 'positive', internalConsistency: 'positive', externalConsistency: 'positive', plausibility: 'positive', conclusion: 'accepted', reasons: 'Detallado, coherente y conforme con la información del país de origen' };
const BOD = { bodGenuineEffort: true, bodEvidenceSubmitted: true, bodCoherentPlausible: true, bodTimely: true, bodGenerallyCredible: true };

async function nextStep(c: { id: string }, step: string, session = officer) {
  const res = await call(t.app, 'GET', `/api/claims/${c.id}/next-steps`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TNextSteps>().steps.find((s) => s.step === step)!;
}
function upload(session: TestSession, c: { id: string }, fact: { id: string }, body: Buffer, contentType = 'application/pdf') {
  return t.app.inject({
    method: 'POST', url: `/api/claims/${c.id}/assessment/facts/${fact.id}/documents?description=${encodeURIComponent('Acta de nacimiento')}&fileName=acta.pdf`,
    payload: body, headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': contentType },
  });
}
async function coiSource(session: TestSession, publishedOn: string, title: string): Promise<TCoiSource> {
  const res = await call(t.app, 'POST', '/api/coi-sources', {
    session, body: { title, publisher: 'ACNUR', publishedOn, accessedOn: today, url: null, language: 'es', countries: ['HND'], topics: ['gangs_organised_crime'], excerpt: 'Resumen' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TCoiSource>();
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'elegibilidad');
  supervisor = await loginAs(t.app, 'supervisor');
  clerk = await loginAs(t.app, 'registro');
  observer = await loginAs(t.app, 'acnur');
  // A supervisor of another office (COMAR Palenque).
  const { rows } = await t.db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'");
  await createUser(t.db, await actAs(t.db, 'admin'), ZUserInput.parse({
    username: 'supervisora.palenque', fullName: 'Supervisora Palenque', institutionId: rows[0]!.id, officeIds: [await officeIdOf(t.db, 'COMAR-PAL')],
    roleCodes: ['supervisor'], password: TEST_PASSWORD,
  }));
  await t.db.query(`UPDATE users SET must_change_password = false WHERE username = 'supervisora.palenque'`);
  otherSupervisor = await loginAs(t.app, 'supervisora.palenque');
  claim = await interviewedClaim();
  interviewId = await interviewOf(t.db, claim.id);
  currentSource = await coiSource(officer, `${year - 1}-06-01`, 'Honduras: reclutamiento forzado por pandillas');
  oldSource = await coiSource(officer, `${year - 8}-06-01`, 'Honduras: informe antiguo sobre pandillas');
});
afterAll(async () => {
  await t?.close();
});

describe('opening the assessment', () => {
  it('is not found before the claim is taken into assessment', async () => {
    const res = await call(t.app, 'GET', `/api/claims/${claim.id}/assessment`, { session: officer });
    expect(expectProblem(res, 404, 'NOT_FOUND').reason).toBe('assessment_not_opened');
  });

  it('takes the start_assessment step with the claim\'s version and opens an empty assessment, audited', async () => {
    const stale = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/open`, { session: officer, body: { version: claim.version - 1 } });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT').current).toMatchObject({ id: claim.id, status: 'interviewed' });
    const a = await open(claim);
    expect(a).toMatchObject({
      claimId: claim.id, claimStatus: 'under_assessment', editable: true, canReadSensitive: true, facts: [], version: 1, coiMaxAgeYears: 3,
      signedInterviews: [{ id: interviewId, language: 'es', personName: 'Rosa Elvira Maldonado' }],
    });
    expect((await auditEvents(t.db, 'claim.assessment_started')).at(-1)).toMatchObject({
      entity_id: claim.id, actor_username: 'elegibilidad', details: { from: 'interviewed', to: 'under_assessment' },
    });
    const again = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/open`, { session: officer, body: { version: a.claimVersion } });
    expectProblem(again, 409, 'INVALID_STATE');
  });

  it('is opened the same way by the procedure\'s own route', async () => {
    const other = await interviewedClaim();
    const res = await call(t.app, 'POST', `/api/claims/${other.id}/start-assessment`, { session: officer, body: { version: other.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await read(other)).toMatchObject({ claimStatus: 'under_assessment', facts: [] });
  });
});

describe('material facts', () => {
  let identity: TMaterialFact;
  let threats: TMaterialFact;
  let escape: TMaterialFact;

  it('are added in order, once per Idempotency-Key, audited', async () => {
    identity = await addFact(claim, { kind: 'identity', statement: 'Se llama Rosa Elvira Maldonado y nació en San Pedro Sula' });
    const headers = { 'idempotency-key': `fact-${claim.id}` };
    const body = { kind: 'past_event', statement: 'La pandilla la amenazó de muerte por negarse a pagar la renta de su tienda' };
    const first = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts`, { session: officer, body, headers });
    const replay = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts`, { session: officer, body, headers });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    threats = first.json<TMaterialFact>();
    expect(replay.json<TMaterialFact>().id).toBe(threats.id);
    escape = await addFact(claim, { kind: 'feared_harm', statement: 'Teme que la maten si regresa a Honduras' });
    expect((await read(claim)).facts.map((f) => [f.position, f.kind])).toEqual([[1, 'identity'], [2, 'past_event'], [3, 'feared_harm']]);
    expect((await auditEvents(t.db, 'claim.fact_added')).filter((e) => e.entity_id === claim.id).map((e) => e.details.kind))
      .toEqual(['identity', 'past_event', 'feared_harm']);
  });

  it('refuse bad input naming each field, in the reader\'s language', async () => {
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts`, { session: officer, body: { kind: 'rumour', statement: '' } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field).toSorted()).toEqual(['kind', 'statement']);
    const bad = await putFact(claim, identity, { sufficiency: 'excellent' });
    expect(fieldErrors(bad)).toEqual([{ field: 'sufficiency', code: 'validation.invalid_option' }]);
  });

  it('need reasons for every conclusion', async () => {
    const res = await putFact(claim, identity, { ...ACCEPTED, reasons: '' });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'reasons', code: 'validation.required', message: 'Este campo es obligatorio.' }]);
  });

  it('give the benefit of the doubt only with each of its conditions, naming the missing ones', async () => {
    const res = await putFact(claim, threats, { ...ACCEPTED, conclusion: 'benefit_of_doubt', bodGenuineEffort: true, bodTimely: true });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => [e.field, e.code])).toEqual([
      ['bodEvidenceSubmitted', 'validation.bod_condition_required'], ['bodCoherentPlausible', 'validation.bod_condition_required'],
      ['bodGenerallyCredible', 'validation.bod_condition_required'],
    ]);
    expect(body.errors![0]!.message).toBe('El beneficio de la duda exige esta condición.');
    const stored = (await read(claim)).facts.find((f) => f.id === threats.id)!;
    expect(stored).toMatchObject({ conclusion: null, version: threats.version });
  });

  it('rely on an inconsistency only once the applicant had the chance to explain it, and record what they said', async () => {
    const inconsistent = { ...ACCEPTED, conclusion: 'rejected', internalConsistency: 'negative', internalConsistencyNotes: 'Dos fechas distintas', reasons: 'Fechas incompatibles' };
    expect(fieldErrors(await putFact(claim, escape, inconsistent))).toEqual([{ field: 'chanceToExplain', code: 'validation.chance_to_explain_required' }]);
    expect(fieldErrors(await putFact(claim, escape, { ...inconsistent, chanceToExplain: true }))).toEqual([{ field: 'explanation', code: 'validation.required' }]);
  });

  it('are concluded: accepted, accepted with the benefit of the doubt, rejected; who concluded and when', async () => {
    identity = await conclude(claim, identity, ACCEPTED);
    expect(identity).toMatchObject({ conclusion: 'accepted', concludedBy: 'Ana Elegibilidad Torres', version: 2 });
    threats = await conclude(claim, threats, { ...ACCEPTED, conclusion: 'benefit_of_doubt', externalConsistency: 'neutral', reasons: 'Sin pruebas documentales; relato detallado y coherente con la información del país', ...BOD });
    escape = await conclude(claim, escape, {
      ...ACCEPTED, conclusion: 'rejected', internalConsistency: 'negative', internalConsistencyNotes: 'Dos fechas de salida distintas',
      chanceToExplain: true, explanation: 'Dijo que confundió la fecha con la de su primer intento de salida', reasons: 'La explicación no resuelve la contradicción central',
    });
    expect(escape).toMatchObject({ conclusion: 'rejected', chanceToExplain: true, internalConsistency: 'negative' });
    expect((await auditEvents(t.db, 'claim.fact_updated')).filter((e) => e.entity_id === claim.id).at(-1)).toMatchObject({
      details: { factId: escape.id, conclusion: { before: null, after: 'rejected' } },
    });
  });

  it('answer 409 with the fact as it is when two officers edit it: never a silent overwrite', async () => {
    const stale = await putFact(claim, { ...identity, version: identity.version - 1 }, { reasons: 'Otra redacción' }, supervisor);
    const body = expectProblem(stale, 409, 'VERSION_CONFLICT');
    expect(body.current).toMatchObject({ id: identity.id, version: identity.version, reasons: identity.reasons });
    expect((await read(claim)).facts.find((f) => f.id === identity.id)!.reasons).toBe(identity.reasons);
  });

  it('are reordered with the assessment\'s version, every fact named once', async () => {
    const a = await read(claim);
    const order = [escape.id, identity.id, threats.id];
    const put = (body: Record<string, unknown>) => call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/facts/order`, { session: officer, body });
    expect(fieldErrors(await put({ version: a.version, factIds: [escape.id, escape.id, identity.id] }))).toEqual([{ field: 'factIds', code: 'validation.invalid_value' }]);
    expect(expectProblem(await put({ version: a.version, factIds: [escape.id, identity.id] }), 409, 'VERSION_CONFLICT').current).toMatchObject({ version: a.version });
    expectProblem(await put({ version: a.version + 1, factIds: order }), 409, 'VERSION_CONFLICT');
    const res = await put({ version: a.version, factIds: order });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TAssessment>().facts.map((f) => f.id)).toEqual(order);
    expect(res.json<TAssessment>().version).toBe(a.version + 1);
    expect((await auditEvents(t.db, 'claim.facts_reordered')).at(-1)).toMatchObject({ entity_id: claim.id, details: { factIds: order } });
  });

  it('is removed with its version, evidence and all, audited', async () => {
    const extra = await addFact(claim, { kind: 'other', statement: 'Registrado por error' });
    await evidence(claim, extra, { kind: 'witness', description: 'Vecina', quote: 'La vi salir' });
    expectProblem(await call(t.app, 'DELETE', `/api/claims/${claim.id}/assessment/facts/${extra.id}?version=9`, { session: officer }), 409, 'VERSION_CONFLICT');
    const res = await call(t.app, 'DELETE', `/api/claims/${claim.id}/assessment/facts/${extra.id}?version=${extra.version}`, { session: officer });
    expect(res.statusCode, res.body).toBe(204);
    expect((await read(claim)).facts.map((f) => f.id)).not.toContain(extra.id);
    expect((await auditEvents(t.db, 'claim.fact_removed')).at(-1)).toMatchObject({ details: { factId: extra.id, evidence: 1 } });
  });
});

describe('evidence', () => {
  let fact: TMaterialFact;
  beforeAll(async () => {
    fact = (await read(claim)).facts.find((f) => f.kind === 'past_event')!;
  });

  it('quotes a signed interview record of this claim, never one in progress or another claim\'s', async () => {
    const unsigned = await interviewOf(t.db, claim.id, 'in_progress');
    const elsewhere = await interviewOf(t.db, (await interviewedClaim()).id);
    for (const id of [unsigned, elsewhere]) {
      const res = await evidence(claim, fact, { kind: 'statement', description: 'Respuesta en la entrevista', interviewId: id, quote: 'Me amenazaron' });
      expect(fieldErrors(res)).toEqual([{ field: 'interviewId', code: 'validation.interview_not_signed' }]);
    }
    const res = await evidence(claim, fact, {
      kind: 'statement', description: 'Respuesta sobre las amenazas', interviewId, questionCode: 'hechos.amenazas', quote: 'Me dijeron que si no pagaba me mataban',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TEvidence>()).toMatchObject({ kind: 'statement', interviewId, questionCode: 'hechos.amenazas', quote: 'Me dijeron que si no pagaba me mataban' });
  });

  it('names the members each kind needs, and those that do not apply to it', async () => {
    expect(fieldErrors(await evidence(claim, fact, { kind: 'statement', description: 'x' })).toSorted((a, b) => a.field.localeCompare(b.field)))
      .toEqual([{ field: 'interviewId', code: 'validation.required' }, { field: 'quote', code: 'validation.required' }]);
    expect(fieldErrors(await evidence(claim, fact, { kind: 'coi', description: 'x', coiSourceId: currentSource.id, coiPassage: 'p', quote: 'q' })))
      .toEqual([{ field: 'quote', code: 'validation.not_applicable' }]);
  });

  it('hashes a typed document\'s text and an uploaded one\'s bytes; the download is audited', async () => {
    const text = 'Denuncia ante la Policía Nacional n.º 0801-2025-1234';
    const typed = await evidence(claim, fact, { kind: 'document', description: 'Denuncia policial (copia simple)', quote: text });
    expect(typed.json<TEvidence>()).toMatchObject({ kind: 'document', file: null, sha256: createHash('sha256').update(text, 'utf8').digest('hex') });
    const res = await upload(officer, claim, fact, PDF);
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    const uploaded = res.json<TEvidence>();
    expect(uploaded).toMatchObject({ kind: 'document', description: 'Acta de nacimiento', file: { fileName: 'acta.pdf', contentType: 'application/pdf', sha256, sizeBytes: PDF.length } });
    const download = await call(t.app, 'GET', `/api/claims/${claim.id}/assessment/evidence/${uploaded.id}/file`, { session: supervisor });
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(sha256);
    expect((await auditEvents(t.db, 'claim.evidence_downloaded')).at(-1)).toMatchObject({ actor_username: 'supervisor', details: { evidenceId: uploaded.id, sha256 } });
    const notDocument = await upload(officer, claim, fact, Buffer.from('MZ not a document'), 'image/png');
    expect(fieldErrors(notDocument)).toEqual([{ field: 'file', code: 'validation.not_evidence_file' }]);
  });

  it('cites a library source with the passage, marked when old; a retired source is not cited anew', async () => {
    const cited = await evidence(claim, fact, {
      kind: 'coi', description: 'Las pandillas cobran «renta» a comerciantes', coiSourceId: currentSource.id, coiPassage: 'Las maras cobran renta a los pequeños comercios.',
    });
    expect(cited.statusCode, cited.body).toBe(201);
    expect(cited.json<TEvidence>().coiSource).toMatchObject({ id: currentSource.id, outdated: false, citation: currentSource.citation });
    const old = await evidence(claim, fact, { kind: 'coi', description: 'Antecedente', coiSourceId: oldSource.id, coiPassage: 'Pasaje antiguo' });
    expect(old.json<TEvidence>().coiSource).toMatchObject({ outdated: true, citation: expect.stringMatching(/\[Fuente con más de 3 años\]$/) });
    const retired = await coiSource(supervisor, `${year - 1}-01-01`, 'Fuente que se retirará');
    await call(t.app, 'POST', `/api/coi-sources/${retired.id}/retire`, { session: supervisor, body: { version: retired.version, reason: 'Duplicada' } });
    expect(fieldErrors(await evidence(claim, fact, { kind: 'coi', description: 'x', coiSourceId: retired.id, coiPassage: 'p' })))
      .toEqual([{ field: 'coiSourceId', code: 'validation.coi_source_retired' }]);
    expect(fieldErrors(await evidence(claim, fact, { kind: 'coi', description: 'x', coiSourceId: '00000000-0000-4000-8000-000000000001', coiPassage: 'p' })))
      .toEqual([{ field: 'coiSourceId', code: 'validation.unknown_reference' }]);
  });

  it('is removed once; a second removal finds nothing', async () => {
    const added = (await evidence(claim, fact, { kind: 'witness', description: 'Hermana', quote: 'Vi las cartas de amenaza' })).json<TEvidence>();
    expect((await call(t.app, 'DELETE', `/api/claims/${claim.id}/assessment/evidence/${added.id}`, { session: officer })).statusCode).toBe(204);
    expectProblem(await call(t.app, 'DELETE', `/api/claims/${claim.id}/assessment/evidence/${added.id}`, { session: officer }), 404, 'NOT_FOUND');
    expect((await auditEvents(t.db, 'claim.evidence_removed')).at(-1)).toMatchObject({ details: { evidenceId: added.id, kind: 'witness' } });
  });
});

describe('the risk and legal analysis', () => {
  it('names what a ticked ground or circumstance needs, saves with the version, and 409s on a stale one', async () => {
    const a = await read(claim);
    const missing = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, {
      session: officer, body: analysis(a, { conventionGrounds: ['gender'], cartagenaCircumstances: ['generalized_violence'], surPlace: true, exclusionConsidered: true }),
    });
    expect(fieldErrors(missing)).toEqual([
      { field: 'nexus', code: 'validation.required' }, { field: 'cartagenaAnalysis', code: 'validation.required' },
      { field: 'surPlaceAnalysis', code: 'validation.required' }, { field: 'exclusionAnalysis', code: 'validation.required' },
    ]);
    const body = analysis(a, {
      riskAssessment: 'Riesgo real de daño grave a manos de la pandilla en todo el territorio',
      conventionGrounds: ['particular_social_group'], nexus: 'Comerciante que se negó a pagar la extorsión',
      cartagenaCircumstances: ['generalized_violence', 'serious_disturbance_of_public_order'], cartagenaAnalysis: 'Violencia generalizada de las maras en su barrio',
      actorsOfPersecution: 'Pandilla Barrio 18', actorsOfProtection: 'La policía no protege eficazmente', internalProtectionAlternative: 'No razonable: presencia nacional',
    });
    const res = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, { session: officer, body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TAssessment>()).toMatchObject({ cartagenaCircumstances: ['generalized_violence', 'serious_disturbance_of_public_order'], version: a.version + 1 });
    const stale = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, { session: supervisor, body: { ...body, riskAssessment: 'Otra' } });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT').current).toMatchObject({ version: a.version + 1, riskAssessment: body.riskAssessment });
    expect((await auditEvents(t.db, 'claim.assessment_analysis_updated')).at(-1)).toMatchObject({
      details: { changed: expect.arrayContaining(['riskAssessment', 'cartagenaCircumstances', 'nexus']), exclusionReviewCleared: false },
    });
  });
});

describe('safeguards on draft_decision', () => {
  it('name a missing fact list, then every unconcluded fact by number, from the claim\'s checklist', async () => {
    const other = await interviewedClaim();
    await open(other);
    const empty = await nextStep(other, 'draft_decision');
    expect(empty.allowed).toBe(false);
    expect(empty.safeguards.find((s) => s.code === 'material_facts_identified')).toMatchObject({
      state: 'unmet', message: 'La valoración aún no tiene hechos materiales.', source: { kind: 'euaa_guide' },
    });
    const first = await addFact(other, { kind: 'identity', statement: 'Identidad' });
    await addFact(other, { kind: 'nationality', statement: 'Nacionalidad' });
    await conclude(other, first, ACCEPTED);
    const open2 = await nextStep(other, 'draft_decision');
    expect(open2.safeguards.find((s) => s.code === 'facts_concluded')).toMatchObject({
      state: 'unmet', message: 'Faltan conclusiones en 1 hecho(s): n.º 2.',
      source: { kind: 'unhcr_standard', citation: expect.stringContaining('párrs. 196–205') },
    });
    const refused = await call(t.app, 'POST', `/api/claims/${other.id}/draft-decision`, { session: officer, body: { version: (await read(other)).claimVersion } });
    // The bare lifecycle route is also refused for want of the decision's record (ADR 030).
    expect(unmetCodes(expectProblem(refused, 409, 'SAFEGUARD_UNMET'))).toEqual(['facts_concluded', 'decision_record']);
  });

  it('hold the draft while a considered exclusion has no supervisor\'s review; the officer cannot review it, the supervisor can', async () => {
    let a = await read(claim);
    const considered = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, {
      session: officer, body: analysis(a, { exclusionConsidered: true, exclusionAnalysis: 'Mencionó haber colaborado con la pandilla bajo amenaza: no hay razones fundadas (art. 1F)' }),
    });
    expect(considered.statusCode, considered.body).toBe(200);
    a = considered.json<TAssessment>();
    const step = await nextStep(claim, 'draft_decision');
    expect(step.safeguards.map((s) => [s.code, s.state])).toEqual([
      ['material_facts_identified', 'met'], ['facts_concluded', 'met'], ['exclusion_reviewed', 'unmet'],
      // The decision feature's safeguards wait for the draft it generates (ADR 030).
      ['decision_record', 'on_input'], ['rejection_needs_interview_record', 'on_input'], ['exclusion_outcome_reviewed', 'on_input'],
    ]);
    expect(step.safeguards[2]!.source.citation).toContain('art. 1F');
    expectProblem(await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/exclusion-review`, { session: officer, body: { version: a.version, notes: 'Yo mismo' } }), 403, 'FORBIDDEN');
    expect(a.mayReviewExclusion).toBe(false);
    const reviewed = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/exclusion-review`, {
      session: supervisor, body: { version: a.version, notes: 'De acuerdo: colaboración bajo coacción, sin razones fundadas para excluir' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    a = reviewed.json<TAssessment>();
    expect(a.exclusionReview).toMatchObject({ reviewedBy: 'Marta Supervisora Gómez', notes: 'De acuerdo: colaboración bajo coacción, sin razones fundadas para excluir' });
    expect((await nextStep(claim, 'draft_decision')).allowed).toBe(true);
    // Changing what was reviewed clears the review.
    const changed = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, {
      session: officer, body: analysis(a, { exclusionAnalysis: `${a.exclusionAnalysis} Ampliado.` }),
    });
    expect(changed.json<TAssessment>().exclusionReview).toBeNull();
    expect((await nextStep(claim, 'draft_decision')).allowed).toBe(false);
    a = changed.json<TAssessment>();
    await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/exclusion-review`, { session: supervisor, body: { version: a.version, notes: 'Revisado de nuevo' } });
    expect((await auditEvents(t.db, 'claim.exclusion_reviewed')).filter((e) => e.entity_id === claim.id)).toHaveLength(2);
  });

  it('let the decision be drafted once every safeguard is met; the assessment is then closed to edits', async () => {
    const a = await read(claim);
    // The decision feature generates the draft from the assessment and takes the step (ADR 030).
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/decision`, { session: officer, body: { version: a.claimVersion, outcome: 'refugee_cartagena' } });
    expect(res.statusCode, res.body).toBe(201);
    const after = await read(claim);
    expect(after).toMatchObject({ claimStatus: 'decision_drafted', editable: false });
    const late = await putFact(claim, after.facts[0]!, { reasons: 'Cambio tardío' });
    expect(expectProblem(late, 409, 'INVALID_STATE').reason).toBe('assessment_not_open');
  });
});

describe('what the decision feature reads', () => {
  it('reads facts in order with conclusions, reasons, evidence and formatted COI citations, the risk and the legal analysis', async () => {
    const decision = (await readAssessmentForDecision(t.db, claim.id))!;
    expect(decision.facts.map((f) => [f.number, f.kind, f.conclusion])).toEqual([
      [1, 'feared_harm', 'rejected'], [2, 'identity', 'accepted'], [3, 'past_event', 'benefit_of_doubt'],
    ]);
    const threats = decision.facts[2]!;
    expect(threats.benefitOfDoubt).toEqual({ bodGenuineEffort: true, bodEvidenceSubmitted: true, bodCoherentPlausible: true, bodTimely: true, bodGenerallyCredible: true });
    expect(threats.evidence.map((e) => e.kind)).toEqual(['statement', 'document', 'document', 'coi', 'coi']);
    expect(threats.evidence[3]!.coi).toMatchObject({ sourceId: currentSource.id, passage: 'Las maras cobran renta a los pequeños comercios.', outdated: false, citation: currentSource.citation });
    expect(decision.coiSources.map((s) => [s.sourceId, s.outdated])).toEqual([[currentSource.id, false], [oldSource.id, true]]);
    expect(decision.acceptedFactIds).toEqual([decision.facts[1]!.id, threats.id]);
    expect(decision.legalAnalysis).toMatchObject({
      cartagenaCircumstances: ['generalized_violence', 'serious_disturbance_of_public_order'],
      exclusion: { considered: true, review: { reviewedBy: 'Marta Supervisora Gómez', notes: 'Revisado de nuevo' } },
    });
    expect(decision.riskAssessment).toBe('Riesgo real de daño grave a manos de la pandilla en todo el territorio');
    expect(await readAssessmentForDecision(t.db, (await buildClaim(t.db)).id)).toBeUndefined();
  });

  it('tells whether the assessment cites current COI', async () => {
    expect(await assessmentCitesCoi(t.db, claim.id)).toMatchObject({ citations: 2, citesCurrentCoi: true, maxAgeYears: 3 });
    expect(await assessmentCitesCoi(t.db, claim.id, 0)).toMatchObject({ citesCurrentCoi: false });
  });
});

describe('the decide safeguard: a negative decision rests on current COI', () => {
  it('holds the signature of a rejection whose assessment cites only old sources, until the authority\'s limit reaches them', async () => {
    const c = await buildClaim(t.db, { status: 'under_assessment', assignTo: 'elegibilidad' });
    await interviewOf(t.db, c.id);
    const fact = await addFact(c, { kind: 'past_event', statement: 'Amenazas' });
    await evidence(c, fact, { kind: 'coi', description: 'Contexto', coiSourceId: oldSource.id, coiPassage: 'Pasaje' });
    await conclude(c, fact, { ...ACCEPTED, conclusion: 'rejected' });
    // A rejection drafted, reviewed and approved through the decision feature (ADR 030).
    const drafted = await call(t.app, 'POST', `/api/claims/${c.id}/decision`, { session: officer, body: { version: (await read(c)).claimVersion, outcome: 'rejected' } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const supervisorId = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'supervisor'`)).rows[0]!.id;
    await ensureCompetency(t.db, supervisorId, 'drafting_decisions');
    let decision = drafted.json<TDecisionPage>().decision!;
    const submitted = await call(t.app, 'POST', `/api/claims/${c.id}/decision/submit`, { session: officer, body: { version: decision.version, reviewerId: supervisorId } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    decision = submitted.json<TDecision>();
    const approved = await call(t.app, 'POST', `/api/claims/${c.id}/decision/approve`, { session: supervisor, body: { version: decision.version } });
    expect(approved.statusCode, approved.body).toBe(200);
    const held = (await nextStep(c, 'decide', supervisor)).safeguards.find((s) => s.code === 'negative_decision_cites_coi')!;
    expect(held).toMatchObject({ state: 'unmet', message: 'La resolución es negativa y la valoración no cita información del país de origen de 3 años o menos.' });
    const settings = (await call(t.app, 'GET', '/api/coi-settings', { session: supervisor })).json<{ version: number }>();
    await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: settings.version, maxAgeYears: 10 } });
    expect((await nextStep(c, 'decide', supervisor)).safeguards.find((s) => s.code === 'negative_decision_cites_coi')!.state).toBe('met');
    const back = (await call(t.app, 'GET', '/api/coi-settings', { session: supervisor })).json<{ version: number }>();
    await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: back.version, maxAgeYears: 3 } });
  });
});

describe('scope, the field policy and the audit of reads', () => {
  let c: TClaim;
  let sensitiveFact: TMaterialFact;
  beforeAll(async () => {
    c = await interviewedClaim();
    await open(c);
    await addFact(c, { kind: 'identity', statement: 'Identidad' });
    sensitiveFact = await addFact(c, { kind: 'profile', statement: 'Es una mujer trans perseguida por su identidad de género', sensitive: true });
    await evidence(c, sensitiveFact, { kind: 'witness', description: 'Amiga', quote: 'La golpearon por ser trans' });
  });

  it('another office\'s supervisor finds nothing; the observer is refused: no personal data leaves the claim\'s readers', async () => {
    expectProblem(await call(t.app, 'GET', `/api/claims/${c.id}/assessment`, { session: otherSupervisor }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'POST', `/api/claims/${c.id}/assessment/facts`, { session: otherSupervisor, body: { kind: 'other', statement: 'x' } }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', `/api/claims/${c.id}/assessment`, { session: observer }), 403, 'FORBIDDEN');
  });

  it('a reader outside the field policy sees that a sensitive fact exists, not what it says, and cannot change it', async () => {
    const asClerk = await read(c, clerk);
    expect(asClerk).toMatchObject({ canReadSensitive: false, analysisRedacted: true, riskAssessment: null, nexus: null });
    expect(asClerk.facts[1]).toMatchObject({ id: sensitiveFact.id, kind: 'profile', sensitive: true, redacted: true, statement: null, reasons: null, evidence: [] });
    expect(asClerk.facts[0]).toMatchObject({ redacted: false, statement: 'Identidad' });
    expectProblem(await putFact(c, { ...sensitiveFact, statement: 'x' }, {}, clerk), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'POST', `/api/claims/${c.id}/assessment/facts`, { session: clerk, body: { kind: 'profile', statement: 'x', sensitive: true } }), 403, 'FORBIDDEN');
    expectProblem(await evidence(c, sensitiveFact, { kind: 'witness', description: 'x', quote: 'y' }, clerk), 403, 'FORBIDDEN');
    const a = await read(c);
    expectProblem(await call(t.app, 'PUT', `/api/claims/${c.id}/assessment/analysis`, { session: clerk, body: analysis(a) }), 403, 'FORBIDDEN');
    expect((await read(c)).facts[1]).toMatchObject({ redacted: false, statement: 'Es una mujer trans perseguida por su identidad de género' });
  });

  it('audits every read with who read it, and never writes the sensitive fact\'s kind', async () => {
    const before = (await auditEvents(t.db, 'claim.assessment_viewed')).filter((e) => e.entity_id === c.id).length;
    await read(c, supervisor);
    const reads = (await auditEvents(t.db, 'claim.assessment_viewed')).filter((e) => e.entity_id === c.id);
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({ actor_username: 'supervisor', details: { facts: 2 } });
    expect((await auditEvents(t.db, 'claim.fact_added')).find((e) => e.details.factId === sensitiveFact.id)!.details.kind).toBe('sensitive');
  });
});
