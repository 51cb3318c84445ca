// Sessions after creation and self-enrolment (ADR 015): a session edited after creation (capacity not below those
// enrolled, raising it promotes the waiting list, days with attendance kept, 409 when stale,
// closed sessions fixed); self-enrolment with the coordinator's approval; pre-reading guides
// acknowledged by participants, in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMyEnrolment, TTrainingModule, TTrainingSession, TTrainingSessionSummary } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestSession;
let elegibilidad: TestSession;
let supervisor: TestSession;
let registro: TestSession;
let itc: TTrainingModule;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  supervisor = await loginAs(t.app, 'supervisor');
  registro = await loginAs(t.app, 'registro');
  const modules = (await call(t.app, 'GET', '/api/training/modules', { session: coordinator })).json<TTrainingModule[]>();
  itc = modules.find((m) => m.code === 'ITC')!;
});
afterAll(async () => {
  await t?.close();
});

const blended = (overrides: Record<string, unknown> = {}) => ({
  moduleId: itc.id, format: 'blended', venue: 'COMAR Tapachula, sala 2', onlineStartsOn: '2030-02-04', capacity: 1,
  days: [{ day: '2030-03-04', startsAt: '09:00', endsAt: '17:00' }], ...overrides,
});
async function createSession(overrides: Record<string, unknown> = {}): Promise<TTrainingSession> {
  const res = await call(t.app, 'POST', '/api/training/sessions', { session: coordinator, body: blended(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TTrainingSession>();
}
const getSession = async (id: string, session = coordinator) =>
  (await call(t.app, 'GET', `/api/training/sessions/${id}`, { session })).json<TTrainingSession>();
const edit = (s: TTrainingSession, changes: Record<string, unknown>) => call(t.app, 'PUT', `/api/training/sessions/${s.id}`, {
  session: coordinator,
  body: {
    version: s.version, venue: s.venue, videoLink: s.videoLink, onlineStartsOn: s.onlineStartsOn, onlineEndsOn: s.onlineEndsOn,
    capacity: s.capacity, selfEnrolment: s.selfEnrolment, language: s.language,
    days: s.days.map(({ day, startsAt, endsAt }) => ({ day, startsAt, endsAt })), trainerIds: s.trainers.map((tr) => tr.id), ...changes,
  },
});
const request = (id: string, session: TestSession) => call(t.app, 'POST', `/api/training/sessions/${id}/requests`, { session });
const mine = async (session: TestSession) => (await call(t.app, 'GET', '/api/training/me/enrolments', { session })).json<TMyEnrolment[]>();
const link = (code: string, language: string, title: string) => call(t.app, 'POST', '/api/training/guides/links', {
  session: coordinator, body: { code, language, title, url: `https://example.org/${code}/${language}` } });
const statuses = (s: TTrainingSession) => s.participants!.map((p) => [p.username, p.status]);

describe('editing a session', () => {
  it('changes place, dates and self-enrolment with the version read; audited with the fields changed', async () => {
    const s = await createSession({ code: 'ED-1' });
    const res = await edit(s, { venue: 'COMAR Tapachula, sala 3', selfEnrolment: true, language: 'en',
      days: [{ day: '2030-03-04', startsAt: '10:00', endsAt: '17:00' }, { day: '2030-03-05', startsAt: '09:00', endsAt: '13:00' }] });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<TTrainingSession>();
    expect(saved).toMatchObject({ venue: 'COMAR Tapachula, sala 3', selfEnrolment: true, language: 'en', version: s.version + 1 });
    expect(saved.days.map((d) => [d.day, d.startsAt])).toEqual([['2030-03-04', '10:00'], ['2030-03-05', '09:00']]);
    // The kept day is the same row (attendance recorded on it stays).
    expect(saved.days[0]!.id).toBe(s.days[0]!.id);
    expect((await auditEvents(t.db, 'training.session_updated')).at(-1)).toMatchObject({
      entity_id: s.id, details: { code: 'ED-1', changed: ['venue', 'selfEnrolment', 'language', 'days'] },
    });
    // Stale: 409 with the session as it is now, nothing written.
    const stale = expectProblem(await edit(s, { venue: 'Otra' }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ venue: 'COMAR Tapachula, sala 3', version: saved.version });
  });

  it('refuses a capacity below those enrolled, naming the field, and writes nothing', async () => {
    const s = await createSession({ code: 'ED-2', capacity: 2 });
    await call(t.app, 'POST', `/api/training/sessions/${s.id}/enrolments`, { session: coordinator, body: { userIds: [elegibilidad.userId, supervisor.userId] } });
    const current = await getSession(s.id);
    const res = await edit(current, { capacity: 1, venue: '' });
    expect(fieldErrors(res)).toEqual([{ field: 'venue', code: 'validation.required' }, { field: 'capacity', code: 'validation.capacity_below_enrolled' }]);
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors!.find((e) => e.field === 'capacity')!.message)
      .toBe('El cupo no puede ser menor que las 2 personas ya inscritas.');
    expect(await getSession(s.id)).toMatchObject({ capacity: 2, venue: 'COMAR Tapachula, sala 2', version: current.version });
  });

  it('raising the capacity gives the new places to the waiting list in order, in the same change', async () => {
    const s = await createSession({ code: 'ED-3', capacity: 1 });
    const interprete = await userIdOf(t.db, 'interprete');
    for (const userId of [elegibilidad.userId, supervisor.userId, registro.userId, interprete]) {
      await call(t.app, 'POST', `/api/training/sessions/${s.id}/enrolments`, {
        session: coordinator, body: { userIds: [userId], prerequisiteOverrideReason: 'Experiencia acreditada en ACNUR' } });
    }
    const before = await getSession(s.id);
    expect(statuses(before)).toEqual([['elegibilidad', 'enrolled'], ['supervisor', 'waitlisted'], ['registro', 'waitlisted'], ['interprete', 'waitlisted']]);
    const res = await edit(before, { capacity: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(statuses(res.json<TTrainingSession>())).toEqual([
      ['elegibilidad', 'enrolled'], ['supervisor', 'enrolled'], ['registro', 'enrolled'], ['interprete', 'waitlisted']]);
    expect((await auditEvents(t.db, 'training.enrolment_promoted')).slice(-2).map((e) => e.details)).toEqual([
      { sessionId: s.id, capacity: 3 }, { sessionId: s.id, capacity: 3 }]);
  });

  it('keeps a day with attendance recorded, and a closed session cannot be edited', async () => {
    const s = await createSession({ code: 'ED-4', days: [{ day: '2030-03-04', startsAt: '09:00', endsAt: '17:00' }, { day: '2030-03-05', startsAt: '09:00', endsAt: '17:00' }] });
    await call(t.app, 'POST', `/api/training/sessions/${s.id}/enrolments`, { session: coordinator, body: { userIds: [elegibilidad.userId] } });
    const current = await getSession(s.id);
    await t.db.query(`INSERT INTO training_attendance (enrolment_id, session_day_id, minutes_attended, source) VALUES ($1, $2, 480, 'manual')`,
      [current.participants![0]!.id, current.days[1]!.id]);
    expect(fieldErrors(await edit(current, { days: [{ day: '2030-03-04', startsAt: '09:00', endsAt: '17:00' }] })))
      .toEqual([{ field: 'days', code: 'validation.day_has_attendance' }]);
    const cancelled = await call(t.app, 'POST', `/api/training/sessions/${s.id}/status`, { session: coordinator, body: { version: current.version, status: 'cancelled' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const closed = expectProblem(await edit(cancelled.json<TTrainingSession>(), { venue: 'Otra sede' }), 409, 'SESSION_CLOSED');
    expect(closed.title).toBe('Sesión cerrada');
  });

  it('is for the organising coordinator only', async () => {
    const s = await createSession({ code: 'ED-5' });
    expectProblem(await call(t.app, 'PUT', `/api/training/sessions/${s.id}`, { session: elegibilidad, body: { version: 1, capacity: 5 } }), 403, 'FORBIDDEN');
  });
});

describe('self-enrolment with approval', () => {
  let s: TTrainingSession;

  beforeAll(async () => {
    s = await createSession({ code: 'SE-1', capacity: 1, selfEnrolment: true });
    await createSession({ code: 'SE-CLOSED', selfEnrolment: false });
  });

  it('lists the sessions open to requests', async () => {
    const open = (await call(t.app, 'GET', '/api/training/sessions/requestable', { session: elegibilidad })).json<TTrainingSessionSummary[]>();
    expect(open.map((o) => o.code)).toContain('SE-1');
    expect(open.map((o) => o.code)).not.toContain('SE-CLOSED');
  });

  it('a request waits for the coordinator; asking again changes nothing', async () => {
    const first = await request(s.id, elegibilidad);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<TMyEnrolment>()).toMatchObject({ status: 'requested', session: { code: 'SE-1' }, guides: [] });
    const again = await request(s.id, elegibilidad);
    expect(again.json<TMyEnrolment>()).toEqual(first.json<TMyEnrolment>());
    expect((await auditEvents(t.db, 'training.enrolment_requested')).filter((e) => e.details.sessionId === s.id)).toHaveLength(1);
    const open = (await call(t.app, 'GET', '/api/training/sessions/requestable', { session: elegibilidad })).json<TTrainingSessionSummary[]>();
    expect(open.map((o) => o.code)).not.toContain('SE-1');
    expect(statuses(await getSession(s.id))).toEqual([['elegibilidad', 'requested']]);
  });

  it('refuses a requester lacking a prerequisite, naming it, and a session not open to requests', async () => {
    const refused = expectProblem(await request(s.id, registro), 409, 'PREREQUISITES_MISSING');
    expect(refused).toMatchObject({ missing: ['Técnicas de entrevista'] });
    expect(refused.detail).toContain('Técnicas de entrevista');
    const other = (await call(t.app, 'GET', '/api/training/sessions', { session: registro })).json<TTrainingSessionSummary[]>().find((x) => x.code === 'SE-CLOSED')!;
    expectProblem(await request(other.id, elegibilidad), 409, 'SELF_ENROLMENT_CLOSED');
    expect((await getSession(s.id)).participants).toHaveLength(1);
  });

  it('the coordinator approves (a place, then the waiting list) or rejects with a reason', async () => {
    await request(s.id, supervisor);
    let current = await getSession(s.id);
    const ana = current.participants!.find((p) => p.username === 'elegibilidad')!;
    const approved = await call(t.app, 'POST', `/api/training/sessions/${s.id}/requests/${ana.id}/approve`, { session: coordinator, body: { version: ana.version } });
    expect(approved.statusCode, approved.body).toBe(200);
    current = approved.json<TTrainingSession>();
    expect(statuses(current)).toEqual([['elegibilidad', 'enrolled'], ['supervisor', 'requested']]);
    // The same decision again: stale version.
    expectProblem(await call(t.app, 'POST', `/api/training/sessions/${s.id}/requests/${ana.id}/approve`, { session: coordinator, body: { version: ana.version } }), 409, 'VERSION_CONFLICT');
    const sup = current.participants!.find((p) => p.username === 'supervisor')!;
    expect(fieldErrors(await call(t.app, 'POST', `/api/training/sessions/${s.id}/requests/${sup.id}/reject`, {
      session: coordinator, body: { version: sup.version, reason: 'corto' } }))).toEqual([{ field: 'reason', code: 'validation.too_short' }]);
    expectProblem(await call(t.app, 'POST', `/api/training/sessions/${s.id}/requests/${sup.id}/approve`, { session: elegibilidad, body: { version: sup.version } }), 403, 'FORBIDDEN');
    const waitlisted = await call(t.app, 'POST', `/api/training/sessions/${s.id}/requests/${sup.id}/approve`, { session: coordinator, body: { version: sup.version } });
    expect(statuses(waitlisted.json<TTrainingSession>())).toEqual([['elegibilidad', 'enrolled'], ['supervisor', 'waitlisted']]);
    expect((await auditEvents(t.db, 'training.request_approved')).slice(-2).map((e) => e.details.status)).toEqual(['enrolled', 'waitlisted']);
    const { rows } = await t.db.query<{ decided_by: string; decided_at: Date | null }>('SELECT decided_by, decided_at FROM training_enrolments WHERE id = $1', [ana.id]);
    expect(rows[0]).toMatchObject({ decided_by: coordinator.userId, decided_at: expect.any(Date) });
  });

  it('a rejection keeps its reason, shown to the requester, who cannot ask again', async () => {
    const s2 = await createSession({ code: 'SE-2', selfEnrolment: true });
    await request(s2.id, supervisor);
    const sup = (await getSession(s2.id)).participants![0]!;
    const res = await call(t.app, 'POST', `/api/training/sessions/${s2.id}/requests/${sup.id}/reject`, {
      session: coordinator, body: { version: sup.version, reason: 'Cupo reservado para la oficina de Tapachula' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await mine(supervisor)).find((e) => e.session.code === 'SE-2')).toMatchObject({ status: 'rejected', decisionReason: 'Cupo reservado para la oficina de Tapachula' });
    expect((await auditEvents(t.db, 'training.request_rejected')).at(-1)).toMatchObject({ details: { reason: 'Cupo reservado para la oficina de Tapachula' } });
    expectProblem(await request(s2.id, supervisor), 409, 'INVALID_STATE');
  });

  it('the requester withdraws a pending request, and may ask again', async () => {
    const s3 = await createSession({ code: 'SE-3', selfEnrolment: true });
    const requested = (await request(s3.id, elegibilidad)).json<TMyEnrolment>();
    const withdraw = (version: number, session = elegibilidad) => call(t.app, 'POST', `/api/training/sessions/${s3.id}/requests/${requested.enrolmentId}/withdraw`, { session, body: { version } });
    expectProblem(await withdraw(requested.version, supervisor), 404, 'NOT_FOUND');
    const res = await withdraw(requested.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TMyEnrolment>()).toMatchObject({ status: 'cancelled', version: requested.version + 1 });
    expect(expectProblem(await withdraw(requested.version), 409, 'VERSION_CONFLICT').current).toMatchObject({ status: 'cancelled' });
    expect((await mine(elegibilidad)).map((e) => e.session.code)).not.toContain('SE-3');
    expect((await request(s3.id, elegibilidad)).json<TMyEnrolment>()).toMatchObject({ status: 'requested' });
  });
});

describe('pre-reading guides', () => {
  let s: TTrainingSession;

  beforeAll(async () => {
    for (const [language, title] of [['en', 'Interviewing children'], ['es-MX', 'Entrevista a NNA (v1)'], ['es-MX', 'Entrevista a NNA (v2)']] as const) {
      expect((await link('guia-nna', language, title)).statusCode).toBe(201);
    }
    expect((await link('only-french', 'fr', 'Guide seulement en français')).statusCode).toBe(201);
    s = await createSession({ code: 'PR-1', capacity: 5 });
    await call(t.app, 'POST', `/api/training/sessions/${s.id}/enrolments`, { session: coordinator, body: { userIds: [elegibilidad.userId, supervisor.userId] } });
  });

  it('the coordinator assigns guides by code (an unknown code named) and removes them; audited once', async () => {
    const assign = (code: string) => call(t.app, 'POST', `/api/training/sessions/${s.id}/guides`, { session: coordinator, body: { code } });
    expect(fieldErrors(await assign('no-such-guide'))).toEqual([{ field: 'code', code: 'validation.unknown_reference' }]);
    for (const code of ['guia-nna', 'guia-nna', 'only-french']) expect((await assign(code)).statusCode).toBe(200);
    expect((await auditEvents(t.db, 'training.session_guide_assigned')).filter((e) => e.entity_id === s.id)).toHaveLength(2);
    const removed = await call(t.app, 'DELETE', `/api/training/sessions/${s.id}/guides/only-french`, { session: coordinator });
    expect(removed.json<TTrainingSession>().guides.map((g) => g.code)).toEqual(['guia-nna']);
    await assign('only-french');
    expectProblem(await call(t.app, 'POST', `/api/training/sessions/${s.id}/guides`, { session: elegibilidad, body: { code: 'guia-nna' } }), 403, 'FORBIDDEN');
  });

  it('each participant gets the latest version in their language, else Spanish, else any', async () => {
    const spanish = (await mine(elegibilidad)).find((e) => e.session.code === 'PR-1')!;
    expect(spanish.guides.map((g) => [g.code, g.language, g.title, g.acknowledgedAt])).toEqual([
      ['guia-nna', 'es-MX', 'Entrevista a NNA (v2)', null], ['only-french', 'fr', 'Guide seulement en français', null]]);
    await call(t.app, 'PUT', '/api/auth/language', { session: supervisor, body: { language: 'en' } });
    const english = (await mine(supervisor)).find((e) => e.session.code === 'PR-1')!;
    expect(english.guides.map((g) => [g.code, g.language, g.title])).toEqual([
      ['only-french', 'fr', 'Guide seulement en français'], ['guia-nna', 'en', 'Interviewing children']]);
    await call(t.app, 'PUT', '/api/auth/language', { session: supervisor, body: { language: 'es-MX' } });
  });

  it('a participant acknowledges a guide (idempotent); the coordinator sees who has and who has not', async () => {
    const guide = (await mine(elegibilidad)).find((e) => e.session.code === 'PR-1')!.guides.find((g) => g.code === 'guia-nna')!;
    const ack = () => call(t.app, 'POST', `/api/training/sessions/${s.id}/guides/guia-nna/acknowledgement`, { session: elegibilidad, body: { guideId: guide.guideId } });
    const first = await ack();
    expect(first.statusCode, first.body).toBe(200);
    const at = first.json<TMyEnrolment>().guides.find((g) => g.code === 'guia-nna')!.acknowledgedAt;
    expect(at).toEqual(expect.any(String));
    expect((await ack()).json<TMyEnrolment>().guides.find((g) => g.code === 'guia-nna')!.acknowledgedAt).toBe(at);
    expect((await auditEvents(t.db, 'training.guide_acknowledged')).filter((e) => e.details.sessionId === s.id)).toHaveLength(1);
    const other = (await call(t.app, 'GET', '/api/training/guides?code=only-french', { session: coordinator })).json<Array<{ id: string }>>()[0]!;
    expect(fieldErrors(await call(t.app, 'POST', `/api/training/sessions/${s.id}/guides/guia-nna/acknowledgement`, {
      session: elegibilidad, body: { guideId: other.id } }))).toEqual([{ field: 'guideId', code: 'validation.unknown_reference' }]);
    expectProblem(await call(t.app, 'POST', `/api/training/sessions/${s.id}/guides/guia-nna/acknowledgement`, {
      session: registro, body: { guideId: guide.guideId } }), 404, 'NOT_FOUND');

    const seen = await getSession(s.id);
    const nna = seen.guides.find((g) => g.code === 'guia-nna')!;
    expect(nna.progress).toEqual({ acknowledged: 1, enrolled: 2, pending: [{ userId: supervisor.userId, fullName: expect.any(String) }] });
    // A participant sees the guides, not the others' progress.
    expect((await getSession(s.id, elegibilidad)).guides.every((g) => g.progress === null)).toBe(true);
  });
});
