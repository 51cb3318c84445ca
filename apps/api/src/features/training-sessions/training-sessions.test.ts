// Training sessions and enrolment (ADR 015): the curriculum as seeded, sessions with their
// days, enrolment up to capacity then the waiting list, prerequisites, cancellation promoting
// the next person, "my training".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEnrolResult, TTrainingModule, TTrainingSession } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestSession;
let elegibilidad: TestSession;
let itc: TTrainingModule;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  const modules = (await call(t.app, 'GET', '/api/training/modules', { session: elegibilidad })).json<TTrainingModule[]>();
  itc = modules.find((m) => m.code === 'ITC')!;
});
afterAll(async () => {
  await t?.close();
});

const blended = (overrides: Record<string, unknown> = {}) => ({
  moduleId: itc.id, format: 'blended', venue: 'COMAR Tapachula, sala 2', onlineStartsOn: '2026-02-02', capacity: 1,
  days: [{ day: '2026-03-02', startsAt: '09:00', endsAt: '17:00' }, { day: '2026-03-03', startsAt: '09:00', endsAt: '13:30' }],
  ...overrides,
});
const create = (body: unknown, session = coordinator) => call(t.app, 'POST', '/api/training/sessions', { session, body });
const enrol = (id: string, body: unknown) => call(t.app, 'POST', `/api/training/sessions/${id}/enrolments`, { session: coordinator, body });

describe('the curriculum', () => {
  it('lists the EUAA modules with what they confer and require, in the reader\'s language', async () => {
    const modules = (await call(t.app, 'GET', '/api/training/modules', { session: elegibilidad })).json<TTrainingModule[]>();
    expect(modules.map((m) => m.code)).toEqual(expect.arrayContaining(['ACC', 'IT', 'EA', 'INC', 'ITC', 'IVP', 'EXC', 'GEN', 'TTT']));
    expect(modules[0]).toMatchObject({ code: 'ACC', level: 'first_line', title: 'Acceso al procedimiento de asilo' });
    expect(itc).toMatchObject({
      level: 'advanced', formats: ['blended'], onlineHours: 20, faceToFaceDays: 2, validityMonths: 36,
      competencies: [{ code: 'interviewing_children', title: 'Entrevista a niñas, niños y adolescentes' }],
      prerequisites: [{ code: 'interview_techniques', title: 'Técnicas de entrevista' }],
      experienceRoute: { roles: ['eligibility_officer'], months: 6 },
      completionRule: { online: true, attendance: true, attendancePct: 80, passMark: 70 },
    });
  });
});

describe('a retired module', () => {
  it('leaves the catalogue, and comes back only when asked for', async () => {
    await t.db.query("UPDATE training_modules SET active = false WHERE code = 'MGT'");
    const listed = (await call(t.app, 'GET', '/api/training/modules', { session: coordinator })).json<TTrainingModule[]>();
    expect(listed.map((m) => m.code)).not.toContain('MGT');
    const all = (await call(t.app, 'GET', '/api/training/modules?includeInactive=true', { session: coordinator })).json<TTrainingModule[]>();
    expect(all.at(-1)).toMatchObject({ code: 'MGT', active: false });
    expect(all.filter((m) => m.active)).toHaveLength(listed.length);
    expect(fieldErrors(await call(t.app, 'GET', '/api/training/modules?includeInactive=maybe', { session: coordinator })).map((e) => e.field))
      .toEqual(['querystring:includeInactive']);
    await t.db.query("UPDATE training_modules SET active = true WHERE code = 'MGT'");
  });
});

