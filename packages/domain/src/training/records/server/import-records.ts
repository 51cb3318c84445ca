/**
 * Imports one file of a session (ADR 016, ADR 023): the file is checked whole against the
 * session's participants and days. Real errors refuse it, each named with its line, and nothing
 * is applied. Rows that match nobody enrolled hold it for review: nothing is applied until the
 * coordinator matches or ignores each of them (`resolveImport`). A file with neither is applied
 * with the completion rule in the same transaction. The same file accepted before (same sha256)
 * is not applied twice.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError, type FieldError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import {
  checkLmsCompletionCsv, checkVideoconferenceCsv, type ImportLineError, type ImportResolutions, type ImportRoster, type UnmatchedEntry,
} from '../csv-import.rules.ts';
import { minutesOfDay } from '../records.rules.ts';
import type { ImportKind, TImportResult, ZImportInput, ZImportResolutionInput } from '../records.schemas.ts';
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

type Checked =
  | { ok: true; unmatched: UnmatchedEntry[]; ignoredLines: number; apply: () => Promise<{ enrolmentIds: string[]; written: number }> }
  | { ok: false; errors: ImportLineError[] };

async function checkLms(
  tx: Queryable, session: RecordsSession, roster: ImportRoster, content: string, resolutions: ImportResolutions, importId: string, actorId: string,
): Promise<Checked> {
  const checked = checkLmsCompletionCsv(content, roster, todayIn(), resolutions);
  if (!checked.ok) return checked;
  return {
    ok: true, unmatched: checked.unmatched, ignoredLines: checked.ignoredLines,
    apply: async () => {
      if (checked.rows.length > 0) {
        await tx.query(
          `INSERT INTO training_online_completions (enrolment_id, completed_on, score, source, import_id, recorded_by)
           SELECT r.enrolment_id, r.completed_on, r.score, 'lms_import', $4, $5
             FROM unnest($1::uuid[], $2::date[], $3::numeric[]) AS r(enrolment_id, completed_on, score)
           ON CONFLICT (enrolment_id) DO UPDATE SET completed_on = EXCLUDED.completed_on, score = EXCLUDED.score, source = 'lms_import',
             import_id = EXCLUDED.import_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [checked.rows.map((r) => r.enrolmentId), checked.rows.map((r) => r.completedOn), checked.rows.map((r) => r.score), importId, actorId]);
      }
      return { enrolmentIds: checked.rows.map((r) => r.enrolmentId), written: checked.rows.length };
    },
  };
}

async function checkVideoconference(
  tx: Queryable, session: RecordsSession, roster: ImportRoster, content: string, resolutions: ImportResolutions, importId: string, actorId: string,
): Promise<Checked> {
  const { rows: days } = await tx.query<{ id: string; day: string; starts_at: string; ends_at: string }>(
    'SELECT id, day::text AS day, starts_at::text AS starts_at, ends_at::text AS ends_at FROM training_session_days WHERE session_id = $1', [session.id]);
  const slots = days.map((d) => ({ id: d.id, day: d.day, start: minutesOfDay(d.starts_at), end: minutesOfDay(d.ends_at) }));
  const checked = checkVideoconferenceCsv(content, roster, slots, resolutions);
  if (!checked.ok) return checked;
  return {
    ok: true, unmatched: checked.unmatched, ignoredLines: checked.ignoredLines,
    apply: async () => {
      if (checked.rows.length > 0) {
        await tx.query(
          `INSERT INTO training_attendance (enrolment_id, session_day_id, minutes_attended, source, import_id, recorded_by)
           SELECT r.enrolment_id, r.day_id, r.minutes, 'videoconference_import', $4, $5
             FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS r(enrolment_id, day_id, minutes)
           ON CONFLICT (enrolment_id, session_day_id) DO UPDATE SET minutes_attended = EXCLUDED.minutes_attended, source = EXCLUDED.source,
             import_id = EXCLUDED.import_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
          [checked.rows.map((r) => r.enrolmentId), checked.rows.map((r) => r.sessionDayId), checked.rows.map((r) => r.minutes), importId, actorId]);
      }
      return { enrolmentIds: [...new Set(checked.rows.map((r) => r.enrolmentId))], written: checked.rows.length };
    },
  };
}

// LMS completions are the coordinator's; a trainer may bring the attendance of their session.
const needFor = (kind: ImportKind) => (kind === 'lms_completion' ? 'manage' : 'record');

interface Held {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  content: string;
}

/**
 * Checks the stored file with the given resolutions and records the verdict: rejected with its
 * line errors, held while identities remain unmatched, or applied with the completion rule.
 */
