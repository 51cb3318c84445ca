/**
 * Records entered by hand, one cell at a time: a PUT sets (or with null clears) the record, and
 * the completion rule is applied again in the same transaction. Online completions are the
 * coordinator's; attendance and assessment results also the session's trainers'. Each write
 * names the value it replaces, so two people (or a person and an import) never overwrite each
 * other's record unseen.
 */
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { fieldError } from '../../../shared/errors.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import type { TParticipantRecords, ZAssessmentInput, ZAttendanceInput, ZOnlineCompletionInput } from '../records.schemas.ts';
import { applyCompletion } from './completion.ts';
import { participantRecords } from './get-session-records.ts';
import { loadRecordsSession, requireEnrolled, type RecordsAccess, type RecordsSession } from './session-access.ts';
import { todayIn } from '../../../shared/time.ts';

type Part = 'online' | 'attendance' | 'assessment';

/** The cell a write replaces, as the participant's records show it. */
type Cell = (records: TParticipantRecords) => string | number | null;

async function changeRecord(
  db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string, need: RecordsAccess, part: Part,
  expected: string | number | null, cell: Cell,
  write: (tx: Queryable, session: RecordsSession) => Promise<{ before: unknown; after: unknown }>,
): Promise<TParticipantRecords> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const session = await loadRecordsSession(tx, actor, sessionId, need, true);
    await requireEnrolled(tx, session.id, enrolmentId);
    // The session row is locked: writes to its records run one after another, each against what the last one left.
    const current = (await participantRecords(tx, session, [enrolmentId]))[0]!;
    if (cell(current) !== expected) throw versionConflict(current);
    const { before, after } = await write(tx, session);
    await recordAudit(tx, ctx, { action: 'training.record_updated', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId, part, before, after } });
    await applyCompletion(tx, ctx, session, [enrolmentId]);
    return (await participantRecords(tx, session, [enrolmentId]))[0]!;
  });
}

const onlineCell: Cell = (records) => records.online?.completedOn ?? null;
const assessmentCell: Cell = (records) => records.assessment?.score ?? null;

export async function setOnlineCompletion(
  db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string, input: z.infer<typeof ZOnlineCompletionInput>,
): Promise<TParticipantRecords> {
  if (input.completedOn !== null && input.completedOn > todayIn()) throw fieldError('completedOn', 'validation.date_in_future');
  return changeRecord(db, ctx, sessionId, enrolmentId, 'manage', 'online', input.expected, onlineCell, async (tx) => {
    const before = (await tx.query<{ completedOn: string; score: number | null }>('SELECT completed_on::text AS "completedOn", score::float8 AS score FROM training_online_completions WHERE enrolment_id = $1', [enrolmentId])).rows[0] ?? null;
    if (input.completedOn === null) {
      await tx.query('DELETE FROM training_online_completions WHERE enrolment_id = $1', [enrolmentId]);
      return { before, after: null };
    }
    await tx.query(
      `INSERT INTO training_online_completions (enrolment_id, completed_on, score, source, recorded_by) VALUES ($1, $2, $3, 'manual', $4)
       ON CONFLICT (enrolment_id) DO UPDATE SET completed_on = EXCLUDED.completed_on, score = EXCLUDED.score, source = 'manual',
         import_id = NULL, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [enrolmentId, input.completedOn, input.score, ctx.actor!.userId]);
    return { before, after: { completedOn: input.completedOn, score: input.score } };
  });
}

export async function setAttendance(
  db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string, input: z.infer<typeof ZAttendanceInput>,
): Promise<TParticipantRecords> {
  const cell: Cell = (records) => records.attendance.find((a) => a.sessionDayId === input.sessionDayId)?.minutes ?? null;
  return changeRecord(db, ctx, sessionId, enrolmentId, 'record', 'attendance', input.expected, cell, async (tx, session) => {
    const day = await tx.query<{ minutes: number }>(
      `SELECT (extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes FROM training_session_days WHERE id = $1 AND session_id = $2`,
      [input.sessionDayId, session.id]);
    if (!day.rows[0]) throw fieldError('sessionDayId', 'validation.unknown_reference');
    if (input.minutes !== null && input.minutes > day.rows[0].minutes) {
      throw fieldError('minutes', 'validation.too_big', { maximum: day.rows[0].minutes });
    }
    const before = (await tx.query<{ minutes: number }>(
      'SELECT minutes_attended AS minutes FROM training_attendance WHERE enrolment_id = $1 AND session_day_id = $2', [enrolmentId, input.sessionDayId])).rows[0]?.minutes ?? null;
    if (input.minutes === null) {
      await tx.query('DELETE FROM training_attendance WHERE enrolment_id = $1 AND session_day_id = $2', [enrolmentId, input.sessionDayId]);
    } else {
      await tx.query(
        `INSERT INTO training_attendance (enrolment_id, session_day_id, minutes_attended, source, recorded_by) VALUES ($1, $2, $3, 'manual', $4)
         ON CONFLICT (enrolment_id, session_day_id) DO UPDATE SET minutes_attended = EXCLUDED.minutes_attended, source = 'manual',
           import_id = NULL, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [enrolmentId, input.sessionDayId, input.minutes, ctx.actor!.userId]);
    }
    return { before: { sessionDayId: input.sessionDayId, minutes: before }, after: { sessionDayId: input.sessionDayId, minutes: input.minutes } };
  });
}

export async function setAssessment(
  db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string, input: z.infer<typeof ZAssessmentInput>,
): Promise<TParticipantRecords> {
  return changeRecord(db, ctx, sessionId, enrolmentId, 'record', 'assessment', input.expected, assessmentCell, async (tx) => {
    const before = (await tx.query<{ score: number }>('SELECT score::float8 AS score FROM training_assessments WHERE enrolment_id = $1', [enrolmentId])).rows[0]?.score ?? null;
    if (input.score === null) {
      await tx.query('DELETE FROM training_assessments WHERE enrolment_id = $1', [enrolmentId]);
    } else {
      await tx.query(
        `INSERT INTO training_assessments (enrolment_id, score, assessed_by, notes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (enrolment_id) DO UPDATE SET score = EXCLUDED.score, assessed_by = EXCLUDED.assessed_by, notes = EXCLUDED.notes, assessed_at = now()`,
        [enrolmentId, input.score, ctx.actor!.userId, input.notes]);
    }
    return { before, after: input.score };
  });
}
