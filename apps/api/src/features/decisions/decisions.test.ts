// The reasoned decision (ADR 030): generated from the assessment in six sections, edited section by
// section with versions, reviewed by a second officer holding the drafting competency under the
// EUAA Quality Assurance Tool's headings, returned and approved, signed into a locked PDF with a
// verification code and its public route, notified in a language the person understands with the
// appeal clock started, the notice to INM, the appeal lodged and resolved or sent back; the
// safeguards that keep the bare lifecycle routes from bypassing the records; scope, field policy
// and audit.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TClaimClockExplained, TCoiSource, TDecision, TDecisionPage, TMaterialFact } from '@refugio/domain';
import { buildClaim, buildPerson, ensureCompetency } from '../../testing/factories.ts';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, unmetCodes, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let officer: TestSession;
let supervisor: TestSession;
let registro: TestSession;
let observer: TestSession;
let supervisorId: string;
let registroId: string;
let current: TCoiSource;
let second: TCoiSource;

const today = new Date().toISOString().slice(0, 10);
const ACCEPTED = { sufficiency: 'positive', internalConsistency: 'positive', externalConsistency: 'positive', plausibility: 'positive' };

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'elegibilidad');
  supervisor = await loginAs(t.app, 'supervisor');
  registro = await loginAs(t.app, 'registro');
  observer = await loginAs(t.app, 'acnur');
  supervisorId = await userIdOf(t.db, 'supervisor');
  registroId = await userIdOf(t.db, 'registro');
  await ensureCompetency(t.db, supervisorId, 'drafting_decisions');
  current = await coiSource('Honduras: violencia de pandillas y extorsión', '2025-06-01');
  second = await coiSource('Honduras: protección estatal a víctimas de extorsión', '2025-09-15');
});
afterAll(async () => {
  await t?.close();
});

