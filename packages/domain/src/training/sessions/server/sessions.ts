import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';

import { AppError, fieldError, FieldErrors } from '../../../shared/errors.ts';
import { actorOf, type RequestContext } from '../../../shared/context.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';
import type {
  TTrainingSession, TTrainingSessionInput, TTrainingSessionSummary, TTrainingModule, TTrainingSessionUpdate, ZTrainingSessionQuery,
  ZTrainingSessionStatusInput,
} from '../sessions.schemas.ts';
import { sessionScheduleIssues } from '../sessions.schemas.ts';
import { sessionGuides } from './guide-reading.ts';
import { mayManageTraining } from '../../../shared/policies/training-session.policy.ts';

/** A {"es-MX","en","fr"} column in the language of parameter $1, Spanish when a translation is missing. */
const title = (column: string) => `coalesce(${column} ->> $1, ${column} ->> 'es-MX', '')`;

/** The catalogue, titles in the caller's language. */
export async function listTrainingModules(db: Queryable, ctx: RequestContext, options: { includeInactive?: boolean } = {}): Promise<TTrainingModule[]> {
  const language = actorOf(ctx).language;
  const { rows } = await db.query<TTrainingModule>(
    `SELECT m.id, m.code, ${title('m.title')} AS title, ${title('m.description')} AS description, m.level,
            m.target_groups AS "targetGroups", m.formats, m.online_hours::float8 AS "onlineHours",
            m.face_to_face_days::float8 AS "faceToFaceDays", m.validity_months AS "validityMonths",
            coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'title', ${title('c.title')}) ORDER BY c.code)
                        FROM training_module_competencies mc JOIN competencies c ON c.code = mc.competency_code
                       WHERE mc.module_id = m.id), '[]') AS competencies,
            coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'title', ${title('c.title')}) ORDER BY c.code)
                        FROM training_module_prerequisites mp JOIN competencies c ON c.code = mp.competency_code
                       WHERE mp.module_id = m.id), '[]') AS prerequisites,
            CASE WHEN m.experience_route IS NULL THEN NULL
                 ELSE jsonb_build_object('roles', m.experience_route -> 'roles', 'months', m.experience_route -> 'months') END AS "experienceRoute",
            m.completion_rule AS "completionRule", m.active
       FROM training_modules m WHERE (m.active OR $3) AND m.operation_id = $2
      ORDER BY m.active DESC, array_position(ARRAY['first_line', 'core', 'advanced', 'specialised', 'trainer'], m.level), m.code`,
    [language, actorOf(ctx).operationId, options.includeInactive ?? false]);
  return rows;
}

const SUMMARY_SELECT = `SELECT s.id, s.code, s.institution_id AS "institutionId", s.module_id AS "moduleId", m.code AS "moduleCode",
    coalesce(m.title ->> $1, m.title ->> 'es-MX') AS "moduleTitle", s.format, s.status, o.name AS "officeName",
    (SELECT min(d.day)::text FROM training_session_days d WHERE d.session_id = s.id) AS "firstDay",
    (SELECT max(d.day)::text FROM training_session_days d WHERE d.session_id = s.id) AS "lastDay",
    s.online_starts_on::text AS "onlineStartsOn", s.capacity,
    (SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled') AS enrolled,
    (SELECT count(*)::int FROM training_enrolments e WHERE e.session_id = s.id AND e.status = 'waitlisted') AS waitlisted
  FROM training_sessions s JOIN training_modules m ON m.id = s.module_id LEFT JOIN offices o ON o.id = s.office_id`;

/** Sessions every staff member may browse (to know what is offered), most recent first. */
export async function listTrainingSessions(db: Queryable, ctx: RequestContext, query: z.infer<typeof ZTrainingSessionQuery>): Promise<TTrainingSessionSummary[]> {
  const actor = actorOf(ctx);
  const params: unknown[] = [actor.language, actor.operationId];
  const where = ['s.operation_id = $2'];
  const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
  if (query.moduleId) add('s.module_id = ?', query.moduleId);
  if (query.status) add('s.status = ?', query.status);
  const dated = `coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id))`;
  if (query.from) add(`${dated} >= ?::date`, query.from);
  if (query.to) add(`${dated} <= ?::date`, query.to);
  const { rows } = await db.query<TTrainingSessionSummary>(
    `${SUMMARY_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${dated} DESC NULLS LAST, s.code LIMIT 500`, params);
  return rows;
}