async function decide(
  tx: Queryable, ctx: RequestContext, session: RecordsSession, held: Held, resolutions: ImportResolutions,
): Promise<{ written: number }> {
  const actor = actorOf(ctx);
  const roster = await loadRoster(tx, session);
  const check = held.kind === 'lms_completion' ? checkLms : checkVideoconference;
  const checked = await check(tx, session, roster, held.content, resolutions, held.id, actor.userId);
  const audit = { entityType: 'training_session', entityId: session.id, details: { kind: held.kind, fileName: held.fileName, sha256: held.sha256 } };
  if (!checked.ok) {
    await tx.query(`UPDATE training_imports SET status = 'rejected', accepted = false, errors = $2, unmatched = '[]' WHERE id = $1`,
      [held.id, JSON.stringify(checked.errors)]);
    await recordAudit(tx, ctx, { action: 'training.import_rejected', ...audit, details: { ...audit.details, errors: checked.errors.length } });
    return { written: 0 };
  }
  if (checked.unmatched.length > 0) {
    await tx.query(`UPDATE training_imports SET status = 'needs_review', accepted = false, unmatched = $2 WHERE id = $1`,
      [held.id, JSON.stringify(checked.unmatched)]);
    await recordAudit(tx, ctx, { action: 'training.import_held', ...audit, details: { ...audit.details, unmatched: checked.unmatched.length } });
    return { written: 0 };
  }
  const applied = await checked.apply();
  const decisions = [...resolutions].map(([key, enrolmentId]) => ({ key, enrolmentId }));
  await tx.query(
    `UPDATE training_imports SET status = 'accepted', accepted = true, unmatched = '[]', resolutions = $2 WHERE id = $1`,
    [held.id, decisions.length > 0 ? JSON.stringify(decisions) : null]);
  await applyCompletion(tx, ctx, session, applied.enrolmentIds);
  await recordAudit(tx, ctx, {
    action: 'training.import_accepted', ...audit,
    details: {
      ...audit.details, records: applied.written,
      ...(decisions.length > 0 ? { matched: decisions.filter((d) => d.enrolmentId).length, ignored: decisions.filter((d) => !d.enrolmentId).length } : {}),
    },
  });
  return { written: applied.written };
}

export async function importRecords(db: Database, ctx: RequestContext, sessionId: string, input: z.infer<typeof ZImportInput>): Promise<TImportResult> {
  const actor = actorOf(ctx);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const rowCount = Math.max(0, input.content.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1);
  return db.transaction(async (tx) => {
    // The session row lock serialises imports of one session: a file sent twice at once is applied once.
    const session = await loadRecordsSession(tx, actor, sessionId, needFor(input.kind), true);
    const previous = await tx.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.session_id = $1 AND i.kind = $2 AND i.sha256 = $3 AND i.accepted`,
      [session.id, input.kind, sha256]);
    if (previous.rows[0]) return presentImport(previous.rows[0], actor.language, 0, true);

    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO training_imports (session_id, kind, file_name, sha256, row_count, accepted, status, content, imported_by)
       VALUES ($1, $2, $3, $4, $5, false, 'rejected', $6, $7) RETURNING id`,
      [session.id, input.kind, input.fileName, sha256, rowCount, input.content, actor.userId]);
    const held: Held = { id: rows[0]!.id, kind: input.kind, fileName: input.fileName, sha256, content: input.content };
    const { written } = await decide(tx, ctx, session, held, new Map());
    const stored = await tx.query<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.id = $1`, [held.id]);
    return presentImport(stored.rows[0]!, actor.language, written);
  });
}

/**
 * The coordinator's decision on a held file: each unmatched identity matched to an enrolled
 * participant or ignored. Every identity must be settled, and only enrolled participants of the
 * session may be named; the file is then checked again and applied, or held again if the
 * session's participants changed meanwhile.
 */
export async function resolveImport(
  db: Database, ctx: RequestContext, sessionId: string, importId: string, input: z.infer<typeof ZImportResolutionInput>,
): Promise<TImportResult> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const found = await tx.query<Held & { status: string; unmatched: UnmatchedEntry[] }>(
      `SELECT id, kind, file_name AS "fileName", sha256, content, status, unmatched FROM training_imports WHERE id = $1 AND session_id = $2`,
      [importId, sessionId]);
    const row = found.rows[0];
    if (!row) throw new AppError('NOT_FOUND');
    const session = await loadRecordsSession(tx, actor, sessionId, needFor(row.kind), true);
    if (row.status !== 'needs_review') throw new AppError('INVALID_STATE');
    const wanted = new Set(row.unmatched.map((u) => u.key));
    const roster = await loadRoster(tx, session);
    const enrolled = new Set(roster.participants.map((p) => p.enrolmentId));
    const fieldErrors: FieldError[] = [];
    const resolutions = new Map<string, string | null>();
    input.resolutions.forEach((r, i) => {
      if (!wanted.has(r.key) || resolutions.has(r.key)) fieldErrors.push({ field: `resolutions.${i}.key`, code: 'validation.invalid_option' });
      else if (r.enrolmentId !== null && !enrolled.has(r.enrolmentId)) fieldErrors.push({ field: `resolutions.${i}.enrolmentId`, code: 'validation.unknown_reference' });
      else resolutions.set(r.key, r.enrolmentId);
    });
    const open = [...wanted].filter((key) => !resolutions.has(key)).length;
    if (fieldErrors.length === 0 && open > 0) fieldErrors.push({ field: 'resolutions', code: 'validation.import_unresolved', params: { count: open } });
    if (fieldErrors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors });

    const previous = await tx.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.session_id = $1 AND i.kind = $2 AND i.sha256 = $3 AND i.accepted`,
      [session.id, row.kind, row.sha256]);
    if (previous.rows[0]) return presentImport(previous.rows[0], actor.language, 0, true);
    const { written } = await decide(tx, ctx, session, row, resolutions);
    const stored = await tx.query<ImportRow>(`SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.id = $1`, [row.id]);
    return presentImport(stored.rows[0]!, actor.language, written);
  });
}
