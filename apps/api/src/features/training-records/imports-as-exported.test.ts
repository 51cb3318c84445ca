/**
 * Files exactly as Zoom, Teams and Moodle export them (ADR 023), from the samples kept with the
 * parsers: rows that match nobody enrolled hold the file for review; the coordinator matches or
 * ignores each, then the file is applied; real errors still reject it line by line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImportFile, type TImportResult, type TSessionRecords } from '@refugio/domain';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';
import { createRecordsFixture, type RecordsFixture } from './fixtures.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../../packages/domain/src/training/records/samples');
const sample = (name: string) => decodeImportFile(new Uint8Array(readFileSync(path.join(SAMPLES, name))));

let t: TestApp;
let coordinator: TestSession;
let trainer: TestSession;
let f: RecordsFixture;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  trainer = await loginAs(t.app, 'formador');
  f = await createRecordsFixture(t.db, {
    code: 'NNA-2026-03', participants: ['elegibilidad', 'supervisor', 'interprete', 'registro'], days: ['2026-03-10', '2026-03-11'],
  });
});
afterAll(async () => {
  await t?.close();
});

const base = () => `/api/training/sessions/${f.sessionId}`;
const upload = (kind: string, fileName: string, session = coordinator) =>
  call(t.app, 'POST', `${base()}/imports`, { session, body: { kind, fileName, content: sample(fileName) } });
const resolve = (importId: string, resolutions: Array<{ key: string; enrolmentId: string | null }>, session = coordinator) =>
  call(t.app, 'POST', `${base()}/imports/${importId}/resolution`, { session, body: { resolutions } });
const minutes = async (day: number) => {
  const res = await call(t.app, 'GET', `${base()}/records`, { session: coordinator });
  return Object.fromEntries(res.json<TSessionRecords>().participants.map((p) => [p.username, p.attendance.find((a) => a.sessionDayId === f.dayIds[day])?.minutes ?? null]));
};

describe('a Zoom report with its meeting block', () => {
  let held: TImportResult;

  it('is held for review, naming each person who matched nobody, and applies nothing yet', async () => {
    const res = await upload('videoconference_attendance', 'zoom-participants-with-meeting.csv', trainer);
    expect(res.statusCode, res.body).toBe(201);
    held = res.json<TImportResult>();
    expect(held).toMatchObject({ accepted: false, status: 'needs_review', errors: [], recordsWritten: 0 });
    expect(held.unmatched).toEqual([
      { key: 'name:nadia (iphone)', name: 'Nadia (iPhone)', email: null, lines: [9], reason: 'unknown', suggestion: f.enrolments.interprete, minutes: 189, completedOn: null },
      { key: 'name:invitada acnur', name: 'Invitada ACNUR', email: null, lines: [11], reason: 'unknown', suggestion: null, minutes: 90, completedOn: null },
    ]);
    expect(await minutes(0)).toEqual({ elegibilidad: null, supervisor: null, interprete: null, registro: null });
    expect((await auditEvents(t.db, 'training.import_held')).at(-1)).toMatchObject({ entity_id: f.sessionId, details: { unmatched: 2 } });
    // The records page lists it as waiting, with its rows.
    const page = (await call(t.app, 'GET', `${base()}/records`, { session: coordinator })).json<TSessionRecords>();
    expect(page.imports[0]).toMatchObject({ id: held.id, status: 'needs_review', unmatched: held.unmatched });
  });

  it('refuses a decision that leaves a row open, names an unknown row, or names someone not enrolled', async () => {
    const open = await resolve(held.id, [{ key: 'name:nadia (iphone)', enrolmentId: f.enrolments.interprete! }], trainer);
    expectProblem(open, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(open)).toEqual([{ field: 'resolutions', code: 'validation.import_unresolved' }]);
    expect(open.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toBe('Falta decidir 1 filas sin coincidencia: elija a quién corresponde cada una o ignórela.');
    const bad = await resolve(held.id, [
      { key: 'name:nadia (iphone)', enrolmentId: '5e551017-0000-4000-8000-000000000000' }, { key: 'name:nobody', enrolmentId: null },
      { key: 'name:invitada acnur', enrolmentId: null },
    ], trainer);
    expect(fieldErrors(bad)).toEqual([
      { field: 'resolutions.0.enrolmentId', code: 'validation.unknown_reference' }, { field: 'resolutions.1.key', code: 'validation.invalid_option' },
    ]);
    expect(await minutes(0)).toEqual({ elegibilidad: null, supervisor: null, interprete: null, registro: null });
  });

  it('applies the file once every row is settled: Nadia counted under her phone\'s name, the guest ignored', async () => {
    const res = await resolve(held.id, [
      { key: 'name:nadia (iphone)', enrolmentId: f.enrolments.interprete! }, { key: 'name:invitada acnur', enrolmentId: null },
    ], trainer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TImportResult>()).toMatchObject({ id: held.id, accepted: true, status: 'accepted', recordsWritten: 4, unmatched: [] });
    expect(await minutes(0)).toEqual({ elegibilidad: 237, supervisor: 233, interprete: 189, registro: 227 });
    expect((await auditEvents(t.db, 'training.import_accepted')).at(-1)).toMatchObject({ details: { records: 4, matched: 1, ignored: 1 } });
    const stored = await t.db.query<{ resolutions: unknown }>('SELECT resolutions FROM training_imports WHERE id = $1', [held.id]);
    expect(stored.rows[0]!.resolutions).toEqual([
      { key: 'name:nadia (iphone)', enrolmentId: f.enrolments.interprete }, { key: 'name:invitada acnur', enrolmentId: null },
    ]);
    // Settled once: a second decision is refused.
    expectProblem(await resolve(held.id, [], trainer), 409, 'INVALID_STATE');
    // The same report without the meeting block is another file, held again for the same two people.
    const plain = (await upload('videoconference_attendance', 'zoom-participants.csv', trainer)).json<TImportResult>();
    expect(plain.unmatched.map((u) => u.key)).toEqual(['name:nadia (iphone)', 'name:invitada acnur']);
  });
});

describe('a Teams attendance report as downloaded (UTF-16, sections)', () => {
  it('reads the connections of day 2 and, once reviewed, marks the absent at 0', async () => {
    const held = (await upload('videoconference_attendance', 'teams-attendance-report.csv')).json<TImportResult>();
    expect(held.status).toBe('needs_review');
    expect(held.unmatched.map((u) => [u.name, u.email, u.suggestion])).toEqual([
      ['Joseph, Nadia', 'nadia.joseph@example.com', f.enrolments.interprete], ['Luis Herrera (Externo)', 'luis.herrera@example.org', null],
    ]);
    const res = await resolve(held.id, held.unmatched.map((u) => ({ key: u.key, enrolmentId: u.suggestion })));
    expect(res.json<TImportResult>()).toMatchObject({ status: 'accepted', recordsWritten: 4 });
    expect(await minutes(1)).toEqual({ elegibilidad: 231, supervisor: 238, interprete: 234, registro: 0 });
  });
});

describe('Moodle completion reports', () => {
  it('report/completion: the learner under a personal address matched by the coordinator, another cohort ignored', async () => {
    const held = (await upload('lms_completion', 'moodle-report-completion.csv')).json<TImportResult>();
    expect(held.unmatched.map((u) => [u.name, u.completedOn, u.suggestion])).toEqual([
      ['Nadia Intérprete Joseph', '2026-03-06', f.enrolments.interprete], ['Rosa Martínez Cano', '2026-03-01', null],
    ]);
    const res = await resolve(held.id, held.unmatched.map((u) => ({ key: u.key, enrolmentId: u.suggestion })));
    expect(res.json<TImportResult>()).toMatchObject({ status: 'accepted', recordsWritten: 3 });
    const page = (await call(t.app, 'GET', `${base()}/records`, { session: coordinator })).json<TSessionRecords>();
    expect(Object.fromEntries(page.participants.map((p) => [p.username, p.online?.completedOn ?? null]))).toEqual({
      elegibilidad: '2026-03-02', supervisor: '2026-03-05', interprete: '2026-03-06', registro: null,
    });
  });

  it('month-name dates in Spanish', async () => {
    const held = (await upload('lms_completion', 'moodle-completion-month-names.csv')).json<TImportResult>();
    expect(held.unmatched.map((u) => u.completedOn)).toEqual(['2026-03-06']);
  });

  it('a trainer may not settle an LMS file: it is the coordinator\'s', async () => {
    const held = (await upload('lms_completion', 'moodle-completion-month-names.csv')).json<TImportResult>();
    expectProblem(await resolve(held.id, [{ key: held.unmatched[0]!.key, enrolmentId: null }], trainer), 403, 'FORBIDDEN');
  });
});