describe('a session', () => {
  let session: TTrainingSession;

  it('is created by the coordinator with its days and a generated code', async () => {
    const res = await create(blended());
    expect(res.statusCode, res.body).toBe(201);
    session = res.json<TTrainingSession>();
    expect(session).toMatchObject({ code: 'ITC-2026-02-02', status: 'open', format: 'blended', capacity: 1, canManage: true, participants: [] });
    expect(session.days.map((d) => [d.day, d.startsAt, d.endsAt])).toEqual([['2026-03-02', '09:00', '17:00'], ['2026-03-03', '09:00', '13:30']]);
    expect((await auditEvents(t.db, 'training.session_created')).at(-1)).toMatchObject({ entity_id: session.id });
  });

  it('names each bad field and writes nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_sessions')).rows[0]!.n;
    const res = await create(blended({ format: 'in_person', venue: null, days: [
      { day: '2026-03-02', startsAt: '09:00', endsAt: '08:00' }, { day: '2026-03-02', startsAt: '09:00', endsAt: '10:00' }] }));
    expect(fieldErrors(res)).toEqual([
      { field: 'format', code: 'validation.format_not_offered' },
      { field: 'venue', code: 'validation.required' },
      { field: 'days.0.endsAt', code: 'validation.time_reversed' },
      { field: 'days.1.day', code: 'validation.duplicate_day' },
    ]);
    expect(fieldErrors(await create(blended({ code: 'ITC-2026-02-02' })))).toEqual([{ field: 'code', code: 'validation.code_taken' }]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_sessions')).rows[0]!.n).toBe(before);
  });

  it('refuses impossible dates and a venue that is a paragraph, in the caller\'s language, naming the field', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_sessions')).rows[0]!.n;
    // The online part prepares the classroom: it cannot start after the first in-person day.
    expect(fieldErrors(await create(blended({ code: 'ITC-LATE', onlineStartsOn: '2026-03-05' }))))
      .toEqual([{ field: 'onlineStartsOn', code: 'validation.online_after_in_person' }]);
    expect(fieldErrors(await create(blended({ code: 'ITC-REV', onlineEndsOn: '2026-01-15' }))))
      .toEqual([{ field: 'onlineEndsOn', code: 'validation.range_reversed' }]);
    const long = expectProblem(await create(blended({ code: 'ITC-LONG', venue: 'Sala '.repeat(400) })), 400, 'VALIDATION_FAILED');
    expect(long.errors).toEqual([{ field: 'venue', code: 'validation.too_long', params: { maximum: 200 }, message: 'Debe tener como máximo 200 caracteres.' }]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_sessions')).rows[0]!.n).toBe(before);
    // A change is held to the same rules.
    const edited = await call(t.app, 'PUT', `/api/training/sessions/${session.id}`, { session: coordinator, body: {
      version: session.version, venue: session.venue, videoLink: null, onlineStartsOn: '2026-03-10', onlineEndsOn: null, capacity: 1,
      selfEnrolment: false, language: 'es-MX', days: session.days.map((d) => ({ day: d.day, startsAt: d.startsAt, endsAt: d.endsAt })), trainerIds: [],
    } });
    expect(fieldErrors(edited)).toEqual([{ field: 'onlineStartsOn', code: 'validation.online_after_in_person' }]);
  });

  it('is created only by a coordinator', async () => {
    expectProblem(await create(blended({ code: 'X-1' }), elegibilidad), 403, 'FORBIDDEN');
  });

  it('enrols up to capacity, then on the waiting list; a retry enrols nobody twice', async () => {
    const supervisor = await userIdOf(t.db, 'supervisor');
    const first = await enrol(session.id, { userIds: [elegibilidad.userId] });
    expect(first.json<TEnrolResult>()).toEqual({ enrolled: 1, waitlisted: 0, alreadyEnrolled: 0, refused: [] });
    const second = await enrol(session.id, { userIds: [elegibilidad.userId, supervisor] });
    expect(second.json<TEnrolResult>()).toEqual({ enrolled: 0, waitlisted: 1, alreadyEnrolled: 1, refused: [] });
  });

  it('refuses those lacking a prerequisite, naming it, unless the coordinator overrides with a reason', async () => {
    const registro = await userIdOf(t.db, 'registro');
    const refused = (await enrol(session.id, { userIds: [registro] })).json<TEnrolResult>();
    expect(refused.refused).toEqual([{ userId: registro, fullName: 'Jorge Registro López', reason: 'prerequisites', missing: ['Técnicas de entrevista'] }]);
    const overridden = (await enrol(session.id, { userIds: [registro], prerequisiteOverrideReason: 'Cursó el módulo en ACNUR en 2024' })).json<TEnrolResult>();
    expect(overridden).toMatchObject({ waitlisted: 1, refused: [] });
    expect((await auditEvents(t.db, 'training.enrolled')).at(-1)).toMatchObject({
      details: { userId: registro, status: 'waitlisted', prerequisiteOverride: 'Cursó el módulo en ACNUR en 2024', missing: ['interview_techniques'] },
    });
  });

  it('gives a freed place to the first person waiting', async () => {
    const got = await call(t.app, 'GET', `/api/training/sessions/${session.id}`, { session: coordinator });
    expect(got.statusCode, got.body).toBe(200);
    const current = got.json<TTrainingSession>();
    const mine = current.participants!.find((p) => p.username === 'elegibilidad')!;
    const res = await call(t.app, 'POST', `/api/training/sessions/${session.id}/enrolments/${mine.id}/cancel`, {
      session: coordinator, body: { version: mine.version, reason: 'Comisión en Palenque' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TTrainingSession>().participants!.map((p) => [p.username, p.status])).toEqual([
      ['supervisor', 'enrolled'], ['registro', 'waitlisted'], ['elegibilidad', 'cancelled'],
    ]);
    expect(fieldErrors(await call(t.app, 'POST', `/api/training/sessions/${session.id}/enrolments/${mine.id}/cancel`, {
      session: coordinator, body: { version: mine.version, reason: '' } }))).toEqual([{ field: 'reason', code: 'validation.required' }]);
  });

  it('shows participants only to its coordinator and trainers; staff see their own training', async () => {
    const seen = (await call(t.app, 'GET', `/api/training/sessions/${session.id}`, { session: elegibilidad })).json<TTrainingSession>();
    expect(seen).toMatchObject({ canManage: false, participants: null });
    const supervisor = await loginAs(t.app, 'supervisor');
    const mine = (await call(t.app, 'GET', '/api/training/me/enrolments', { session: supervisor })).json<Array<{ status: string; session: { code: string } }>>();
    expect(mine.map((e) => [e.session.code, e.status])).toEqual([['ITC-2026-02-02', 'enrolled']]);
  });
});

