// Interpreters and scheduling (ADR 027): the roster, booking the personal interview (the
// schedule_interview step, the competency gate on the interviewer, double bookings refused and
// raced), the applicant's requests, the notice and the .ics, no-shows, reschedules and
// postponements that pause the decision clock, agendas, an interpreter's own bookings, the
// weekly signature and the abandonment it proposes to the supervisor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn, type TAgenda, type TAppointment, type TClaim, type TInterpreter, type TMyBookings, type TSignatureStatus } from '@refugio/domain';
import { buildClaim, buildOfficer, buildPerson, officeIdOf } from '../../testing/factories.ts';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let supervisor: TestSession;
let admin: TestSession;
let interpreterSession: TestSession;
let tapachula: string;
let palenque: string;
let kiche: TInterpreter;
let officer: { id: string; username: string };
let officerSession: TestSession;
/** What every eligibility officer needs (the any_claim gating rules). */
const CORE = ['interview_techniques', 'evidence_assessment'];

/** A civil day n days from today in Mexico City, at a given wall-clock time. */
function at(days: number, time: string): string {
  const d = new Date(`${todayIn('America/Mexico_City')}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

const booking = (overrides: Record<string, unknown> = {}) => ({
  officerId: officer.id, interpreterId: kiche.id, language: 'quc', modality: 'in_person', room: 'Sala 2', startsAt: at(7, '10:00'),
  durationMinutes: 90, requests: [], ...overrides,
});

async function kicheClaim(assignTo = officer.username): Promise<TClaim> {
  return buildClaim(t.db, {
    status: 'admitted', assignTo,
    members: [{ relation: 'principal', unaccompanied: false, existingPersonId: null, person: buildPerson({ givenNames: 'Juana', firstSurname: 'Tzul', languages: ['quc'] }) }],
  });
}

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await loginAs(t.app, 'supervisor');
  admin = await loginAs(t.app, 'admin');
  interpreterSession = await loginAs(t.app, 'interprete');
  tapachula = await officeIdOf(t.db, 'COMAR-TAP');
  palenque = await officeIdOf(t.db, 'COMAR-PAL');
  const user = await buildOfficer(t.db, { competencies: CORE });
  officer = { id: user.id, username: user.username };
  officerSession = await loginAs(t.app, user.username);
});
afterAll(async () => {
  await t?.close();
});

describe('the interpreter roster', () => {
  it('names every bad field; only a supervisor of the office manages it', async () => {
    const bad = await call(t.app, 'POST', '/api/interpreters', {
      session: supervisor, body: { fullName: '', kind: 'staff', sex: 'female', languages: ['xx'], modalities: [], officeIds: [palenque] },
    });
    expect(fieldErrors(bad).map((e) => e.field)).toEqual(expect.arrayContaining(['fullName', 'languages.0', 'modalities']));
    const notMine = await call(t.app, 'POST', '/api/interpreters', {
      session: supervisor, body: { fullName: 'Otra', kind: 'staff', sex: 'female', languages: ['spa'], modalities: ['video'], officeIds: [palenque] },
    });
    expect(fieldErrors(notMine)).toEqual([{ field: 'officeIds.0', code: 'validation.office_not_managed' }]);
    expectProblem(await call(t.app, 'POST', '/api/interpreters', { session: officerSession, body: {} }), 403, 'FORBIDDEN');
  });

  it('adds a K\'iche\' interpreter linked to an interpreter\'s account, once per Idempotency-Key', async () => {
    const body = {
      fullName: 'Nadia Intérprete Joseph', kind: 'staff', sex: 'female', languages: ['quc', 'spa'], modalities: ['in_person', 'video'],
      officeIds: [tapachula], userId: await userIdOf(t.db, 'interprete'), availability: [],
    };
    const once = await call(t.app, 'POST', '/api/interpreters', { session: supervisor, body, headers: { 'idempotency-key': 'interpreter-0001' } });
    expect(once.statusCode, once.body).toBe(201);
    kiche = once.json<TInterpreter>();
    const twice = await call(t.app, 'POST', '/api/interpreters', { session: supervisor, body, headers: { 'idempotency-key': 'interpreter-0001' } });
    expect(twice.json<TInterpreter>().id).toBe(kiche.id);
    expect(kiche).toMatchObject({ languages: ['quc', 'spa'], username: 'interprete', version: 1 });
    // An account is linked to one roster entry; an account without the interpreter role is refused.
    expectProblem(await call(t.app, 'POST', '/api/interpreters', { session: supervisor, body: { ...body, fullName: 'Dos' } }), 409, 'ALREADY_EXISTS');
    expect(fieldErrors(await call(t.app, 'POST', '/api/interpreters', { session: supervisor, body: { ...body, userId: await userIdOf(t.db, 'registro') } })))
      .toEqual([{ field: 'userId', code: 'validation.user_not_interpreter' }]);
    expect((await auditEvents(t.db, 'interpreter.created')).at(-1)).toMatchObject({ entity_id: kiche.id, details: { languages: ['quc', 'spa'] } });
  });

  it('officers read the roster by language; a stale version is refused with the current entry', async () => {
    const list = await call(t.app, 'GET', '/api/interpreters?language=quc', { session: officerSession });
    expect(list.json<TInterpreter[]>().map((i) => i.id)).toEqual([kiche.id]);
    expect((await call(t.app, 'GET', '/api/interpreters?language=ara', { session: officerSession })).json<TInterpreter[]>()).toEqual([]);
    const update = { ...kiche, notes: 'Disponible por la mañana' } as Record<string, unknown>;
    for (const key of ['id', 'username']) delete update[key];
    const res = await call(t.app, 'PUT', `/api/interpreters/${kiche.id}`, { session: supervisor, body: update });
    expect(res.statusCode, res.body).toBe(200);
    const stale = expectProblem(await call(t.app, 'PUT', `/api/interpreters/${kiche.id}`, { session: supervisor, body: update }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id: kiche.id, version: 2, notes: 'Disponible por la mañana' });
    kiche = res.json<TInterpreter>();
  });
});

describe('booking the personal interview', () => {
  let claim: TClaim;
  let appointment: TAppointment;

  it('names each bad field: past start, missing room, an interpreter who does not speak the language, unmet requests', async () => {
    claim = await kicheClaim();
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/appointments`, {
      session: officerSession,
      body: booking({
        startsAt: at(-1, '10:00'), room: null, language: 'hat',
        requests: [{ kind: 'interpreter_sex', sex: 'male', honoured: true }, { kind: 'third_party', role: 'lawyer', honoured: false }],
      }),
    });
    expect(fieldErrors(res)).toEqual([
      { field: 'startsAt', code: 'validation.in_the_past' }, { field: 'room', code: 'validation.required' },
      { field: 'interpreterId', code: 'validation.interpreter_language' },
      // A female interpreter does not meet a request for a male one said to be honoured.
      { field: 'requests.0.honoured', code: 'validation.request_not_met' }, { field: 'requests.1.reason', code: 'validation.refusal_reason_required' },
    ]);
    const male = await call(t.app, 'POST', `/api/claims/${claim.id}/appointments`, {
      session: officerSession, body: booking({ requests: [{ kind: 'interpreter_sex', sex: 'male', honoured: true }] }),
    });
    expect(fieldErrors(male)).toEqual([{ field: 'requests.0.honoured', code: 'validation.request_not_met' }]);
    expect((await t.db.query('SELECT 1 FROM interview_appointments WHERE claim_id = $1', [claim.id])).rowCount).toBe(0);
  });

  it('the first appointment takes the schedule_interview step; requests are kept with their answers', async () => {
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/appointments`, {
      session: officerSession,
      body: booking({ requests: [{ kind: 'interpreter_sex', sex: 'female', honoured: true }, { kind: 'officer_sex', sex: 'female', honoured: false, reason: 'No hay oficial mujer con la competencia esa semana' }] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    appointment = res.json<TAppointment>();
    expect(appointment).toMatchObject({ status: 'scheduled', localStart: at(7, '10:00'), localEnd: at(7, '11:30'), interpreterName: 'Nadia Intérprete Joseph', noticeLanguage: 'es-MX' });
    expect(appointment.requests[1]).toMatchObject({ kind: 'officer_sex', honoured: false, reason: 'No hay oficial mujer con la competencia esa semana' });
    const after = (await call(t.app, 'GET', `/api/claims/${claim.id}`, { session: officerSession })).json<TClaim>();
    expect(after.status).toBe('interview_scheduled');
    expect((await auditEvents(t.db, 'claim.interview_scheduled')).at(-1)).toMatchObject({ entity_id: claim.id });
    expect((await auditEvents(t.db, 'appointment.booked')).at(-1)).toMatchObject({ entity_id: appointment.id, details: { stepTaken: true, room: 'Sala 2' } });
    // One scheduled appointment per claim: a second one is a reschedule.
    const again = expectProblem(await call(t.app, 'POST', `/api/claims/${claim.id}/appointments`, { session: officerSession, body: booking({ startsAt: at(8, '10:00') }) }), 409, 'INVALID_STATE');
    expect(again).toMatchObject({ reason: 'already_scheduled' });
  });

  it('refuses a double booking of the interpreter, the room or the officer with 409 naming each conflict', async () => {
    const other = await kicheClaim();
    const res = await call(t.app, 'POST', `/api/claims/${other.id}/appointments`, { session: officerSession, body: booking({ startsAt: at(7, '11:00') }) });
    const body = expectProblem(res, 409, 'SCHEDULE_CONFLICT');
    expect((body.conflicts as Array<{ kind: string }>).map((c) => c.kind)).toEqual(['officer', 'interpreter', 'room']);
    expect(body.detail).toContain('el intérprete Nadia Intérprete Joseph tiene otra cita');
    expect(body.detail).toContain('de 10:00 a 11:30');
    expect(body.errors?.map((e) => e.field)).toEqual(['officerId', 'interpreterId', 'room']);
    // Another officer, another room at the same time: only the interpreter collides.
    const colleague = await buildOfficer(t.db, { competencies: CORE });
    const onlyInterpreter = expectProblem(await call(t.app, 'POST', `/api/claims/${other.id}/appointments`, {
      session: supervisor, body: booking({ officerId: colleague.id, room: 'Sala 3', startsAt: at(7, '11:00') }),
    }), 409, 'SCHEDULE_CONFLICT');
    expect((onlyInterpreter.conflicts as Array<{ kind: string }>).map((c) => c.kind)).toEqual(['interpreter']);
    // Right after the first one ends, everyone is free.
    const next = await call(t.app, 'POST', `/api/claims/${other.id}/appointments`, { session: officerSession, body: booking({ startsAt: at(7, '11:30') }) });
    expect(next.statusCode, next.body).toBe(201);
  });

  it('holds the interviewer to the competency gate', async () => {
    // The supervisor assigned the child's claim without the competency, overriding with a
    // reason; the booking meets the gate again on its own.
    const child = await buildClaim(t.db, {
      status: 'admitted',
      members: [{ relation: 'principal', unaccompanied: true, existingPersonId: null, person: buildPerson({ givenNames: 'Kevin', birthDate: `${Number(todayIn().slice(0, 4)) - 15}-01-01` }) }],
      flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Llega solo' }],
    });
    const assigned = await call(t.app, 'POST', `/api/claims/${child.id}/assignment`, {
      session: supervisor, body: { version: child.version, officerId: officer.id, overrideGating: true, reason: 'Única oficial disponible esta semana' },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const res = await call(t.app, 'POST', `/api/claims/${child.id}/appointments`, {
      session: officerSession, body: booking({ interpreterId: null, language: 'spa', startsAt: at(9, '09:00'), room: 'Sala NNA' }),
    });
    expectProblem(res, 409, 'COMPETENCY_REQUIRED');
    expect(fieldErrors(res)).toEqual([{ field: 'officerId', code: 'validation.competency_missing' }]);
    // The supervisor may book anyway with a written reason (override:gating:office).
    const overridden = await call(t.app, 'POST', `/api/claims/${child.id}/appointments`, {
      session: supervisor, body: booking({ interpreterId: null, language: 'spa', startsAt: at(9, '09:00'), room: 'Sala NNA', overrideGating: true, overrideReason: 'Única oficial disponible esta semana' }),
    });
    expect(overridden.statusCode, overridden.body).toBe(201);
  });
});

describe('concurrent bookings', () => {
  it('eight clients booking the same interpreter at the same time: exactly one wins, the others are told why', async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => kicheClaim()));
    const officers = await Promise.all(claims.map(() => buildOfficer(t.db, { competencies: CORE })));
    // Each claim with its own officer and room: only the interpreter is shared.
    for (const [i, c] of claims.entries()) {
      const res = await call(t.app, 'POST', `/api/claims/${c.id}/assignment`, { session: supervisor, body: { version: c.version, officerId: officers[i]!.id } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const results = await Promise.all(claims.map((c, i) => call(t.app, 'POST', `/api/claims/${c.id}/appointments`, {
      session: supervisor, body: booking({ officerId: officers[i]!.id, room: `Sala carrera ${i}`, startsAt: at(14, '12:00') }),
    })));
    expect(results.map((r) => r.statusCode).toSorted()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json<{ code: string }>().code).toBe('SCHEDULE_CONFLICT');
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM interview_appointments WHERE interpreter_id = $1 AND status = 'scheduled' AND room LIKE 'Sala carrera%'`, [kiche.id]);
    expect(rows[0]!.n).toBe(1);
  }, 120_000);
});

