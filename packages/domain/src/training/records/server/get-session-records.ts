import type { Queryable } from '@refugio/db';
import { translate } from '../../../i18n/catalogs.ts';
import type { Language } from '../../../shared/limits.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { IMPORT_ERROR_KEYS, type ImportLineError } from '../csv-import.rules.ts';
import { minutesOfDay } from '../records.rules.ts';
import type { IMPORT_STATUSES, ImportKind, TImportResult, TParticipantRecords, TSessionRecords, TUnmatchedRow } from '../records.schemas.ts';

type ImportStatus = (typeof IMPORT_STATUSES)[number];
import { completionStatuses } from './completion.ts';
import { loadRecordsSession, type RecordsSession } from './session-access.ts';

export interface ImportRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  row_count: number;
  accepted: boolean;
  status: ImportStatus;
  errors: ImportLineError[];
  unmatched: TUnmatchedRow[];
  imported_at: Date;
  imported_by: string | null;
}

export const IMPORT_COLUMNS = `i.id, i.kind, i.file_name, i.row_count, i.accepted, i.status, i.errors, i.unmatched, i.imported_at,
  (SELECT full_name FROM users WHERE id = i.imported_by) AS imported_by`;

/** A stored verdict in the reader's language (the rows keep codes, not sentences). */
export function presentImport(row: ImportRow, language: Language, recordsWritten = 0, alreadyImported = false): TImportResult {
  return {
    id: row.id, kind: row.kind, fileName: row.file_name, rowCount: row.row_count, accepted: row.accepted, status: row.status,
    unmatched: row.status === 'needs_review' ? row.unmatched : [], alreadyImported, recordsWritten,
    errors: row.errors.map((e) => ({
      line: e.line, field: e.field, code: e.code,
      message: translate(language, IMPORT_ERROR_KEYS[e.code], { line: e.line, ...e.params }),
    })),
    importedAt: row.imported_at.toISOString(),
    importedBy: row.imported_by,
  };
}

/** Each enrolled participant's records, status, grants in force and certificate. */
export async function participantRecords(db: Queryable, session: RecordsSession, enrolmentIds?: readonly string[]): Promise<TParticipantRecords[]> {
  const filter = enrolmentIds ? 'AND e.id = ANY($2::uuid[])' : '';
  const params: unknown[] = enrolmentIds ? [session.id, enrolmentIds] : [session.id];
  const { rows } = await db.query<{
    enrolment_id: string; user_id: string; full_name: string; username: string; email: string | null;
    online: { completedOn: string; score: number | null; source: string } | null;
    attendance: Array<{ sessionDayId: string; minutes: number; source: string }>;
    assessment: { score: number; notes: string | null } | null;
    granted: string[];
    certificate: { id: string; verificationCode: string; revoked: boolean } | null;
  }>(
    `SELECT e.id AS enrolment_id, u.id AS user_id, u.full_name, u.username, u.email,
            (SELECT json_build_object('completedOn', oc.completed_on, 'score', oc.score::float8, 'source', oc.source)
               FROM training_online_completions oc WHERE oc.enrolment_id = e.id) AS online,
            coalesce((SELECT json_agg(json_build_object('sessionDayId', ta.session_day_id, 'minutes', ta.minutes_attended, 'source', ta.source))
               FROM training_attendance ta WHERE ta.enrolment_id = e.id), '[]') AS attendance,
            (SELECT json_build_object('score', a.score::float8, 'notes', a.notes) FROM training_assessments a WHERE a.enrolment_id = e.id) AS assessment,
            ARRAY(SELECT g.competency_code FROM competency_grants g WHERE g.enrolment_id = e.id AND g.revoked_at IS NULL ORDER BY 1) AS granted,
            (SELECT json_build_object('id', c.id, 'verificationCode', c.verification_code, 'revoked', c.revoked_at IS NOT NULL)
               FROM training_certificates c WHERE c.enrolment_id = e.id) AS certificate
       FROM training_enrolments e JOIN users u ON u.id = e.user_id
      WHERE e.session_id = $1 AND e.status = 'enrolled' ${filter}
      ORDER BY u.full_name, u.username`, params);
  const statuses = await completionStatuses(db, session, enrolmentIds);
  return rows.map((r) => {
    const { userId: _userId, ...status } = statuses.get(r.enrolment_id)!;
    return {
      enrolmentId: r.enrolment_id, userId: r.user_id, fullName: r.full_name, username: r.username, email: r.email,
      online: r.online, attendance: r.attendance, assessment: r.assessment, status, grantedCompetencies: r.granted, certificate: r.certificate,
    };
  });
}

/** The records page of a session: days, participants with their status, the imports made. */
export async function getSessionRecords(db: Queryable, ctx: RequestContext, sessionId: string): Promise<TSessionRecords> {
  const actor = actorOf(ctx);
  const session = await loadRecordsSession(db, actor, sessionId, 'record');
  const lang = actor.language;
  const module = await db.query<{ title: string; competencies: Array<{ code: string; title: string }> }>(
    `SELECT coalesce(m.title ->> $2, m.title ->> 'es-MX') AS title,
            coalesce((SELECT json_agg(json_build_object('code', c.code, 'title', coalesce(c.title ->> $2, c.title ->> 'es-MX')) ORDER BY c.code)
               FROM training_module_competencies mc JOIN competencies c ON c.code = mc.competency_code WHERE mc.module_id = m.id), '[]') AS competencies
       FROM training_modules m WHERE m.id = $1`, [session.module_id, lang]);
  const days = await db.query<{ id: string; day: string; starts_at: string; ends_at: string }>(
    `SELECT id, day::text AS day, to_char(starts_at, 'HH24:MI') AS starts_at, to_char(ends_at, 'HH24:MI') AS ends_at
       FROM training_session_days WHERE session_id = $1 ORDER BY day`, [session.id]);
  const imports = await db.query<ImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM training_imports i WHERE i.session_id = $1 ORDER BY i.imported_at DESC LIMIT 20`, [session.id]);
  return {
    session: {
      id: session.id, code: session.code, format: session.format, language: session.language as Language,
      moduleTitle: module.rows[0]!.title, completionRule: session.completion_rule, validityMonths: session.validity_months,
      competencies: module.rows[0]!.competencies,
    },
    days: days.rows.map((d) => ({
      id: d.id, day: d.day, startsAt: d.starts_at, endsAt: d.ends_at, minutes: Math.round(minutesOfDay(d.ends_at) - minutesOfDay(d.starts_at)),
    })),
    participants: await participantRecords(db, session),
    imports: imports.rows.map((row) => presentImport(row, lang)),
    canManage: session.canManage,
  };
}
