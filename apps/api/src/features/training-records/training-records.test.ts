import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TImportResult, TIssueCertificatesProgress, TParticipantRecords, TSessionRecords } from '@refugio/domain';
import { auditEvents, call, createTestApp, expectProblem, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';
import { createRecordsFixture, type RecordsFixture } from './fixtures.ts';

let t: TestApp;
let coordinator: TestSession;
let trainer: TestSession;
let officer: TestSession;
let supervisor: TestSession;
let f: RecordsFixture;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  trainer = await loginAs(t.app, 'formador');
  officer = await loginAs(t.app, 'elegibilidad');
  supervisor = await loginAs(t.app, 'supervisor');
  f = await createRecordsFixture(t.db, { code: 'NNA-2025-01', participants: ['elegibilidad', 'interprete', 'supervisor'] });
});
afterAll(async () => {
  await t?.close();
});

const base = () => `/api/training/sessions/${f.sessionId}`;
const importCsv = (kind: string, content: string, session = coordinator, fileName = 'report.csv', headers: Record<string, string> = {}) =>
  call(t.app, 'POST', `${base()}/imports`, { session, body: { kind, fileName, content }, headers });
const records = async (session = coordinator) => {
  const res = await call(t.app, 'GET', `${base()}/records`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TSessionRecords>();
};
const participant = async (username: string) => (await records()).participants.find((p) => p.username === username)!;
const grants = async (username: string) => (await t.db.query<{ competency_code: string; granted_on: string; expires_on: string | null; source: string; module_id: string; enrolment_id: string; revoked: boolean; renews_grant_id: string | null }>(
  `SELECT g.competency_code, g.granted_on::text, g.expires_on::text, g.source, g.module_id, g.enrolment_id, g.revoked_at IS NOT NULL AS revoked, g.renews_grant_id
     FROM competency_grants g JOIN users u ON u.id = g.user_id WHERE u.username = $1 AND g.source = 'training' ORDER BY g.recorded_at`, [username])).rows;

const MOODLE_HEADER = 'ID,Name,Email address,Cuestionario 1,Cuestionario 1 - Completion date,Course complete\n';
const zoomHeader = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n';
const us = (iso: string, time: string) => { const [y, m, d] = iso.split('-'); return `${m}/${d}/${y} ${time}`; };

describe('imports: all or nothing', () => {
  it('rejects a malformed LMS file with each bad line in the caller\'s language, and records nothing', async () => {
    const content = `${MOODLE_HEADER}1,Ana,elegibilidad@demo.refugio.example,Completado,,"01/10/25, 10:00"\n`
      + `2,Nadie,nadie@example.org,,,"01/10/25, 10:00"\n3,Jorge,registro@demo.refugio.example,,,"01/10/25, 10:00"\n`
      + `4,Nadia,interprete@demo.refugio.example,,,31/02/2025\n`;
    const res = await importCsv('lms_completion', content);
    expect(res.statusCode, res.body).toBe(201);
    const verdict = res.json<TImportResult>();
    expect(verdict).toMatchObject({ accepted: false, status: 'rejected', unmatched: [] });
    // Lines 3 and 4 name nobody enrolled: not errors (they would be reviewed); line 5 is one.
    expect(verdict.errors.map((e) => [e.line, e.code])).toEqual([[5, 'bad_date']]);
    expect(verdict.errors[0]!.message).toBe('Línea 5: fecha no válida «31/02/2025».');
    const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_online_completions oc JOIN training_enrolments e ON e.id = oc.enrolment_id WHERE e.session_id = $1', [f.sessionId]);
    expect(count.rows[0]!.n).toBe(0);
    const stored = await t.db.query<{ accepted: boolean; content: string }>('SELECT accepted, content FROM training_imports WHERE id = $1', [verdict.id]);
    expect(stored.rows[0]).toEqual({ accepted: false, content });
    expect((await auditEvents(t.db, 'training.import_rejected')).at(-1)?.details).toMatchObject({ kind: 'lms_completion', errors: 1 });
  });

  it('gives the verdict in English to an English reader', async () => {
    await t.db.query(`UPDATE users SET language = 'en' WHERE username = 'capacitacion'`);
    const english = await loginAs(t.app, 'capacitacion');
    const res = await importCsv('videoconference_attendance', 'Name,Email\nAna,elegibilidad@demo.refugio.example\n', english);
    await t.db.query(`UPDATE users SET language = 'es-MX' WHERE username = 'capacitacion'`);
    expect(res.json<TImportResult>().errors.map((e) => e.message)).toEqual([
      'Line 1: the column “Join time” is missing.', 'Line 1: the column “Leave time” is missing.',
    ]);
  });

  it('accepts a good LMS file, and the same file again applies nothing twice', async () => {
    const content = `${MOODLE_HEADER}1,Ana,elegibilidad@demo.refugio.example,Completado,"01/10/25, 10:00","01/10/25, 10:00"\n`
      + `2,Nadia,interprete@demo.refugio.example,No completado,,\n3,Marta,supervisor,Completado,,2025-09-28\n`;
    const first = await importCsv('lms_completion', content.replace('3,Marta,supervisor', '3,Marta,supervisor@demo.refugio.example'));
    expect(first.json<TImportResult>()).toMatchObject({ accepted: true, recordsWritten: 2, alreadyImported: false, errors: [] });
    const again = await importCsv('lms_completion', content.replace('3,Marta,supervisor', '3,Marta,supervisor@demo.refugio.example'), coordinator, 'copy.csv');
    expect(again.json<TImportResult>()).toMatchObject({ id: first.json<TImportResult>().id, accepted: true, alreadyImported: true, recordsWritten: 0 });
    const imports = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM training_imports WHERE session_id = $1 AND accepted`, [f.sessionId]);
    expect(imports.rows[0]!.n).toBe(1);
    expect((await participant('elegibilidad')).online).toEqual({ completedOn: '2025-10-01', score: null, source: 'lms_import' });
    expect((await participant('interprete')).online).toBeNull();
  });

  it('imports a videoconference report: rejoins merged, clipped to the day, the absent at 0', async () => {
    const [d1] = f.days;
    const content = `${zoomHeader}Ana Elegibilidad,elegibilidad@demo.refugio.example,${us(d1, '08:45:00 AM')},${us(d1, '10:30:00 AM')},105,No\n`
      + `Ana Elegibilidad,elegibilidad@demo.refugio.example,${us(d1, '10:20:00 AM')},${us(d1, '01:40:00 PM')},200,No\n`
      + `Carlos Formador,formador@demo.refugio.example,${us(d1, '08:30:00 AM')},${us(d1, '01:30:00 PM')},300,No\n`
      + `Marta,supervisor@demo.refugio.example,${us(d1, '09:00:00 AM')},${us(d1, '11:00:00 AM')},120,No\n`;
    const res = await importCsv('videoconference_attendance', content, trainer);
    expect(res.json<TImportResult>(), res.body).toMatchObject({ accepted: true, recordsWritten: 3 });
    const byUser = Object.fromEntries((await records()).participants.map((p) => [p.username, p.attendance.map((a) => [a.sessionDayId, a.minutes])]));
    expect(byUser).toEqual({ elegibilidad: [[f.dayIds[0], 240]], interprete: [[f.dayIds[0], 0]], supervisor: [[f.dayIds[0], 120]] });
  });
});

describe('completion rule → competencies', () => {
  it('shows what is missing, then grants the competency with its validity when the last record arrives', async () => {
    expect((await participant('elegibilidad')).status).toEqual({ complete: false, missing: ['attendance', 'assessment'], attendancePct: 50, completedOn: null });
    const day2 = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.elegibilidad}/attendance`, {
      session: trainer, body: { sessionDayId: f.dayIds[1], minutes: 240, expected: null } });
    expect(day2.json<TParticipantRecords>().status.missing).toEqual(['assessment']);
    expect(await grants('elegibilidad')).toEqual([]);
    // A grade outside the 0–100 scale is refused with its message, never stored nor erased.
    const tooHigh = expectProblem(await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.elegibilidad}/assessment`, {
      session: trainer, body: { score: 150, expected: null } }), 400, 'VALIDATION_FAILED');
    expect(tooHigh.errors).toEqual([{ field: 'score', code: 'validation.too_big', params: { maximum: 100 }, message: 'Debe ser como máximo 100.' }]);
    expect((await participant('elegibilidad')).status.missing).toEqual(['assessment']);
    const scored = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.elegibilidad}/assessment`, { session: trainer, body: { score: 85, expected: null } });
    expect(scored.json<TParticipantRecords>()).toMatchObject({
      status: { complete: true, missing: [], attendancePct: 100, completedOn: f.days[1] }, grantedCompetencies: ['interviewing_children'],
    });
    expect(await grants('elegibilidad')).toEqual([{
      competency_code: 'interviewing_children', granted_on: f.days[1], expires_on: '2028-10-07', source: 'training', module_id: f.moduleId,
      enrolment_id: f.enrolments.elegibilidad, revoked: false, renews_grant_id: null,
    }]);
    expect((await auditEvents(t.db, 'training.competencies_granted')).at(-1)).toMatchObject({ actor_username: 'formador', entity_id: f.enrolments.elegibilidad });
  });

  it('renews the holder\'s valid grant, and revokes on a correction that makes the enrolment incomplete', async () => {
    // The supervisor already holds interviewing_children (demo external certificate, valid to 2027).
    await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.supervisor}/attendance`, { session: coordinator, body: { sessionDayId: f.dayIds[1], minutes: 240, expected: null } });
    const done = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.supervisor}/assessment`, { session: coordinator, body: { score: 90, expected: null } });
    // 120 + 240 of 480 minutes = 75 % < 80 %: not yet.
    expect(done.json<TParticipantRecords>().status).toMatchObject({ complete: false, missing: ['attendance'], attendancePct: 75 });
    await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.supervisor}/attendance`, { session: coordinator, body: { sessionDayId: f.dayIds[0], minutes: 200, expected: 120 } });
    const [grant] = await grants('supervisor');
    const external = await t.db.query<{ id: string }>(`SELECT g.id FROM competency_grants g JOIN users u ON u.id = g.user_id
      WHERE u.username = 'supervisor' AND g.competency_code = 'interviewing_children' AND g.source = 'external_certificate'`);
    expect(grant).toMatchObject({ granted_on: f.days[1], revoked: false, renews_grant_id: external.rows[0]!.id });

    const corrected = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.supervisor}/assessment`, { session: coordinator, body: { score: 60, expected: 90 } });
    expect(corrected.json<TParticipantRecords>()).toMatchObject({ status: { complete: false, missing: ['assessment'] }, grantedCompetencies: [] });
    expect((await grants('supervisor')).map((g) => g.revoked)).toEqual([true]);
  });

  it('refuses a change made on a value that changed meanwhile, with the current records, and writes nothing', async () => {
    // The import recorded 0 minutes for the interpreter on day 1; a trainer who still saw an empty cell does not overwrite it.
    const stale = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.interprete}/attendance`, {
      session: trainer, body: { sessionDayId: f.dayIds[0], minutes: 240, expected: null } });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT')).toMatchObject({ current: { attendance: [{ sessionDayId: f.dayIds[0], minutes: 0 }] } });
    expect((await participant('interprete')).attendance).toEqual([{ sessionDayId: f.dayIds[0], minutes: 0, source: 'videoconference_import' }]);
    const fresh = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.interprete}/attendance`, {
      session: trainer, body: { sessionDayId: f.dayIds[0], minutes: 30, expected: 0 } });
    expect(fresh.json<TParticipantRecords>().attendance).toEqual([{ sessionDayId: f.dayIds[0], minutes: 30, source: 'manual' }]);
  });

  it('checks scope: a trainer may not record online completions; another trainer or officer reaches nothing', async () => {
    const online = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.interprete}/online-completion`, { session: trainer, body: { completedOn: '2025-10-01', expected: null } });
    expectProblem(online, 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `${base()}/records`, { session: officer }), 403, 'FORBIDDEN');
    expectProblem(await importCsv('videoconference_attendance', 'x', officer), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `/api/training/sessions/${crypto.randomUUID()}/records`, { session: coordinator }), 404, 'NOT_FOUND');
    const future = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.interprete}/online-completion`, { session: coordinator, body: { completedOn: '2099-01-01', expected: null } });
    expectProblem(future, 400, 'VALIDATION_FAILED');
    const tooLong = await call(t.app, 'PUT', `${base()}/enrolments/${f.enrolments.interprete}/attendance`, { session: coordinator, body: { sessionDayId: f.dayIds[0], minutes: 241, expected: 30 } });
    expectProblem(tooLong, 400, 'VALIDATION_FAILED');
  });
});