describe('no-shows, reschedules and postponements', () => {
  let claim: TClaim;
  let appointment: TAppointment;

  beforeAll(async () => {
    claim = await kicheClaim();
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/appointments`, { session: officerSession, body: booking({ startsAt: at(20, '09:00'), room: 'Sala 7' }) });
    expect(res.statusCode, res.body).toBe(201);
    appointment = res.json<TAppointment>();
  });

  it('a no-show only once the start has passed; then a reschedule keeps the old row', async () => {
    expect(expectProblem(await call(t.app, 'POST', `/api/appointments/${appointment.id}/no-show`, { session: officerSession, body: { version: 1 } }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'not_started_yet' });
    // The appointment's day comes: its times move into the past (the test cannot wait for it).
    await t.db.query(`UPDATE interview_appointments SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [appointment.id]);
    const res = await call(t.app, 'POST', `/api/appointments/${appointment.id}/no-show`, { session: officerSession, body: { version: 1, reason: null } });
    expect(res.json<TAppointment>()).toMatchObject({ status: 'no_show', version: 2 });
    const moved = await call(t.app, 'POST', `/api/appointments/${appointment.id}/reschedule`, {
      session: officerSession, body: { ...booking({ startsAt: at(21, '09:00'), room: 'Sala 7' }), reason: 'No se presentó; se le cita de nuevo', version: 2 },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json<TAppointment>()).toMatchObject({ status: 'scheduled', rescheduledFromId: appointment.id });
    const list = (await call(t.app, 'GET', `/api/claims/${claim.id}/appointments`, { session: officerSession })).json<TAppointment[]>();
    expect(list.map((a) => a.status)).toEqual(['scheduled', 'no_show']);
    expect((await auditEvents(t.db, 'appointment.viewed')).at(-1)).toMatchObject({ entity_id: claim.id, details: { count: 2 } });
    appointment = moved.json<TAppointment>();
  });

  it('a postponement for a guarantee pauses the decision clock where the authority configured it, and the new date resumes it', async () => {
    const institution = (await t.db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'")).rows[0]!.id;
    const settings = await call(t.app, 'PUT', '/api/scheduling/settings', {
      session: admin, body: { institutionId: institution, missedSignaturesThreshold: 3, thresholdVerified: false, postponementPausesClock: true },
    });
    expect(fieldErrors(settings)).toEqual([{ field: 'postponementLegalBasis', code: 'validation.required' }]);
    const set = await call(t.app, 'PUT', '/api/scheduling/settings', {
      session: admin, body: { institutionId: institution, missedSignaturesThreshold: 3, thresholdVerified: false, postponementPausesClock: true, postponementLegalBasis: 'Acuerdo de prueba, art. 1' },
    });
    expect(set.statusCode, set.body).toBe(200);
    const res = await call(t.app, 'POST', `/api/appointments/${appointment.id}/postpone`, {
      session: officerSession, body: { guarantee: 'fitness_for_interview', reason: 'Valoración médica pendiente', version: appointment.version },
    });
    expect(res.json<TAppointment>()).toMatchObject({ status: 'postponed', clockPaused: true, clockLegalBasis: 'Acuerdo de prueba, art. 1' });
    const paused = await t.db.query<{ state: string }>(`SELECT state FROM claim_clocks WHERE claim_id = $1 AND kind = 'decision'`, [claim.id]);
    expect(paused.rows[0]!.state).toBe('paused');
    const moved = await call(t.app, 'POST', `/api/appointments/${appointment.id}/reschedule`, {
      session: officerSession, body: { ...booking({ startsAt: at(30, '09:00'), room: 'Sala 7' }), reason: 'Apta según valoración', version: 2 },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const resumed = await t.db.query<{ state: string }>(`SELECT state FROM claim_clocks WHERE claim_id = $1 AND kind = 'decision'`, [claim.id]);
    expect(resumed.rows[0]!.state).toBe('running');
    expect((await auditEvents(t.db, 'appointment.rescheduled')).at(-1)).toMatchObject({ details: { clockResumed: true, previousStatus: 'postponed' } });
    appointment = moved.json<TAppointment>();
  });

  it('prints the notice in the applicant\'s language, or in Spanish saying which they speak; the .ics names no applicant', async () => {
    const pdf = await call(t.app, 'GET', `/api/appointments/${appointment.id}/notice`, { session: officerSession });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await auditEvents(t.db, 'appointment.notice_printed')).at(-1)).toMatchObject({ details: { language: 'es-MX', fallback: 'quc' } });
    const english = await buildClaim(t.db, {
      status: 'admitted', assignTo: officer.username,
      members: [{ relation: 'principal', unaccompanied: false, existingPersonId: null, person: buildPerson({ givenNames: 'Grace', firstSurname: 'Mensah', languages: ['en'], nationalities: ['GHA'] }) }],
    });
    const booked = (await call(t.app, 'POST', `/api/claims/${english.id}/appointments`, {
      session: officerSession, body: booking({ interpreterId: null, language: 'eng', modality: 'video', room: null, videoLink: 'https://video.example.org/sala', startsAt: at(22, '09:00') }),
    })).json<TAppointment>();
    expect(booked.noticeLanguage).toBe('en');
    await call(t.app, 'GET', `/api/appointments/${booked.id}/notice`, { session: officerSession });
    expect((await auditEvents(t.db, 'appointment.notice_printed')).at(-1)).toMatchObject({ details: { language: 'en', fallback: null } });
    const ics = await call(t.app, 'GET', `/api/appointments/${appointment.id}/calendar`, { session: officerSession });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain(`UID:${appointment.id}@refugio`);
    expect(ics.body).toContain(`DTSTART:${appointment.startsAt.replace(/[-:]/g, '')}`);
    expect(ics.body).not.toContain('Tzul');
  });
});

describe('who sees appointments', () => {
  it('an interpreter sees their own bookings and nothing else of the claim', async () => {
    const mine = await call(t.app, 'GET', '/api/scheduling/my-bookings', { session: interpreterSession });
    const body = mine.json<TMyBookings>();
    expect(body.interpreterName).toBe('Nadia Intérprete Joseph');
    expect(body.bookings.length).toBeGreaterThan(0);
    expect(Object.keys(body.bookings[0]!)).not.toContain('claimNumber');
    expect(JSON.stringify(body)).not.toContain('Tzul');
    expect((await auditEvents(t.db, 'appointment.bookings_viewed')).at(-1)).toMatchObject({ entity_id: kiche.id });
    const claimId = (await t.db.query<{ claim_id: string }>('SELECT claim_id FROM interview_appointments LIMIT 1')).rows[0]!.claim_id;
    expectProblem(await call(t.app, 'GET', `/api/claims/${claimId}/appointments`, { session: interpreterSession }), 403, 'FORBIDDEN');
  });

  it('an officer\'s agenda for a week; another office\'s agenda and appointments are invisible', async () => {
    const res = await call(t.app, 'GET', `/api/scheduling/agenda?view=month&date=${at(7, '00:00').slice(0, 10)}`, { session: officerSession });
    const agenda = res.json<TAgenda>();
    expect(agenda.items.length).toBeGreaterThan(0);
    expect(agenda.items.every((i) => i.localStart.slice(0, 7) === at(7, '00:00').slice(0, 7))).toBe(true);
    expect((await auditEvents(t.db, 'appointment.agenda_viewed')).at(-1)).toMatchObject({ entity_id: officer.id });
    const away = await buildOfficer(t.db, { office: 'COMAR-PAL' });
    const awaySession = await loginAs(t.app, away.username);
    expectProblem(await call(t.app, 'GET', `/api/scheduling/agenda?view=week&date=${at(7, '00:00').slice(0, 10)}&officerId=${officer.id}`, { session: awaySession }), 404, 'NOT_FOUND');
    const appointmentId = (await t.db.query<{ id: string }>('SELECT id FROM interview_appointments LIMIT 1')).rows[0]!.id;
    expectProblem(await call(t.app, 'GET', `/api/appointments/${appointmentId}/calendar`, { session: awaySession }), 404, 'NOT_FOUND');
    // The office's supervisor plans with the officer's agenda.
    const planned = await call(t.app, 'GET', `/api/scheduling/agenda?view=week&date=${at(7, '00:00').slice(0, 10)}&officerId=${officer.id}`, { session: supervisor });
    expect(planned.statusCode, planned.body).toBe(200);
  });
});

describe('the weekly signature and abandonment', () => {
  let claim: TClaim;

  it('records a signature at the recorder\'s office; a future day or another office is refused', async () => {
    claim = await buildClaim(t.db, { status: 'admitted' });
    const registro = await loginAs(t.app, 'registro');
    const bad = await call(t.app, 'POST', `/api/claims/${claim.id}/signatures`, { session: registro, body: { officeId: palenque, signedOn: at(3, '00:00').slice(0, 10) } });
    expect(fieldErrors(bad)).toEqual([{ field: 'officeId', code: 'validation.office_out_of_scope' }, { field: 'signedOn', code: 'validation.date_in_future' }]);
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/signatures`, { session: registro, body: { officeId: tapachula } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TSignatureStatus>()).toMatchObject({ owes: true, missedWeeks: 0, threshold: 3, thresholdVerified: false, records: [{ officeName: 'COMAR Tapachula' }] });
  });

  it('proposes abandonment after the threshold of missed weeks; the supervisor dismisses or confirms, with a reason', async () => {
    // Five weeks ago: lodged, and signed once, then nothing.
    const late = await buildClaim(t.db, { status: 'admitted' });
    const other = await buildClaim(t.db, { status: 'admitted' });
    await t.db.query(`UPDATE claims SET lodged_at = now() - interval '5 weeks' WHERE id = ANY($1::uuid[])`, [[late.id, other.id]]);
    await t.db.query(`UPDATE signature_records SET signed_on = signed_on - 35 WHERE claim_id = $1`, [claim.id]);
    await t.db.query(`UPDATE claims SET lodged_at = now() - interval '6 weeks' WHERE id = $1`, [claim.id]);
    const status = (await call(t.app, 'GET', `/api/claims/${claim.id}/signatures`, { session: supervisor })).json<TSignatureStatus>();
    expect(status.missedWeeks).toBe(4);
    const queue = await call(t.app, 'GET', '/api/scheduling/abandonment-queue', { session: supervisor });
    const ids = queue.json<{ items: Array<{ claimId: string; missedWeeks: number; claimVersion: number }> }>().items;
    expect(ids.map((i) => i.claimId)).toEqual(expect.arrayContaining([claim.id, late.id, other.id]));
    expectProblem(await call(t.app, 'GET', '/api/scheduling/abandonment-queue', { session: officerSession }), 403, 'FORBIDDEN');
    const item = (id: string) => ids.find((i) => i.claimId === id)!;
    expect(fieldErrors(await call(t.app, 'POST', `/api/scheduling/abandonment-queue/${late.id}/dismiss`, { session: supervisor, body: { reason: '', version: item(late.id).claimVersion } })))
      .toEqual([{ field: 'reason', code: 'validation.required' }]);
    const dismissed = await call(t.app, 'POST', `/api/scheduling/abandonment-queue/${late.id}/dismiss`, {
      session: supervisor, body: { reason: 'Hospitalizada; presentó constancia', version: item(late.id).claimVersion },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const confirmed = await call(t.app, 'POST', `/api/scheduling/abandonment-queue/${other.id}/confirm`, {
      session: supervisor, body: { reason: 'Cinco semanas sin firmar ni comunicarse', version: item(other.id).claimVersion },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await call(t.app, 'GET', `/api/claims/${other.id}`, { session: supervisor })).json<TClaim>().status).toBe('abandoned');
    expect((await auditEvents(t.db, 'claim.abandoned')).at(-1)).toMatchObject({ entity_id: other.id, details: { reason: 'Cinco semanas sin firmar ni comunicarse' } });
    const after = (await call(t.app, 'GET', '/api/scheduling/abandonment-queue', { session: supervisor })).json<{ items: Array<{ claimId: string }> }>().items;
    expect(after.map((i) => i.claimId)).toContain(claim.id);
    expect(after.map((i) => i.claimId)).not.toContain(late.id);
    expect(after.map((i) => i.claimId)).not.toContain(other.id);
    expectProblem(await call(t.app, 'POST', `/api/scheduling/abandonment-queue/${late.id}/confirm`, {
      session: supervisor, body: { reason: 'Otra vez', version: item(late.id).claimVersion },
    }), 409, 'INVALID_STATE');
  });
});