export async function getTrainingSession(db: Queryable, ctx: RequestContext, id: string): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<Omit<TTrainingSession, 'days' | 'trainers' | 'participants' | 'guides' | 'canManage'>>(
    `${SUMMARY_SELECT.replace('SELECT s.id,', `SELECT s.office_id AS "officeId", s.venue,
       s.video_link AS "videoLink", s.online_ends_on::text AS "onlineEndsOn", s.self_enrolment AS "selfEnrolment", s.language,
       s.version, s.id,`)} WHERE s.id = $2 AND s.operation_id = $3`, [actor.language, id, actor.operationId]);
  const session = rows[0];
  if (!session) throw new AppError('NOT_FOUND');
  const days = (await db.query<TTrainingSession['days'][number]>(
    `SELECT id, day::text, to_char(starts_at, 'HH24:MI') AS "startsAt", to_char(ends_at, 'HH24:MI') AS "endsAt"
       FROM training_session_days WHERE session_id = $1 ORDER BY day`, [id])).rows;
  const trainers = (await db.query<TTrainingSession['trainers'][number]>(
    `SELECT t.id, t.full_name AS "fullName", t.organisation, t.user_id AS "userId"
       FROM training_session_trainers st JOIN trainers t ON t.id = st.trainer_id WHERE st.session_id = $1 ORDER BY st.lead DESC, t.full_name`,
    [id])).rows;
  const canManage = mayManageTraining(actor, session.institutionId);
  const teaches = trainers.some((t) => t.userId === actor.userId);
  const participants = canManage || teaches ? (await db.query<NonNullable<TTrainingSession['participants']>[number]>(
    `SELECT e.id, e.user_id AS "userId", u.full_name AS "fullName", u.username, e.status, to_json(e.waitlisted_at) #>> '{}' AS "waitlistedAt",
            e.prerequisite_override_reason AS "prerequisiteOverrideReason", e.decision_reason AS "decisionReason", e.version
       FROM training_enrolments e JOIN users u ON u.id = e.user_id WHERE e.session_id = $1
      ORDER BY array_position(ARRAY['enrolled', 'requested', 'waitlisted', 'rejected', 'cancelled'], e.status), e.waitlisted_at NULLS FIRST,
               e.updated_at, u.full_name`,
    [id])).rows : null;
  const guides = await sessionGuides(db, id, actor.language, canManage || teaches);
  return { ...session, days, trainers, participants, guides, canManage };
}

type PlaceAndDates = Pick<TTrainingSessionInput, 'format' | 'venue' | 'videoLink' | 'onlineStartsOn' | 'onlineEndsOn' | 'days'>;

/** A format needs its place: a venue in person, a link by videoconference, online dates online. */
function checkSessionInput(input: PlaceAndDates, formats: readonly string[], errors = new FieldErrors()): void {
  if (!formats.includes(input.format) && !(input.format === 'blended' && formats.includes('online'))) errors.add('format', 'validation.format_not_offered');
  const faceToFace = input.format === 'in_person' || input.format === 'blended';
  if (faceToFace && !input.venue) errors.add('venue', 'validation.required');
  if (input.format === 'videoconference' && !input.videoLink) errors.add('videoLink', 'validation.required');
  if ((input.format === 'online' || input.format === 'blended') && !input.onlineStartsOn) errors.add('onlineStartsOn', 'validation.required');
  for (const issue of sessionScheduleIssues(input)) errors.add(issue.path, issue.code);
  if (input.format !== 'online' && input.days.length === 0) errors.add('days', 'validation.too_few_items', { minimum: 1 });
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (d.endsAt <= d.startsAt) errors.add(`days.${i}.endsAt`, 'validation.time_reversed');
    if (seen.has(d.day)) errors.add(`days.${i}.day`, 'validation.duplicate_day');
    seen.add(d.day);
  });
}