describe('certificates', () => {
  let code: string;
  let certificateId: string;

  it('issues in batches with progress, never twice', async () => {
    const issue = (batchSize: number) => call(t.app, 'POST', `${base()}/certificates`, { session: coordinator, body: { batchSize } });
    const first = (await issue(1)).json<TIssueCertificatesProgress>();
    expect(first).toEqual({ issuedNow: 1, issued: 1, total: 1, remaining: 0 });
    expect((await issue(25)).json<TIssueCertificatesProgress>()).toEqual({ issuedNow: 0, issued: 1, total: 1, remaining: 0 });
    const cert = (await participant('elegibilidad')).certificate!;
    expect(cert.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    code = cert.verificationCode;
    certificateId = cert.id;
    expectProblem(await call(t.app, 'POST', `${base()}/certificates`, { session: trainer, body: {} }), 403, 'FORBIDDEN');
  });

  it('verifies publicly with only the allowed fields; a forged code gets 404', async () => {
    const res = await call(t.app, 'GET', `/api/public/certificates/${code.toLowerCase().replaceAll('-', ' ')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      fullName: 'Ana Elegibilidad Torres', moduleTitle: 'Entrevista a niñas, niños y adolescentes', completedOn: f.days[1], validUntil: '2028-10-07', status: 'valid',
    });
    const forged = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expectProblem(await call(t.app, 'GET', `/api/public/certificates/${forged}`), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', '/api/public/certificates/not-a-code'), 404, 'NOT_FOUND');
  });

  it('serves the PDF to its holder and the coordinator, not to others', async () => {
    const pdf = await call(t.app, 'GET', `/api/training/certificates/${certificateId}/pdf`, { session: officer });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Named in the certificate's language, like its pages.
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="constancia-[^"]+\.pdf"$/);
    expect((await call(t.app, 'GET', `/api/training/certificates/${certificateId}/pdf`, { session: coordinator })).statusCode).toBe(200);
    expectProblem(await call(t.app, 'GET', `/api/training/certificates/${certificateId}/pdf`, { session: supervisor }), 404, 'NOT_FOUND');
    const mine = await call(t.app, 'GET', '/api/training/certificates/mine', { session: officer });
    expect(mine.json<Array<{ verificationCode: string; status: string }>>()).toMatchObject([{ verificationCode: code, status: 'valid' }]);
    // "My certificates" names the module in the reader's language (the PDF keeps the certificate's).
    await t.db.query("UPDATE users SET language = 'en' WHERE username = 'elegibilidad'");
    try {
      const inEnglish = await call(t.app, 'GET', '/api/training/certificates/mine', { session: await loginAs(t.app, 'elegibilidad') });
      expect(inEnglish.json<Array<{ moduleTitle: string }>>()).toMatchObject([{ moduleTitle: 'Interviewing children' }]);
    } finally {
      await t.db.query("UPDATE users SET language = 'es-MX' WHERE username = 'elegibilidad'");
    }
  });

  it('revokes with a reason; the public page then says revoked', async () => {
    const res = await call(t.app, 'POST', `/api/training/certificates/${certificateId}/revoke`, { session: coordinator, body: { reason: 'Emitida por error' } });
    expect(res.json<{ status: string }>().status).toBe('revoked');
    expect((await call(t.app, 'GET', `/api/public/certificates/${code}`)).json<{ status: string }>().status).toBe('revoked');
    expectProblem(await call(t.app, 'POST', `/api/training/certificates/${certificateId}/revoke`, { session: coordinator, body: { reason: 'otra vez' } }), 409, 'INVALID_STATE');
  });
});
