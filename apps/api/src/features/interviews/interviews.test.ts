// The personal interview (ADR 025): started through the procedure's start_interview step (its
// safeguards refuse once, naming each unmet one), autosaved piece by piece with versions (a stale
// save answers 409 with what won), read back with tracked corrections, signed once per role and
// locked, which records the claim as interviewed; scope through the claim, an interpreter's own
// participation, the field policy on sensitive answers, and every read and write audited.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TInterview, TMyInterview, TSavedPiece } from '@refugio/domain';
import { createUser, demoContext } from '@refugio/domain/server';
import { ZUserInput } from '@refugio/domain';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import { buildClaim, buildPerson, installQuestionnaires, officeIdOf, publishedTemplateId, SIGNATURE_PNG } from '../../testing/factories.ts';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, TEST_PASSWORD, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let elegibilidad: TestSession;
let registro: TestSession;
let supervisor: TestSession;
let interprete: TestSession;
let eligibilityTemplate: string;
let childTemplate: string;
let rosterInterpreter: string;

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  registro = await loginAs(t.app, 'registro');
  supervisor = await loginAs(t.app, 'supervisor');
  interprete = await loginAs(t.app, 'interprete');
  await installQuestionnaires(t.db);
  await installQuestionnaires(t.db, 'INM');
  eligibilityTemplate = await publishedTemplateId(t.db, 'comar_elegibilidad');
  childTemplate = await publishedTemplateId(t.db, 'comar_nna');
  // The roster is the scheduling feature's; its table is shared (ADR 024). Nadia interprets Haitian Creole at Tapachula.
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO interpreters (institution_id, user_id, full_name, kind, sex, languages, modalities, office_ids)
     SELECT u.institution_id, u.id, u.full_name, 'staff', 'female', '{hat,fra,spa}', '{in_person}', ARRAY[$1::uuid]
       FROM users u WHERE u.username = 'interprete' RETURNING id`, [await officeIdOf(t.db, 'COMAR-TAP')]);
  rosterInterpreter = rows[0]!.id;
});
afterAll(async () => {
  await t?.close();
});

const principalOf = (claim: TClaim) => claim.members.find((m) => m.relation === 'principal')!.person.id;
const start = (session: TestSession, claimId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', `/api/claims/${claimId}/interviews`, { session, body: { language: 'es', ...body }, headers });
const saveAnswer = (session: TestSession, id: string, questionId: string, value: Record<string, unknown>, version: number) =>
  call(t.app, 'PUT', `/api/interviews/${id}/answers/${questionId}`, { session, body: { value, version } });
const getRecord = async (session: TestSession, id: string) => {
  const res = await call(t.app, 'GET', `/api/interviews/${id}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TInterview>();
};
const sign = (session: TestSession, id: string, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/interviews/${id}/signatures`, { session, body: { image: null, declinedReason: null, ...body } });

describe('starting an interview', () => {
  let claim: TClaim;
  beforeAll(async () => {
    claim = await buildClaim(t.db, { status: 'interview_scheduled', assignTo: 'elegibilidad' });
  });

  it('offers the claim\'s people, the authority\'s published questionnaires and its interpreters', async () => {
    const res = await call(t.app, 'GET', `/api/claims/${claim.id}/interview-options`, { session: elegibilidad });
    expect(res.statusCode, res.body).toBe(200);
    const options = res.json<{ persons: Array<{ id: string }>; templates: Array<{ code: string }>; interpreters: Array<{ id: string }> }>();
    expect(options.persons.map((p) => p.id)).toEqual([principalOf(claim)]);
    expect(options.templates.map((x) => x.code).toSorted()).toEqual(['comar_elegibilidad', 'comar_nna']);
    expect(options.interpreters.map((i) => i.id)).toEqual([rosterInterpreter]);
  });

  it('names every bad choice at once', async () => {
    const inm = await publishedTemplateId(t.db, 'inm_primer_contacto', 'INM');
    const res = await start(elegibilidad, claim.id, { personId: crypto.randomUUID(), templateId: inm, interpreterId: crypto.randomUUID() });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual([
      { field: 'personId', code: 'validation.unknown_reference' },
      { field: 'templateId', code: 'interviews.validation.templateNotPublished' },
      { field: 'interpreterId', code: 'validation.unknown_reference' },
    ]);
    expect(res.json<{ errors: Array<{ message: string }> }>().errors[1]!.message).toBe('Elija un cuestionario publicado de la institución.');
  });

  it('is a step of the procedure: refused from a status that does not allow it', async () => {
    const admitted = await buildClaim(t.db, { status: 'admitted' });
    const body = expectProblem(await start(registro, admitted.id, { personId: principalOf(admitted), templateId: eligibilityTemplate }), 409, 'INVALID_STATE');
    expect(body).toMatchObject({ action: 'start_interview', currentStatus: 'admitted' });
  });

  it('is refused once, naming every unmet safeguard, and opens no record', async () => {
    const family = await buildClaim(t.db, {
      status: 'interview_scheduled',
      members: [
        { relation: 'principal', unaccompanied: false, existingPersonId: null, person: buildPerson({ needsInterpreter: true, languages: ['ht'] }) },
        { relation: 'child', unaccompanied: false, existingPersonId: null, person: buildPerson({ givenNames: 'Mackenson', sex: 'male', birthDate: `${year - 11}-03-04`, needsInterpreter: true, languages: ['ht'] }) },
      ],
    });
    const child = family.members.find((m) => m.relation === 'child')!.person.id;
    const res = await start(registro, family.id, { personId: child, templateId: eligibilityTemplate });
    const body = expectProblem(res, 409, 'SAFEGUARD_UNMET');
    expect((body.unmet as Array<{ code: string }>).map((u) => u.code).toSorted()).toEqual(['child_adapted_questionnaire', 'interpreter_for_interview']);
    expect(body.detail).toContain('La persona necesita intérprete y no se eligió uno.');
    expect(body.detail).toContain('La persona es menor de edad y el cuestionario elegido no está adaptado.');
    expect(fieldErrors(res).map((e) => e.field).toSorted()).toEqual(['interpreterId', 'templateId']);
    expect((await t.db.query('SELECT 1 FROM interviews WHERE claim_id = $1', [family.id])).rowCount).toBe(0);

    const ok = await start(registro, family.id, { personId: child, templateId: childTemplate, interpreterName: 'Wilner Pierre (contratado)', language: 'ht' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<TInterview>().participants.map((p) => [p.role, p.fullName, p.fromRoster])).toContainEqual(['interpreter', 'Wilner Pierre (contratado)', false]);
  });

  it('opens the record on the chosen version through the start_interview step, once per retry', async () => {
    const key = 'start-interview-key-1';
    const body = { personId: principalOf(claim), templateId: eligibilityTemplate, interpreterId: rosterInterpreter, language: 'hat' };
    const res = await start(elegibilidad, claim.id, body, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(201);
    const interview = res.json<TInterview>();
    expect(interview).toMatchObject({
      claimId: claim.id, status: 'in_progress', language: 'hat', templateVersion: 1, interpreterName: 'Nadia Intérprete Joseph',
      requiredSignatures: ['applicant', 'interpreter', 'officer'], canWrite: true,
    });
    expect(interview.participants.map((p) => p.role)).toEqual(['applicant', 'officer', 'interpreter']);
    expect(interview.template.content.stages.map((s) => s.stage)).toEqual(['preparation', 'opening', 'conducting', 'substance', 'closing', 'after']);

    const replay = await start(elegibilidad, claim.id, body, { 'idempotency-key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<TInterview>().id).toBe(interview.id);
    expect(expectProblem(await start(elegibilidad, claim.id, body), 409, 'INVALID_STATE')).toMatchObject({ reason: 'interview_open', interviewId: interview.id });
    expect((await t.db.query('SELECT 1 FROM interviews WHERE claim_id = $1', [claim.id])).rowCount).toBe(1);

    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: elegibilidad })).json<Array<{ kind: string; details: Record<string, unknown> }>>();
    expect(timeline.find((e) => e.kind === 'interview_started')?.details).toMatchObject({ interviewId: interview.id, language: 'hat' });
    expect((await auditEvents(t.db, 'claim.interview_started')).at(-1)).toMatchObject({ entity_id: claim.id, details: { interviewId: interview.id } });
    const listed = (await call(t.app, 'GET', `/api/claims/${claim.id}/interviews`, { session: elegibilidad })).json<Array<{ id: string }>>();
    expect(listed.map((i) => i.id)).toEqual([interview.id]);
  });
});

describe('the working record', () => {
  let claim: TClaim;
  let interview: TInterview;
  beforeAll(async () => {
    claim = await buildClaim(t.db, { status: 'interview_scheduled', assignTo: 'elegibilidad' });
    interview = (await start(elegibilidad, claim.id, { personId: principalOf(claim), templateId: eligibilityTemplate, interpreterId: rosterInterpreter })).json<TInterview>();
  });

  it('autosaves an answer over the version last seen; a stale save gets 409 with the answer that won and overwrites nothing', async () => {
    let res = await saveAnswer(elegibilidad, interview.id, 'temor_que_teme', { text: 'Que la pandilla me mate' }, 0);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TSavedPiece>()).toMatchObject({ key: 'temor_que_teme', version: 1 });
    // A second tab that loaded the page before the first save still believes it is unanswered.
    res = await saveAnswer(registro, interview.id, 'temor_que_teme', { text: 'Otra cosa' }, 0);
    const body = expectProblem(res, 409, 'VERSION_CONFLICT');
    expect(body.current).toMatchObject({ key: 'temor_que_teme', version: 1, value: { text: 'Que la pandilla me mate' } });
    res = await saveAnswer(elegibilidad, interview.id, 'temor_que_teme', { text: 'Que la pandilla me mate, como a mi hermano' }, 1);
    expect(res.json<TSavedPiece>().version).toBe(2);
    expectProblem(await saveAnswer(registro, interview.id, 'temor_que_teme', { text: 'Otra cosa' }, 1), 409, 'VERSION_CONFLICT');
    const record = await getRecord(elegibilidad, interview.id);
    expect(record.answers.find((a) => a.questionId === 'temor_que_teme')).toMatchObject({ value: { text: 'Que la pandilla me mate, como a mi hermano' }, version: 2 });
    expect((await auditEvents(t.db, 'interview.answer_saved')).filter((e) => e.entity_id === interview.id).map((e) => e.details))
      .toEqual([{ questionId: 'temor_que_teme', version: 1 }, { questionId: 'temor_que_teme', version: 2 }]);
  });

  it('checks each answer against its question, naming the field', async () => {
    let res = await saveAnswer(elegibilidad, interview.id, 'ruta_fecha_salida', { date: '2024-02-30' }, 0);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual([{ field: 'value.date', code: 'validation.invalid_date' }]);
    res = await saveAnswer(elegibilidad, interview.id, 'id_estado_civil', { option: 'poligamo' }, 0);
    expect(fieldErrors(res)).toEqual([{ field: 'value.option', code: 'validation.invalid_option' }]);
    res = await saveAnswer(elegibilidad, interview.id, 'proteccion_estado', { text: 'no', answer: 'no' }, 0);
    expect(fieldErrors(res)).toEqual([{ field: 'value.text', code: 'validation.not_applicable' }]);
    res = await saveAnswer(elegibilidad, interview.id, 'id_nacionalidad', { country: 'hn' }, 0);
    expect(fieldErrors(res)).toEqual([{ field: 'value.country', code: 'validation.country_code' }]);
    expectProblem(await saveAnswer(elegibilidad, interview.id, 'no_such_question', { text: 'x' }, 0), 404, 'NOT_FOUND');
    res = await saveAnswer(elegibilidad, interview.id, 'proteccion_estado', { answer: 'no', explanation: 'La policía trabaja con la pandilla' }, 0);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('autosaves the narrative and the checklist with their own versions', async () => {
    let res = await call(t.app, 'PUT', `/api/interviews/${interview.id}/narrative`, { session: elegibilidad, body: { text: 'Salí de San Pedro Sula en enero.', version: 0 } });
    expect(res.json<TSavedPiece>()).toMatchObject({ key: 'narrative', version: 1 });
    res = await call(t.app, 'PUT', `/api/interviews/${interview.id}/narrative`, { session: registro, body: { text: 'Texto viejo', version: 0 } });
    expect(expectProblem(res, 409, 'VERSION_CONFLICT').current).toMatchObject({ key: 'narrative', text: 'Salí de San Pedro Sula en enero.', version: 1 });
    res = await call(t.app, 'PUT', `/api/interviews/${interview.id}/checklist/open_comprension_interprete`, { session: elegibilidad, body: { done: true, note: 'Se entienden en criollo', version: 0 } });
    expect(res.json<TSavedPiece>()).toMatchObject({ version: 1, done: true });
    expectProblem(await call(t.app, 'PUT', `/api/interviews/${interview.id}/checklist/no_such_item`, { session: elegibilidad, body: { done: true, version: 0 } }), 404, 'NOT_FOUND');
    const record = await getRecord(elegibilidad, interview.id);
    expect(record.narrative).toEqual({ text: 'Salí de San Pedro Sula en enero.', version: 1 });
    expect(record.checklist).toEqual([expect.objectContaining({ itemId: 'open_comprension_interprete', done: true, note: 'Se entienden en criollo', version: 1 })]);
  });

  it('tells a second tab that another has the interview open', async () => {
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    let res = await call(t.app, 'POST', `/api/interviews/${interview.id}/presence`, { session: elegibilidad, body: { editorId: first } });
    expect(res.json()).toEqual({ others: [] });
    res = await call(t.app, 'POST', `/api/interviews/${interview.id}/presence`, { session: elegibilidad, body: { editorId: second } });
    expect(res.json<{ others: Array<{ editorId: string; sameUser: boolean; userName: string }> }>().others)
      .toEqual([expect.objectContaining({ editorId: first, sameUser: true, userName: 'Ana Elegibilidad Torres' })]);
  });

  it('records who is present and the breaks with their times', async () => {
    const res = await call(t.app, 'POST', `/api/interviews/${interview.id}/participants`, { session: elegibilidad, body: { role: 'lawyer', fullName: 'Lic. Teresa Ávila', organisation: 'Red de Acompañamiento Legal' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(fieldErrors(await call(t.app, 'POST', `/api/interviews/${interview.id}/participants`, { session: elegibilidad, body: { role: 'applicant', fullName: 'X' } })))
      .toEqual([{ field: 'role', code: 'validation.invalid_option' }]);
    const applicant = (await getRecord(elegibilidad, interview.id)).participants.find((p) => p.role === 'applicant')!;
    const removal = await call(t.app, 'DELETE', `/api/interviews/${interview.id}/participants/${applicant.id}?version=${applicant.version}`, { session: elegibilidad });
    expect(expectProblem(removal, 409, 'INVALID_STATE')).toMatchObject({ reason: 'participant_required' });

    const pause = await call(t.app, 'POST', `/api/interviews/${interview.id}/breaks`, { session: elegibilidad, body: { reason: 'La persona pidió agua' } });
    expect(pause.statusCode, pause.body).toBe(201);
    expect(expectProblem(await call(t.app, 'POST', `/api/interviews/${interview.id}/breaks`, { session: elegibilidad, body: {} }), 409, 'INVALID_STATE')).toMatchObject({ reason: 'break_open' });
    const started = pause.json<{ id: string; version: number }>();
    expect(expectProblem(await call(t.app, 'POST', `/api/interviews/${interview.id}/read-back`, { session: elegibilidad, body: { version: interview.version } }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'break_open' });
    const ended = await call(t.app, 'POST', `/api/interviews/${interview.id}/breaks/${started.id}/end`, { session: elegibilidad, body: { version: started.version } });
    expect(ended.json<{ endedAt: string | null }>().endedAt).not.toBeNull();
  });
});

describe('scope and field policy', () => {
  let claim: TClaim;
  let interview: TInterview;
  let other: TestSession;
  beforeAll(async () => {
    claim = await buildClaim(t.db, { status: 'interview_scheduled', assignTo: 'elegibilidad' });
    interview = (await start(elegibilidad, claim.id, { personId: principalOf(claim), templateId: eligibilityTemplate, interpreterId: rosterInterpreter })).json<TInterview>();
    await saveAnswer(elegibilidad, interview.id, 'salud_condicion', { answer: 'yes', explanation: 'Tratamiento para el VIH' }, 0);
    await saveAnswer(elegibilidad, interview.id, 'temor_que_teme', { text: 'Amenazas de muerte' }, 0);
    // A supervisor of another COMAR office.
    const comar = (await t.db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'")).rows[0]!.id;
    const { user } = await createUser(t.db, await demoContext(t.db, 'admin'), ZUserInput.parse({
      username: 'supervisora.palenque', fullName: 'Supervisora Palenque', institutionId: comar, officeIds: [await officeIdOf(t.db, 'COMAR-PAL')],
      roleCodes: ['supervisor'], password: TEST_PASSWORD,
    }));
    await t.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.id]);
    other = await loginAs(t.app, 'supervisora.palenque');
  });

  it('hides another office\'s interviews (404), reads and writes in the claim\'s office', async () => {
    expectProblem(await call(t.app, 'GET', `/api/interviews/${interview.id}`, { session: other }), 404, 'NOT_FOUND');
    expectProblem(await saveAnswer(other, interview.id, 'temor_quien', { text: 'x' }, 0), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', `/api/interviews/${interview.id}/pdf`, { session: other }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/interviews`, { session: other }), 404, 'NOT_FOUND');
    expect((await saveAnswer(supervisor, interview.id, 'temor_quien', { text: 'La pandilla del barrio' }, 0)).statusCode).toBe(200);
  });

  it('keeps a sensitive answer\'s presence but not its content for readers outside the field policy', async () => {
    const officer = await getRecord(elegibilidad, interview.id);
    expect(officer.answers.find((a) => a.questionId === 'salud_condicion')).toMatchObject({ redacted: false, value: { answer: 'yes' } });
    const clerk = await getRecord(registro, interview.id);
    expect(clerk.canReadSensitive).toBe(false);
    expect(clerk.answers.find((a) => a.questionId === 'salud_condicion')).toMatchObject({ redacted: true, value: null });
    expect(clerk.answers.find((a) => a.questionId === 'temor_que_teme')).toMatchObject({ redacted: false, value: { text: 'Amenazas de muerte' } });
    const conflict = expectProblem(await saveAnswer(registro, interview.id, 'salud_condicion', { answer: 'no' }, 0), 409, 'VERSION_CONFLICT');
    expect(conflict.current).toMatchObject({ value: null, version: 1 });
  });

  it('audits every read of the record', async () => {
    const before = (await auditEvents(t.db, 'interview.viewed')).length;
    await getRecord(registro, interview.id);
    const events = await auditEvents(t.db, 'interview.viewed');
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ actor_username: 'registro', entity_id: interview.id, details: { claimId: claim.id, status: 'in_progress' } });
  });

  it('shows an interpreter their participation only', async () => {
    const mine = await call(t.app, 'GET', '/api/me/interviews', { session: interprete });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<TMyInterview[]>().map((i) => i.id)).toContain(interview.id);
    const detail = await call(t.app, 'GET', `/api/me/interviews/${interview.id}`, { session: interprete });
    const participation = detail.json<TMyInterview & Record<string, unknown>>();
    expect(participation).toMatchObject({ claimNumber: claim.claimNumber, officerName: 'Ana Elegibilidad Torres', status: 'in_progress', mySignature: null });
    expect(participation.answers).toBeUndefined();
    expect(participation.narrative).toBeUndefined();
    expect((await auditEvents(t.db, 'interview.participation_viewed')).at(-1)).toMatchObject({ actor_username: 'interprete', entity_id: interview.id });
    // Not the record, not the claim.
    expectProblem(await call(t.app, 'GET', `/api/interviews/${interview.id}`, { session: interprete }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: interprete }), 403, 'FORBIDDEN');
    // An interview they did not interpret does not exist for them.
    const another = await buildClaim(t.db, { status: 'interview_scheduled' });
    const theirs = (await start(registro, another.id, { personId: principalOf(another), templateId: eligibilityTemplate })).json<TInterview>();
    expectProblem(await call(t.app, 'GET', `/api/me/interviews/${theirs.id}`, { session: interprete }), 404, 'NOT_FOUND');
  });
});