async function coiSource(title: string, publishedOn: string): Promise<TCoiSource> {
  const res = await call(t.app, 'POST', '/api/coi-sources', {
    session: supervisor, body: { title, publisher: 'ACNUR', publishedOn, accessedOn: today, url: null, language: 'es', countries: ['HND'], topics: ['gangs_organised_crime'], excerpt: 'Resumen' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TCoiSource>();
}

async function fact(claim: { id: string }, statement: string, kind: string, conclusion: Record<string, unknown>, sources: TCoiSource[] = []) {
  const added = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts`, { session: officer, body: { kind, statement } });
  expect(added.statusCode, added.body).toBe(201);
  const f = added.json<TMaterialFact>();
  for (const source of sources) {
    const e = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts/${f.id}/evidence`, {
      session: officer, body: { kind: 'coi', description: 'Contexto del país', coiSourceId: source.id, coiPassage: 'Las maras cobran renta a los comercios.' },
    });
    expect(e.statusCode, e.body).toBe(201);
  }
  const res = await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/facts/${f.id}`, {
    session: officer,
    body: {
      version: f.version, kind, statement, sensitive: false, ...ACCEPTED, sufficiencyNotes: '', internalConsistencyNotes: '', externalConsistencyNotes: '',
      plausibilityNotes: '', chanceToExplain: null, explanation: '', bodGenuineEffort: false, bodEvidenceSubmitted: false, bodCoherentPlausible: false,
      bodTimely: false, bodGenerallyCredible: false, ...conclusion,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A claim assigned to the eligibility officer, interviewed and under assessment, with three facts concluded citing two COI sources. */
async function assessedClaim(members?: NonNullable<Parameters<typeof buildClaim>[1]>['members']): Promise<TClaim> {
  const claim = await buildClaim(t.db, { status: 'under_assessment', assignTo: 'elegibilidad', ...(members ? { members } : {}) });
  await fact(claim, 'Es de nacionalidad hondureña', 'nationality', { conclusion: 'accepted', reasons: 'Pasaporte vigente y declaración coherente' });
  await fact(claim, 'La pandilla le exigió renta y la amenazó de muerte', 'past_event', {
    conclusion: 'benefit_of_doubt', reasons: 'Relato detallado y coherente con la información del país; no pudo aportar la denuncia',
    bodGenuineEffort: true, bodEvidenceSubmitted: true, bodCoherentPlausible: true, bodTimely: true, bodGenerallyCredible: true,
  }, [current, second]);
  await fact(claim, 'La policía se negó a recibir su denuncia', 'other', { conclusion: 'rejected', reasons: 'Versiones contradictorias sobre la fecha y el lugar' });
  return (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: officer })).json<TClaim>();
}

const page = async (claim: { id: string }, session = officer) => {
  const res = await call(t.app, 'GET', `/api/claims/${claim.id}/decision`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TDecisionPage>();
};
const generate = (claim: TClaim, body: Record<string, unknown> = {}, session = officer) =>
  call(t.app, 'POST', `/api/claims/${claim.id}/decision`, { session, body: { version: claim.version, outcome: 'refugee_cartagena', ...body } });
const post = (claim: { id: string }, path: string, body: Record<string, unknown>, session = officer) =>
  call(t.app, 'POST', `/api/claims/${claim.id}/decision/${path}`, { session, body });

describe('a decision from draft to appeal', () => {
  let claim: TClaim;
  let decision: TDecision;

  beforeAll(async () => {
    claim = await assessedClaim();
  });

  it('is generated from the assessment in the EUAA order, in plain Spanish, with each fact\'s conclusion and reasons, COI and the legal basis', async () => {
    const before = await page(claim);
    expect(before).toMatchObject({ canGenerate: true, decision: null, claimStatus: 'under_assessment' });
    const res = await generate(claim);
    expect(res.statusCode, res.body).toBe(201);
    decision = res.json<TDecisionPage>().decision!;
    expect(decision).toMatchObject({ status: 'draft', outcome: 'refugee_cartagena', claimStatus: 'decision_drafted', redacted: false, legalBasis: { verified: true } });
    const s = decision.sections;
    expect(Object.keys(s)).toEqual(['introduction', 'basis_of_claim', 'credibility_findings', 'risk_assessment', 'legal_analysis', 'outcome_text']);
    expect(s.introduction!.text).toContain(`número ${claim.claimNumber}`);
    expect(s.introduction!.text).toContain('nacional de Honduras');
    expect(s.basis_of_claim!.text).toContain('2. La pandilla le exigió renta y la amenazó de muerte');
    expect(s.credibility_findings!.text).toContain('Hecho 1: Es de nacionalidad hondureña\nConclusión: Se acepta.\nRazones: Pasaporte vigente');
    expect(s.credibility_findings!.text).toContain('Conclusión: Se acepta con el beneficio de la duda.');
    expect(s.credibility_findings!.text).toContain('Se le concede el beneficio de la duda porque hizo un esfuerzo auténtico');
    expect(s.credibility_findings!.text).toContain('Hecho 3: La policía se negó a recibir su denuncia\nConclusión: No se acepta.\nRazones: Versiones contradictorias');
    expect(s.credibility_findings!.text).toContain(current.citation);
    expect(s.risk_assessment!.text).toContain('hechos 1 y 2');
    expect(s.risk_assessment!.text).toContain('No se toman en cuenta los hechos no aceptados (3)');
    expect(s.legal_analysis!.text).toContain(`1. ${current.citation}`);
    expect(s.legal_analysis!.text).toContain(`2. ${second.citation}`);
    expect(s.outcome_text!.text).toContain('art. 13, fracción II (Declaración de Cartagena de 1984');
    expect(s.outcome_text!.text).toContain('documento migratorio');
    expect(s.outcome_text!.text).not.toContain('recurso de revisión');
    expect(decision.personOutcomes).toEqual([expect.objectContaining({ relation: 'principal', outcome: 'refugee_cartagena', derivative: false })]);
    expect((await auditEvents(t.db, 'claim.decision_drafted')).at(-1)).toMatchObject({ entity_id: claim.id, details: { decisionId: decision.id, outcome: 'refugee_cartagena' } });
    expect(expectProblem(await generate({ ...claim, version: decision.claimVersion }), 409, 'INVALID_STATE').reason).toBe('transition_not_allowed');
  });

  it('is edited section by section: a stale save answers 409 with the decision as it is; other sections never conflict', async () => {
    const intro = decision.sections.introduction!;
    const saved = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, {
      session: officer, body: { section: 'introduction', version: intro.version, text: `${intro.text}\n\nRevisado por la oficial.` },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, {
      session: supervisor, body: { section: 'introduction', version: intro.version, text: 'Otra introducción' },
    });
    const problem = expectProblem(stale, 409, 'VERSION_CONFLICT');
    expect(problem.current).toMatchObject({ sections: { introduction: { version: intro.version + 1, text: expect.stringContaining('Revisado por la oficial.') } } });
    const other = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, {
      session: supervisor, body: { section: 'risk_assessment', version: decision.sections.risk_assessment!.version, text: `${decision.sections.risk_assessment!.text} Riesgo actual.` },
    });
    expect(other.statusCode, other.body).toBe(200);
    decision = other.json<TDecision>();
    expect((await auditEvents(t.db, 'decision.section_saved')).at(-1)).toMatchObject({ details: { decisionId: decision.id, section: 'risk_assessment', version: 2 } });
    const bad = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, { session: officer, body: { section: 'conclusion', version: 1, text: 'x' } });
    expect(fieldErrors(bad)).toEqual([expect.objectContaining({ field: 'section' })]);
  });

  it('is submitted to a reviewer who is not the drafter and holds the drafting competency, each refusal naming the field', async () => {
    const reviewers = (await call(t.app, 'GET', `/api/claims/${claim.id}/decision/reviewers`, { session: officer })).json<Array<{ username: string }>>();
    expect(reviewers.map((r) => r.username)).toEqual(['supervisor']);
    const drafter = await userIdOf(t.db, 'elegibilidad');
    const self = await post(claim, 'submit', { version: decision.version, reviewerId: drafter });
    expect(unmetCodes(expectProblem(self, 409, 'SAFEGUARD_UNMET'))).toEqual(['reviewer_not_drafter', 'reviewer_competency']);
    expect(fieldErrors(self).map((e) => e.code)).toEqual(['validation.reviewer_is_drafter', 'validation.competency_missing']);
    expect(fieldErrors(await post(claim, 'submit', { version: decision.version, reviewerId: await userIdOf(t.db, 'acnur') }))).toEqual([
      expect.objectContaining({ field: 'reviewerId', code: 'validation.invalid_option' })]);
    const untrained = await post(claim, 'submit', { version: decision.version, reviewerId: registroId });
    const refusal = expectProblem(untrained, 409, 'SAFEGUARD_UNMET');
    expect(refusal.unmet).toEqual([expect.objectContaining({ code: 'reviewer_competency', message: 'Jorge Registro López no tiene vigente la competencia de redacción de resoluciones.' })]);
    expect(fieldErrors(untrained)).toEqual([expect.objectContaining({ field: 'reviewerId', code: 'validation.competency_missing' })]);
    expect((await page(claim)).decision).toMatchObject({ status: 'draft', reviewer: null });
    const ok = await post(claim, 'submit', { version: decision.version, reviewerId: supervisorId });
    expect(ok.statusCode, ok.body).toBe(200);
    decision = ok.json<TDecision>();
    expect(decision).toMatchObject({ status: 'in_review', claimStatus: 'in_review', reviewer: { fullName: 'Marta Supervisora Gómez' }, reviewRound: 1, can: { edit: false } });
  });

  it('is commented under the EUAA headings and returned with reasons by the reviewer only; the drafter fixes it', async () => {
    expectProblem(await post(claim, 'comments', { section: 'legal_analysis', rating: 'minor_error', comment: 'Yo misma' }), 403, 'FORBIDDEN');
    const commented = await post(claim, 'comments', { section: 'legal_analysis', rating: 'significant_error', comment: 'Falta el nexo con las circunstancias de Cartagena' }, supervisor);
    expect(commented.statusCode, commented.body).toBe(201);
    expect(commented.json<TDecision>().comments).toEqual([expect.objectContaining({ section: 'legal_analysis', rating: 'significant_error', round: 1, author: expect.objectContaining({ fullName: 'Marta Supervisora Gómez' }) })]);
    expect(fieldErrors(await post(claim, 'comments', { section: 'conclusion', rating: 'bad', comment: '' }, supervisor)).map((e) => e.field).toSorted()).toEqual(['comment', 'rating', 'section']);
    const locked = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, { session: officer, body: { section: 'legal_analysis', version: 1, text: 'x' } });
    expect(expectProblem(locked, 409, 'INVALID_STATE').reason).toBe('decision_status');
    const returned = await post(claim, 'return', { version: decision.version, reason: 'Complete el análisis jurídico' }, supervisor);
    expect(returned.statusCode, returned.body).toBe(200);
    decision = returned.json<TDecision>();
    expect(decision).toMatchObject({ status: 'returned', claimStatus: 'decision_drafted', can: { edit: true } });
    const legal = decision.sections.legal_analysis!;
    const fixed = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, {
      session: officer, body: { section: 'legal_analysis', version: legal.version, text: `${legal.text}\n\nNexo: la violencia generalizada de las pandillas la alcanzó como comerciante.` },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resolved = await post(claim, `comments/${decision.comments[0]!.id}/resolve`, {});
    expect(resolved.json<TDecision>().comments[0]!.resolvedBy).toMatchObject({ fullName: 'Ana Elegibilidad Torres' });
    decision = resolved.json<TDecision>();
    decision = (await post(claim, 'submit', { version: decision.version, reviewerId: supervisorId })).json<TDecision>();
    expect(decision).toMatchObject({ status: 'in_review', reviewRound: 2 });
  });

  it('is refused on the bare lifecycle routes, which cannot bypass the decision\'s records', async () => {
    const claimNow = (await page(claim)).claimVersion;
    const approve = expectProblem(await call(t.app, 'POST', `/api/claims/${claim.id}/approve`, { session: supervisor, body: { version: claimNow } }), 409, 'SAFEGUARD_UNMET');
    expect(unmetCodes(approve)).toEqual(['decision_record']);
    expect((approve.unmet as unknown[])[0]).toMatchObject({ title: 'La resolución se lleva en su registro', source: { kind: 'law', citation: expect.stringContaining('art. 24') } });
  });

  it('is approved by the reviewer (a stale version answers 409) and signed by the signatory into a locked PDF', async () => {
    expectProblem(await post(claim, 'approve', { version: decision.version - 1 }, supervisor), 409, 'VERSION_CONFLICT');
    expectProblem(await post(claim, 'approve', { version: decision.version }), 403, 'FORBIDDEN');
    const approved = await post(claim, 'approve', { version: decision.version }, supervisor);
    expect(approved.statusCode, approved.body).toBe(200);
    decision = approved.json<TDecision>();
    expect(decision).toMatchObject({ status: 'approved', claimStatus: 'approved', approvedBy: { fullName: 'Marta Supervisora Gómez' }, can: { sign: true } });
    expectProblem(await post(claim, 'sign', { version: decision.version }), 403, 'FORBIDDEN');
    const signed = await post(claim, 'sign', { version: decision.version }, supervisor);
    expect(signed.statusCode, signed.body).toBe(200);
    decision = signed.json<TDecision>();
    expect(decision).toMatchObject({ status: 'signed', claimStatus: 'decided', signedBy: { fullName: 'Marta Supervisora Gómez' }, issuedOffice: 'COMAR Tapachula' });
    expect(decision.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const pdf = await call(t.app, 'GET', `/api/claims/${claim.id}/decision/pdf`, { session: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(decision.pdfSha256);
    expect((await auditEvents(t.db, 'decision.pdf_downloaded')).at(-1)).toMatchObject({ details: { signed: true, sha256: decision.pdfSha256 } });
    expect((await auditEvents(t.db, 'claim.decided')).at(-1)).toMatchObject({ entity_id: claim.id, details: { decisionId: decision.id, decisionStatus: 'signed' } });
  });

  it('never changes once signed', async () => {
    const intro = decision.sections.introduction!;
    const res = await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/sections`, { session: officer, body: { section: 'introduction', version: intro.version, text: 'Cambio' } });
    expect(expectProblem(res, 409, 'INVALID_STATE').reason).toBe('decision_signed');
    expectProblem(await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/outcome`, { session: officer, body: { version: decision.version, outcome: 'rejected' } }), 409, 'INVALID_STATE');
    expectProblem(await post(claim, 'sign', { version: decision.version }, supervisor), 409, 'INVALID_STATE');
  });

  it('is verified publicly: authenticity, date and issuing office only; a forged code is a plain 404', async () => {
    const typed = decision.verificationCode!.toLowerCase().replaceAll('-', ' ');
    const res = await call(t.app, 'GET', `/api/public/decisions/${encodeURIComponent(typed)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      authentic: true, verificationCode: decision.verificationCode, signedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      issuingOffice: 'COMAR Tapachula', issuingInstitution: 'Comisión Mexicana de Ayuda a Refugiados', superseded: false,
    });
    expect(res.body).not.toContain('Rosa');
    expectProblem(await call(t.app, 'GET', '/api/public/decisions/AAAA-BBBB-CCCC'), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', '/api/public/decisions/no-es-un-codigo'), 404, 'NOT_FOUND');
  });

  it('is notified only in a language the person understands (two- and three-letter codes compared as one), recording the acknowledgement', async () => {
    const base = { version: decision.version, notifiedAt: new Date().toISOString(), place: 'COMAR Tapachula, ventanilla 2', method: 'in_person', interpreterId: null, interpreterName: null };
    expect(fieldErrors(await post(claim, 'notification', { ...base, language: 'spa', acknowledged: false })).map((e) => e.field)).toEqual(['refusalReason']);
    expect(fieldErrors(await post(claim, 'notification', { ...base, language: 'xx', acknowledged: true })).map((e) => e.field)).toEqual(['language']);
    const french = await post(claim, 'notification', { ...base, language: 'fra', acknowledged: true });
    expect(expectProblem(french, 409, 'SAFEGUARD_UNMET').unmet).toEqual([expect.objectContaining({
      code: 'notification_language_understood', message: 'Se notificó en «fra», que no está entre los idiomas de la persona (es).',
    })]);
    expect(fieldErrors(french)).toEqual([expect.objectContaining({ field: 'language', code: 'validation.language_not_understood' })]);
    const ok = await post(claim, 'notification', { ...base, language: 'spa', acknowledged: true });
    expect(ok.statusCode, ok.body).toBe(201);
    decision = ok.json<TDecision>();
    expect(decision).toMatchObject({ claimStatus: 'notified', notification: { language: 'spa', acknowledged: true, place: 'COMAR Tapachula, ventanilla 2' } });
    // A positive decision too may be appealed by whoever it affects: its term runs, and marks when it becomes final.
    const clocks = (await call(t.app, 'GET', `/api/claims/${claim.id}/clocks`, { session: officer })).json<TClaimClockExplained[]>();
    expect(clocks.find((c) => c.kind === 'appeal')).toMatchObject({ state: 'running', workingDays: 15, workingDaysLeft: 15 });
    // The notice to INM for the migration document.
    const notice = await call(t.app, 'GET', `/api/claims/${claim.id}/decision/inm-notice`, { session: officer });
    expect(notice.statusCode).toBe(200);
    expect(notice.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await auditEvents(t.db, 'decision.inm_notice_printed')).at(-1)).toMatchObject({ entity_id: claim.id });
  });
});

