/**
 * Imports one CSV file of a session, all or nothing (ADR 016): the file is checked whole against
 * the session's participants and days; with any bad line nothing is applied and the verdict (each
 * line's number and reason) is kept; an accepted file is applied with the completion rule in the
 * same transaction. The same file accepted before (same sha256) is not applied twice.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { checkLmsCompletionCsv, checkVideoconferenceCsv, type ImportLineError, type ImportRoster } from '../csv-import.rules.ts';
import { minutesOfDay } from '../records.rules.ts';
import type { TImportResult, ZImportInput } from '../records.schemas.ts';
import { applyCompletion } from './completion.ts';
import { IMPORT_COLUMNS, presentImport, type ImportRow } from './get-session-records.ts';
import { loadRecordsSession, type RecordsSession } from './session-access.ts';
import { todayIn } from '../../../shared/time.ts';

async function loadRoster(tx: Queryable, session: RecordsSession): Promise<ImportRoster> {
  const { rows } = await tx.query<{ enrolment_id: string | null; status: string | null; email: string | null; username: string; full_name: string }>(
    `SELECT e.id AS enrolment_id, e.status, u.email, u.username, u.full_name
       FROM users u LEFT JOIN training_enrolments e ON e.user_id = u.id AND e.session_id = $1
      WHERE u.operation_id = (SELECT operation_id FROM training_sessions WHERE id = $1)`, [session.id]);
  const trainers = await tx.query<{ email: string | null; username: string | null }>(
    `SELECT coalesce(u.email, t.email) AS email, u.username FROM training_session_trainers st JOIN trainers t ON t.id = st.trainer_id
       LEFT JOIN users u ON u.id = t.user_id WHERE st.session_id = $1`, [session.id]);
  const person = (r: (typeof rows)[number]) => ({ email: r.email, username: r.username, fullName: r.full_name });
  return {
    participants: rows.filter((r) => r.status === 'enrolled').map((r) => ({ enrolmentId: r.enrolment_id!, ...person(r) })),
    others: rows.filter((r) => r.status !== 'enrolled').map(person),
    skip: new Set(trainers.rows.flatMap((t) => [t.email, t.username]).filter((v): v is string => !!v).map((v) => v.toLowerCase())),
  };
}

type Applied = { ok: true; enrolmentIds: string[]; written: number } | { ok: false; errors: ImportLineError[] };

async function applyLms(tx: Queryable, session: RecordsSession, roster: ImportRoster, content: string, importId: string, actorId: string): Promise<Applied> {
  const checked = checkLmsCompletionCsv(content, roster, todayIn());
  if (!checked.ok) return checked;
  if (checked.rows.length > 0) {
    await tx.query(
      `INSERT INTO training_online_completions (enrolment_id, completed_on, score, source, import_id, recorded_by)
       SELECT r.enrolment_id, r.completed_on, r.score, 'lms_import', $4, $5
         FROM unnest($1::uuid[], $2::date[], $3::numeric[]) AS r(enrolment_id, completed_on, score)
       ON CONFLICT (enrolment_id) DO UPDATE SET completed_on = EXCLUDED.completed_on, score = EXCLUDED.score, source = 'lms_import',
         import_id = EXCLUDED.import_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [checked.rows.map((r) => r.enrolmentId), checked.rows.map((r) => r.completedOn), checked.rows.map((r) => r.score), importId, actorId]);
  }
  return { ok: true, enrolmentIds: checked.rows.map((r) => r.enrolmentId), written: checked.rows.length };
}

async function applyVideoconference(tx: Queryable, session: RecordsSession, roster: ImportRoster, content: string, importId: string, actorId: string): Promise<Applied> {
  const { rows: days } = await tx.query<{ id: string; day: string; starts_at: string; ends_at: string }>(
    'SELECT id, day::text AS day, starts_at::text AS starts_at, ends_at::text AS ends_at FROM training_session_days WHERE session_id = $1', [session.id]);
  const checked = checkVideoconferenceCsv(content, roster, days.map((d) => ({ id: d.id, day: d.day, start: minutesOfDay(d.starts_at), end: minutesOfDay(d.ends_at) })));
  if (!checked.ok) return checked;
  if (checked.rows.length > 0) {
    await tx.query(
      `INSERT INTO training_attendance (enrolment_id, session_day_id, minutes_attended, source, import_id, recorded_by)
       SELECT r.enrolment_id, r.day_id, r.minutes, 'videoconference_import', $4, $5
         FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS r(enrolment_id, day_id, minutes)
       ON CONFLICT (enrolment_id, session_day_id) DO UPDATE SET minutes_attended = EXCLUDED.minutes_attended, source = EXCLUDED.source,
         import_id = EXCLUDED.import_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [checked.rows.map((r) => r.enrolmentId), checked.rows.map((r) => r.sessionDayId), checked.rows.map((r) => r.minutes), importId, actorId]);
  }
  return { ok: true, enrolmentIds: [...new Set(checked.rows.map((r) => r.enrolmentId))], written: checked.rows.length };
}

export async function importRecords(db: Database, ctx: RequestContext, sessionId: string, input: z.infer<typeof ZImportInput>): Promise<TImportResult> {
  const actor = actorOf(ctx);
  // LMS completions are the coordinator's; a trainer may bring the attendance of their session.
  const need = input.kind === 'lms_completion' ? 'manage' : 'record';
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const rowCount = Math.max(0, input.content.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
  return db.transaction(async (tx) => {
    // The session row lock serialises imports of one session: a file sent twice at once is applied once.
    const session = await loadRecordsSession(tx, actor, sessionId, need, true);
    const previous = await tx.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.session_id = $1 AND i.kind = $2 AND i.sha256 = $3 AND i.accepted`,
      [session.id, input.kind, sha256]);
    if (previous.rows[0]) return presentImport(previous.rows[0], actor.language, 0, true);

    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO training_imports (session_id, kind, file_name, sha256, row_count, accepted, content, imported_by)
       VALUES ($1, $2, $3, $4, $5, false, $6, $7) RETURNING id`,
      [session.id, input.kind, input.fileName, sha256, rowCount, input.content, actor.userId]);
    const importId = rows[0]!.id;
    const roster = await loadRoster(tx, session);
    const apply = input.kind === 'lms_completion' ? applyLms : applyVideoconference;
    const applied = await apply(tx, session, roster, input.content, importId, actor.userId);
    const audit = { entityType: 'training_session', entityId: session.id, details: { kind: input.kind, fileName: input.fileName, sha256 } };
    if (applied.ok) {
      await tx.query('UPDATE training_imports SET accepted = true WHERE id = $1', [importId]);
      await applyCompletion(tx, ctx, session, applied.enrolmentIds);
      await recordAudit(tx, ctx, { action: 'training.import_accepted', ...audit, details: { ...audit.details, records: applied.written } });
    } else {
      await tx.query('UPDATE training_imports SET errors = $2 WHERE id = $1', [importId, JSON.stringify(applied.errors)]);
      await recordAudit(tx, ctx, { action: 'training.import_rejected', ...audit, details: { ...audit.details, errors: applied.errors.length } });
    }
    const stored = await tx.query<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.id = $1`, [importId]);
    return presentImport(stored.rows[0]!, actor.language, applied.ok ? applied.written : 0);
  });
}