describe('read back, corrections, signatures and the locked record', () => {
  let claim: TClaim;
  let interview: TInterview;
  beforeAll(async () => {
    claim = await buildClaim(t.db, { status: 'interview_scheduled', assignTo: 'elegibilidad' });
    interview = (await start(elegibilidad, claim.id, { personId: principalOf(claim), templateId: eligibilityTemplate, interpreterId: rosterInterpreter })).json<TInterview>();
    await saveAnswer(elegibilidad, interview.id, 'ruta_paises', { text: 'Guatemala, tres días' }, 0);
  });

  it('keeps the bare lifecycle route from recording the claim as interviewed without a signed record', async () => {
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/record-interview`, { session: elegibilidad, body: { version: claim.version } });
    const body = expectProblem(res, 409, 'SAFEGUARD_UNMET');
    expect(body.unmet).toEqual([expect.objectContaining({ code: 'signed_interview_record', message: 'No hay un acta de entrevista firmada para esta solicitud.',
      source: expect.objectContaining({ kind: 'law', citation: expect.stringContaining('art. 24') }) })]);
  });

  it('takes signatures only after the read-back, and then only corrections change the record', async () => {
    expect(expectProblem(await sign(elegibilidad, interview.id, { role: 'applicant', method: 'drawn', signerName: 'Rosa', image: SIGNATURE_PNG }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'interview_not_read_back' });
    expectProblem(await call(t.app, 'POST', `/api/interviews/${interview.id}/read-back`, { session: elegibilidad, body: { version: interview.version + 5 } }), 409, 'VERSION_CONFLICT');
    const res = await call(t.app, 'POST', `/api/interviews/${interview.id}/read-back`, { session: elegibilidad, body: { version: interview.version } });
    expect(res.statusCode, res.body).toBe(200);
    interview = res.json<TInterview>();
    expect(interview).toMatchObject({ status: 'read_back', version: 2 });
    expect(interview.readBackAt).not.toBeNull();
    expect(expectProblem(await saveAnswer(elegibilidad, interview.id, 'ruta_paises', { text: 'otra' }, 1), 409, 'INVALID_STATE')).toMatchObject({ reason: 'interview_read_back' });
  });

  it('tracks a correction with what it said, what it says and who asked', async () => {
    const correct = (body: Record<string, unknown>) => call(t.app, 'POST', `/api/interviews/${interview.id}/corrections`, { session: elegibilidad, body });
    expectProblem(await correct({ target: 'ruta_paises', value: { text: 'Guatemala, cinco días' }, requestedBy: 'applicant', version: 0 }), 409, 'VERSION_CONFLICT');
    expect(fieldErrors(await correct({ target: 'ruta_paises', text: 'Guatemala', requestedBy: 'applicant', version: 1 })))
      .toEqual([{ field: 'value', code: 'validation.required' }, { field: 'text', code: 'validation.not_applicable' }]);
    const res = await correct({ target: 'ruta_paises', value: { text: 'Guatemala, cinco días' }, requestedBy: 'applicant', note: 'Recordó mejor las fechas', version: 1 });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<TInterview>();
    expect(record.corrections).toEqual([expect.objectContaining({
      target: 'ruta_paises', before: { text: 'Guatemala, tres días' }, after: { text: 'Guatemala, cinco días' }, requestedBy: 'applicant',
      note: 'Recordó mejor las fechas', recordedBy: 'Ana Elegibilidad Torres', redacted: false,
    })]);
    expect(record.answers.find((a) => a.questionId === 'ruta_paises')).toMatchObject({ value: { text: 'Guatemala, cinco días' }, version: 2 });
    expect((await auditEvents(t.db, 'interview.corrected')).at(-1)?.details).toMatchObject({ target: 'ruta_paises', requestedBy: 'applicant' });
  });

  it('takes each signature once, as each role may give it, and the last locks the record and records the claim as interviewed', async () => {
    expect(fieldErrors(await sign(elegibilidad, interview.id, { role: 'applicant', method: 'drawn', signerName: 'Rosa' })))
      .toEqual([{ field: 'image', code: 'validation.required' }]);
    expect(fieldErrors(await sign(elegibilidad, interview.id, { role: 'applicant', method: 'drawn', signerName: 'Rosa', image: 'data:image/png;base64,AAAA' })))
      .toEqual([{ field: 'image', code: 'interviews.validation.signatureImage' }]);
    expect(fieldErrors(await sign(elegibilidad, interview.id, { role: 'interpreter', method: 'declined', signerName: 'Nadia', declinedReason: 'x' })))
      .toEqual([{ field: 'method', code: 'validation.invalid_option' }]);
    expectProblem(await sign(registro, interview.id, { role: 'officer', method: 'attested', signerName: 'Jorge' }), 403, 'FORBIDDEN');

    expect((await sign(elegibilidad, interview.id, { role: 'applicant', method: 'declined', signerName: 'Rosa Elvira Maldonado', declinedReason: 'No firma documentos sin su abogada' })).statusCode).toBe(201);
    expect(expectProblem(await sign(elegibilidad, interview.id, { role: 'applicant', method: 'drawn', signerName: 'Rosa', image: SIGNATURE_PNG }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'already_signed', role: 'applicant' });
    expect((await sign(elegibilidad, interview.id, { role: 'interpreter', method: 'drawn', signerName: 'Nadia Intérprete Joseph', image: SIGNATURE_PNG })).statusCode).toBe(201);
    expect(expectProblem(await call(t.app, 'POST', `/api/interviews/${interview.id}/participants`, { session: elegibilidad, body: { role: 'lawyer', fullName: 'Tarde' } }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'signing_started' });
    const last = await sign(elegibilidad, interview.id, { role: 'officer', method: 'attested', signerName: 'Ana Elegibilidad Torres' });
    expect(last.statusCode, last.body).toBe(201);
    interview = last.json<TInterview>();
    expect(interview).toMatchObject({ status: 'signed', claimStatus: 'interviewed' });
    expect(interview.recordSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(interview.signatures.map((s) => [s.role, s.method])).toEqual([['applicant', 'declined'], ['interpreter', 'drawn'], ['officer', 'attested']]);

    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: elegibilidad })).json<TClaim>();
    expect(after.status).toBe('interviewed');
    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: elegibilidad })).json<Array<{ kind: string; toStatus: string | null }>>();
    expect(timeline.map((e) => e.kind).slice(-3)).toEqual(['interview_read_back', 'interview_signed', 'status_changed']);
    expect(timeline.at(-1)?.toStatus).toBe('interviewed');
    expect((await auditEvents(t.db, 'interview.locked')).at(-1)).toMatchObject({ entity_id: interview.id, details: { recordSha256: interview.recordSha256 } });
  });

  it('refuses any change to the locked record; later additions are annexes', async () => {
    expect(expectProblem(await call(t.app, 'PUT', `/api/interviews/${interview.id}/checklist/after_completar`, { session: elegibilidad, body: { done: true, version: 0 } }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'interview_locked' });
    expectProblem(await sign(elegibilidad, interview.id, { role: 'officer', method: 'attested', signerName: 'Ana' }), 409, 'INVALID_STATE');
    const annex = await call(t.app, 'POST', `/api/interviews/${interview.id}/annexes`, { session: elegibilidad, body: { text: 'La persona entregó después una constancia médica.' } });
    expect(annex.statusCode, annex.body).toBe(201);
    const record = await getRecord(elegibilidad, interview.id);
    expect(record.annexes.map((a) => a.text)).toEqual(['La persona entregó después una constancia médica.']);
    expect(record.recordSha256).toBe(interview.recordSha256);
  });

  it('downloads the acta as PDF in Spanish, audited', async () => {
    const res = await call(t.app, 'GET', `/api/interviews/${interview.id}/pdf`, { session: registro });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(res.rawPayload);
    expect(pdf.getTitle()).toBe(`Acta de entrevista personal ${claim.claimNumber}`);
    expect((await auditEvents(t.db, 'interview.record_exported')).at(-1)).toMatchObject({ actor_username: 'registro', entity_id: interview.id });
  });

  it('keeps an audio recording with its SHA-256, once', async () => {
    const audio = Buffer.from('OggS-fake-opus-frames-for-the-test');
    const upload = () => t.app.inject({ method: 'POST', url: `/api/interviews/${interview.id}/audio`, payload: audio,
      headers: { 'content-type': 'audio/ogg', cookie: `${SESSION_COOKIE}=${elegibilidad.token}`, 'x-csrf-token': elegibilidad.csrfToken } });
    const first = await upload();
    expect(first.statusCode, first.body).toBe(201);
    const stored = first.json<{ id: string; sha256: string; byteSize: number }>();
    expect(stored.sha256).toBe(createHash('sha256').update(audio).digest('hex'));
    expect((await upload()).json<{ id: string }>().id).toBe(stored.id);
    const download = await call(t.app, 'GET', `/api/interviews/${interview.id}/audio/${stored.id}`, { session: elegibilidad });
    expect(download.rawPayload.equals(audio)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(stored.sha256);
    expect((await auditEvents(t.db, 'interview.audio_downloaded')).at(-1)).toMatchObject({ entity_id: interview.id, details: { audioId: stored.id } });
  });
});

describe('a claim page\'s checklist', () => {
  it('lists the interview\'s safeguards on their steps', async () => {
    const claim = await buildClaim(t.db, { status: 'interview_scheduled', by: 'supervisor' });
    const res = await call(t.app, 'GET', `/api/claims/${claim.id}/next-steps`, { session: supervisor });
    const steps = res.json<{ steps: Array<{ step: string; safeguards: Array<{ code: string; state: string }> }> }>().steps;
    expect(steps.find((s) => s.step === 'start_interview')?.safeguards.map((s) => [s.code, s.state]))
      .toEqual([['guarantees_before_interview', 'met'], ['interpreter_for_interview', 'on_input'], ['child_adapted_questionnaire', 'on_input']]);
    expect(steps.find((s) => s.step === 'record_interview')?.safeguards.map((s) => [s.code, s.state])).toEqual([['signed_interview_record', 'unmet']]);
  });
});