export async function createTrainingSession(db: Database, ctx: RequestContext, input: TTrainingSessionInput): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  const module = (await db.query<{ id: string; code: string; formats: string[] }>(
    'SELECT id, code, formats FROM training_modules WHERE id = $1 AND operation_id = $2 AND active', [input.moduleId, actor.operationId])).rows[0];
  if (!module) throw fieldError('moduleId', 'validation.unknown_reference');
  const errors = new FieldErrors();
  checkSessionInput(input, module.formats, errors);
  errors.throwIfAny();
  const id = await db.transaction(async (tx) => {
    if (input.officeId) {
      const office = await tx.query('SELECT 1 FROM offices WHERE id = $1 AND institution_id = $2', [input.officeId, actor.institutionId]);
      if (office.rowCount === 0) throw fieldError('officeId', 'validation.office_out_of_scope');
    }
    const trainers = await tx.query('SELECT id FROM trainers WHERE id = ANY($1::uuid[]) AND active', [input.trainerIds]);
    if (trainers.rowCount !== new Set(input.trainerIds).size) throw fieldError('trainerIds', 'validation.unknown_reference');
    const first = input.onlineStartsOn ?? input.days.map((d) => d.day).toSorted()[0] ?? '';
    const code = input.code ?? `${module.code}-${first}`;
    const taken = await tx.query('SELECT 1 FROM training_sessions WHERE operation_id = $1 AND code = $2', [actor.operationId, code]);
    if (taken.rowCount) throw fieldError('code', 'validation.code_taken');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO training_sessions (module_id, code, format, institution_id, office_id, venue, video_link, online_starts_on,
         online_ends_on, capacity, self_enrolment, language, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13) RETURNING id`,
      [module.id, code, input.format, actor.institutionId, input.officeId, input.venue, input.videoLink, input.onlineStartsOn,
        input.onlineEndsOn, input.capacity, input.selfEnrolment, input.language, actor.userId]);
    const sessionId = rows[0]!.id;
    for (const day of input.days) {
      await tx.query('INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, $3, $4)',
        [sessionId, day.day, day.startsAt, day.endsAt]);
    }
    for (const [index, trainerId] of [...new Set(input.trainerIds)].entries()) {
      await tx.query('INSERT INTO training_session_trainers (session_id, trainer_id, lead) VALUES ($1, $2, $3)', [sessionId, trainerId, index === 0]);
    }
    await recordAudit(tx, ctx, { action: 'training.session_created', entityType: 'training_session', entityId: sessionId,
      details: { code, moduleCode: module.code, format: input.format, capacity: input.capacity, days: input.days.length } });
    return sessionId;
  });
  return getTrainingSession(db, ctx, id);
}

/** Moves a session along planned → open → in_progress → completed (or cancelled); 409 when stale. */
export async function setTrainingSessionStatus(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZTrainingSessionStatusInput>): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ institution_id: string; status: string; version: number }>(
      'SELECT institution_id, status, version FROM training_sessions WHERE id = $1 AND operation_id = $2 FOR UPDATE', [id, actor.operationId]);
    const session = rows[0];
    if (!session) throw new AppError('NOT_FOUND');
    if (!mayManageTraining(actor, session.institution_id)) throw new AppError('FORBIDDEN');
    if (session.version !== input.version) throw versionConflict(await getTrainingSession(tx, ctx, id));
    if (session.status === 'cancelled' || session.status === 'completed') throw sessionClosed(session.status);
    await tx.query('UPDATE training_sessions SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, input.status]);
    await recordAudit(tx, ctx, { action: 'training.session_status_changed', entityType: 'training_session', entityId: id,
      details: { from: session.status, to: input.status } });
  });
  return getTrainingSession(db, ctx, id);
}

/** A cancelled or completed session changes no more. */
export function sessionClosed(status: string): AppError {
  return new AppError('SESSION_CLOSED', { extra: { currentStatus: status } });
}

interface SessionRow {
  institution_id: string;
  code: string;
  format: TTrainingSessionInput['format'];
  status: string;
  version: number;
  venue: string | null;
  video_link: string | null;
  online_starts_on: string | null;
  online_ends_on: string | null;
  capacity: number;
  self_enrolment: boolean;
  language: string;
}

/**
 * Changes a session after creation (ADR 015): place, dates and days, capacity, self-enrolment,
 * language, trainers. The capacity never goes below those enrolled; raising it gives the new
 * places to the waiting list in order. A day that has attendance recorded stays. 409 when stale.
 */
export async function updateTrainingSession(db: Database, ctx: RequestContext, id: string, input: TTrainingSessionUpdate): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<SessionRow>(
      `SELECT institution_id, code, format, status, version, venue, video_link, online_starts_on::text, online_ends_on::text, capacity,
              self_enrolment, language
         FROM training_sessions WHERE id = $1 AND operation_id = $2 FOR UPDATE`, [id, actor.operationId]);
    const before = rows[0];
    if (!before) throw new AppError('NOT_FOUND');
    if (!mayManageTraining(actor, before.institution_id)) throw new AppError('FORBIDDEN');
    if (before.status === 'cancelled' || before.status === 'completed') throw sessionClosed(before.status);
    if (before.version !== input.version) throw versionConflict(await getTrainingSession(tx, ctx, id));

    const errors = new FieldErrors();
    // The format is fixed, so it is offered by definition here.
    checkSessionInput({ ...input, format: before.format }, [before.format], errors);
    const enrolled = (await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM training_enrolments WHERE session_id = $1 AND status = 'enrolled'", [id])).rows[0]!.n;
    if (input.capacity < enrolled) errors.add('capacity', 'validation.capacity_below_enrolled', { enrolled });
    const oldDays = (await tx.query<{ id: string; day: string; starts_at: string; ends_at: string; attended: boolean }>(
      `SELECT d.id, d.day::text, to_char(d.starts_at, 'HH24:MI') AS starts_at, to_char(d.ends_at, 'HH24:MI') AS ends_at,
              EXISTS (SELECT 1 FROM training_attendance a WHERE a.session_day_id = d.id) AS attended
         FROM training_session_days d WHERE d.session_id = $1 ORDER BY d.day`, [id])).rows;
    const newDays = new Map(input.days.map((d) => [d.day, d]));
    for (const old of oldDays) {
      if (old.attended && !newDays.has(old.day)) errors.add('days', 'validation.day_has_attendance', { day: old.day });
    }
    const trainerIds = [...new Set(input.trainerIds)];
    const trainers = await tx.query<{ id: string }>('SELECT id FROM trainers WHERE id = ANY($1::uuid[]) AND active', [trainerIds]);
    const oldTrainers = (await tx.query<{ trainer_id: string }>(
      'SELECT trainer_id FROM training_session_trainers WHERE session_id = $1 ORDER BY lead DESC, trainer_id', [id])).rows.map((r) => r.trainer_id);
    // A trainer already on the session stays even if since deactivated in the roster.
    const known = new Set([...trainers.rows.map((r) => r.id), ...oldTrainers]);
    if (trainerIds.some((t) => !known.has(t))) errors.add('trainerIds', 'validation.unknown_reference');
    errors.throwIfAny();

    await tx.query(
      `UPDATE training_sessions SET venue = $2, video_link = $3, online_starts_on = $4, online_ends_on = $5, capacity = $6, self_enrolment = $7,
              language = $8, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, input.venue, input.videoLink, input.onlineStartsOn, input.onlineEndsOn, input.capacity, input.selfEnrolment, input.language]);
    // Days are matched by date, so a kept day keeps its id and the attendance recorded on it.
    const oldByDay = new Map(oldDays.map((d) => [d.day, d]));
    for (const old of oldDays) {
      if (!newDays.has(old.day)) await tx.query('DELETE FROM training_session_days WHERE id = $1', [old.id]);
    }
    for (const day of input.days) {
      const old = oldByDay.get(day.day);
      if (!old) {
        await tx.query('INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, $3, $4)', [id, day.day, day.startsAt, day.endsAt]);
      } else if (old.starts_at !== day.startsAt || old.ends_at !== day.endsAt) {
        await tx.query('UPDATE training_session_days SET starts_at = $2, ends_at = $3 WHERE id = $1', [old.id, day.startsAt, day.endsAt]);
      }
    }
    const trainersChanged = oldTrainers[0] !== trainerIds[0] || oldTrainers.length !== trainerIds.length
      || trainerIds.some((t) => !oldTrainers.includes(t));
    if (trainersChanged) {
      await tx.query('DELETE FROM training_session_trainers WHERE session_id = $1', [id]);
      for (const [index, trainerId] of trainerIds.entries()) {
        await tx.query('INSERT INTO training_session_trainers (session_id, trainer_id, lead) VALUES ($1, $2, $3)', [id, trainerId, index === 0]);
      }
    }
    const daysChanged = JSON.stringify(oldDays.map((d) => [d.day, d.starts_at, d.ends_at]))
      !== JSON.stringify(input.days.map((d) => [d.day, d.startsAt, d.endsAt]).toSorted((a, b) => a[0]!.localeCompare(b[0]!)));
    const changed = [
      before.venue !== input.venue && 'venue', before.video_link !== input.videoLink && 'videoLink',
      before.online_starts_on !== input.onlineStartsOn && 'onlineStartsOn', before.online_ends_on !== input.onlineEndsOn && 'onlineEndsOn',
      before.capacity !== input.capacity && 'capacity', before.self_enrolment !== input.selfEnrolment && 'selfEnrolment',
      before.language !== input.language && 'language', daysChanged && 'days', trainersChanged && 'trainerIds',
    ].filter((f): f is string => Boolean(f));
    await recordAudit(tx, ctx, { action: 'training.session_updated', entityType: 'training_session', entityId: id,
      details: { code: before.code, changed, ...(before.capacity !== input.capacity ? { capacity: { before: before.capacity, after: input.capacity } } : {}) } });
    // New places go to the waiting list in order (ADR 015).
    const free = input.capacity - enrolled;
    if (free > 0) {
      const promoted = await tx.query<{ id: string }>(
        `UPDATE training_enrolments SET status = 'enrolled', version = version + 1, updated_at = now()
          WHERE id IN (SELECT id FROM training_enrolments WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlisted_at, id LIMIT $2)
          RETURNING id`, [id, free]);
      for (const row of promoted.rows) {
        await recordAudit(tx, ctx, { action: 'training.enrolment_promoted', entityType: 'training_enrolment', entityId: row.id,
          details: { sessionId: id, capacity: input.capacity } });
      }
    }
  });
  return getTrainingSession(db, ctx, id);
}