describe('a rejection: safeguards, the appeal clock and the appeal', () => {
  it('is refused without a signed interview record for a person rejected in their own right, naming the person and the source', async () => {
    const claim = await assessedClaim([
      { relation: 'principal', unaccompanied: false, existingPersonId: null, person: buildPerson() },
      { relation: 'partner', unaccompanied: false, existingPersonId: null, person: buildPerson({ givenNames: 'Luis Alberto', firstSurname: 'Peña', sex: 'male' }) },
    ]);
    const partner = claim.members.find((m) => m.relation === 'partner')!.person.id;
    const res = await generate(claim, { outcome: 'rejected', personOutcomes: [{ personId: partner, outcome: 'rejected', derivative: false }] });
    const problem = expectProblem(res, 409, 'SAFEGUARD_UNMET');
    expect(problem.unmet).toEqual([expect.objectContaining({
      code: 'rejection_needs_interview_record', title: 'Sin acta de entrevista firmada no hay rechazo', message: 'Sin acta de entrevista firmada: Luis Alberto Peña.',
      source: { kind: 'law', citation: expect.stringContaining('art. 24') },
    })]);
    expect(await page(claim)).toMatchObject({ decision: null, claimStatus: 'under_assessment' });
    // Derived from the principal, whose record is signed, the partner's rejection stands.
    const derived = await generate(claim, { outcome: 'rejected', personOutcomes: [{ personId: partner, outcome: 'rejected', derivative: true }] });
    expect(derived.statusCode, derived.body).toBe(201);
    expect(derived.json<TDecisionPage>().decision!.sections.outcome_text!.text).toContain('recurso de revisión dentro de los 15 días hábiles');
    expect(fieldErrors(await call(t.app, 'PUT', `/api/claims/${claim.id}/decision/outcome`, {
      session: officer, body: { version: derived.json<TDecisionPage>().decision!.version, outcome: 'rejected', personOutcomes: [{ personId: partner, outcome: 'refugee_convention', derivative: true }] },
    }))).toEqual([{ field: 'personOutcomes.0.derivative', code: 'validation.invalid_value' }]);
  });

  it('starts the 15-working-day appeal clock at notification, stops it when the appeal is lodged, and is sent back for a new decision', async () => {
    const claim = await assessedClaim();
    let decision = (await generate(claim, { outcome: 'rejected' })).json<TDecisionPage>().decision!;
    decision = (await post(claim, 'submit', { version: decision.version, reviewerId: supervisorId })).json<TDecision>();
    decision = (await post(claim, 'approve', { version: decision.version }, supervisor)).json<TDecision>();
    const signed = await post(claim, 'sign', { version: decision.version }, supervisor);
    expect(signed.statusCode, signed.body).toBe(200);
    decision = signed.json<TDecision>();
    const notified = await post(claim, 'notification', {
      version: decision.version, notifiedAt: new Date().toISOString(), place: 'COMAR Tapachula', method: 'in_person', language: 'es',
      interpreterId: null, interpreterName: null, acknowledged: false, refusalReason: 'No quiso firmar el acuse',
    });
    expect(notified.statusCode, notified.body).toBe(201);
    decision = notified.json<TDecision>();
    const clocks = (await call(t.app, 'GET', `/api/claims/${claim.id}/clocks`, { session: officer })).json<TClaimClockExplained[]>();
    const appeal = clocks.find((c) => c.kind === 'appeal')!;
    expect(appeal).toMatchObject({ state: 'running', workingDays: 15, source: 'LRPCPAP art. 25' });
    expect(appeal.workingDaysLeft).toBe(15);
    expect((await auditEvents(t.db, 'claim.notified')).at(-1)).toMatchObject({ details: { appealDueOn: appeal.dueOn, decisionId: decision.id } });
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/decision/inm-notice`, { session: officer }), 409, 'INVALID_STATE');

    const lodged = await call(t.app, 'POST', `/api/claims/${claim.id}/appeals`, {
      session: officer, body: { version: decision.claimVersion, lodgedOn: today, lodgedAtOfficeId: null, grounds: 'No se valoró la falta de protección estatal' },
    });
    expect(lodged.statusCode, lodged.body).toBe(201);
    decision = lodged.json<TDecision>();
    expect(decision).toMatchObject({ claimStatus: 'appealed', appeals: [expect.objectContaining({ status: 'lodged' })] });
    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}/clocks`, { session: officer })).json<TClaimClockExplained[]>();
    expect(after.find((c) => c.kind === 'appeal')!.state).toBe('stopped');

    const appealId = decision.appeals[0]!.id;
    const resolved = await call(t.app, 'POST', `/api/claims/${claim.id}/appeals/${appealId}/resolution`, {
      session: officer, body: { version: 1, outcome: 'sent_back', resolvedOn: today, resolution: 'Se ordena valorar de nuevo la protección estatal' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const pageNow = resolved.json<TDecisionPage>();
    expect(pageNow).toMatchObject({ claimStatus: 'under_assessment', decision: null, canGenerate: true });
    const verified = await call(t.app, 'GET', `/api/public/decisions/${decision.verificationCode}`);
    expect(verified.json()).toMatchObject({ superseded: true });
    const { rows } = await t.db.query<{ outcome: string }>('SELECT outcome FROM appeals WHERE id = $1', [appealId]);
    expect(rows[0]!.outcome).toBe('sent_back');
    // The new decision lists the superseded one.
    const again = await generate({ ...claim, version: pageNow.claimVersion }, { outcome: 'complementary_protection' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<TDecisionPage>().decision!.superseded).toEqual([expect.objectContaining({ id: decision.id, outcome: 'rejected' })]);
  });

  it('is not signed while a guarantee is pending, nor by its drafter', async () => {
    const claim = await assessedClaim();
    let decision = (await generate(claim, { outcome: 'rejected' })).json<TDecisionPage>().decision!;
    decision = (await post(claim, 'submit', { version: decision.version, reviewerId: supervisorId })).json<TDecision>();
    decision = (await post(claim, 'approve', { version: decision.version }, supervisor)).json<TDecision>();
    const person = claim.members[0]!.person.id;
    const indicator = await call(t.app, 'POST', `/api/claims/${claim.id}/indicators`, {
      session: officer, body: { personId: person, category: 'serious_illness', kind: 'document', description: 'Diagnóstico de diabetes', observedBy: 'Ana', observedAt: new Date().toISOString(), observedPlace: 'COMAR' },
    });
    expect(indicator.statusCode, indicator.body).toBe(201);
    const refused = expectProblem(await post(claim, 'sign', { version: decision.version }, supervisor), 409, 'SAFEGUARD_UNMET');
    expect(unmetCodes(refused)).toEqual(['no_pending_guarantee']);
    expect((await page(claim)).decision).toMatchObject({ status: 'approved', verificationCode: null });
  });
});

describe('closures, scope, the field policy and idempotency', () => {
  it('records a withdrawal as a closure for the statistics, superseding a draft under way', async () => {
    const claim = await assessedClaim();
    const drafted = (await generate(claim)).json<TDecisionPage>();
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/withdraw`, { session: officer, body: { version: drafted.claimVersion, reason: 'Desiste por escrito' } });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await t.db.query<{ outcome: string; status: string }>('SELECT outcome, status FROM decisions WHERE claim_id = $1 ORDER BY created_at', [claim.id]);
    expect(rows).toEqual([{ outcome: 'refugee_cartagena', status: 'superseded' }, { outcome: 'withdrawn', status: 'recorded' }]);
  });

  it('answers 404 outside the reader\'s scope, 403 to the observer; every read is audited', async () => {
    const claim = await assessedClaim();
    await generate(claim);
    const other = await loginAs(t.app, 'inm');
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/decision`, { session: other }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/decision`, { session: observer }), 403, 'FORBIDDEN');
    const before = (await auditEvents(t.db, 'decision.viewed')).length;
    await page(claim, registro);
    expect((await auditEvents(t.db, 'decision.viewed')).length).toBe(before + 1);
  });

  it('withholds the reasons of a decision that quotes a sensitive fact from readers outside the field policy', async () => {
    const claim = await buildClaim(t.db, { status: 'under_assessment', assignTo: 'elegibilidad' });
    const added = await call(t.app, 'POST', `/api/claims/${claim.id}/assessment/facts`, { session: officer, body: { kind: 'profile', statement: 'Es una mujer trans', sensitive: true } });
    const f = added.json<TMaterialFact>();
    await call(t.app, 'PUT', `/api/claims/${claim.id}/assessment/facts/${f.id}`, {
      session: officer,
      body: { version: f.version, kind: 'profile', statement: 'Es una mujer trans', sensitive: true, ...ACCEPTED, chanceToExplain: null, conclusion: 'accepted', reasons: 'Coherente' },
    });
    const now = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: officer })).json<TClaim>();
    expect((await generate(now, { outcome: 'refugee_convention' })).statusCode).toBe(201);
    expect((await page(claim, officer)).decision).toMatchObject({ redacted: false });
    const clerk = (await page(claim, registro)).decision!;
    expect(clerk).toMatchObject({ redacted: true, sections: { basis_of_claim: { text: '' } } });
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/decision/pdf`, { session: registro }), 403, 'FORBIDDEN');
  });

  it('runs a generation once per Idempotency-Key', async () => {
    const claim = await assessedClaim();
    const headers = { 'idempotency-key': `decision-${claim.id}` };
    const first = await call(t.app, 'POST', `/api/claims/${claim.id}/decision`, { session: officer, headers, body: { version: claim.version, outcome: 'refugee_convention' } });
    const again = await call(t.app, 'POST', `/api/claims/${claim.id}/decision`, { session: officer, headers, body: { version: claim.version, outcome: 'refugee_convention' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json<TDecisionPage>().decision!.id).toBe(first.json<TDecisionPage>().decision!.id);
  });
});