describe('the trainer roster', () => {
  it('adds a visiting expert and a national trainer, certifies per module, and names bad fields', async () => {
    const expert = await call(t.app, 'POST', '/api/training/trainers', {
      session: coordinator, body: { fullName: 'Ingrid Vella', organisation: 'EUAA', countryCode: 'MT', languages: ['en', 'es'] },
    });
    expect(expert.statusCode, expert.body).toBe(201);
    const { id } = expert.json<{ id: string }>();
    const certified = await call(t.app, 'PUT', `/api/training/trainers/${id}/certifications/${itc.id}`, {
      session: coordinator, body: { certifiedOn: '2025-05-01', expiresOn: '2028-05-01' },
    });
    expect(certified.json()).toMatchObject({ fullName: 'Ingrid Vella', certifications: [{ moduleCode: 'ITC', certifiedOn: '2025-05-01', expiresOn: '2028-05-01' }] });
    expect(fieldErrors(await call(t.app, 'POST', '/api/training/trainers', {
      session: coordinator, body: { fullName: 'X', organisation: 'Y', countryCode: 'Mexico', email: 'no' },
    }))).toEqual([{ field: 'countryCode', code: 'validation.country_code_alpha2' }, { field: 'email', code: 'validation.invalid_email' }]);
    const own = { userId: await userIdOf(t.db, 'formador'), fullName: 'Carlos Formador Vega', organisation: 'COMAR', countryCode: 'MX' };
    expect((await call(t.app, 'POST', '/api/training/trainers', { session: coordinator, body: own })).statusCode).toBe(201);
    expect(fieldErrors(await call(t.app, 'POST', '/api/training/trainers', { session: coordinator, body: own })))
      .toEqual([{ field: 'userId', code: 'validation.trainer_listed' }]);
    expectProblem(await call(t.app, 'POST', '/api/training/trainers', { session: elegibilidad, body: own }), 403, 'FORBIDDEN');
    const roster = (await call(t.app, 'GET', '/api/training/trainers', { session: elegibilidad })).json<Array<{ fullName: string }>>();
    expect(roster.map((r) => r.fullName)).toEqual(['Carlos Formador Vega', 'Ingrid Vella']);
    const session = await create(blended({ code: 'ITC-T-1', trainerIds: [id] }));
    expect(session.json<TTrainingSession>().trainers).toEqual([expect.objectContaining({ fullName: 'Ingrid Vella', organisation: 'EUAA' })]);
  });
});
