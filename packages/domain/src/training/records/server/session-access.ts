import type { Queryable } from '@refugio/db';
import { AppError } from '../../../shared/errors.ts';
import type { Actor } from '../../../shared/context.ts';
import type { TCompletionRule } from '../records.schemas.ts';
import { mayManageTraining, mayRecordAsTrainer } from '../../../shared/policies/training-session.policy.ts';


export interface RecordsSession {
  id: string;
  code: string;
  format: string;
  language: string;
  institution_id: string;
  module_id: string;
  completion_rule: TCompletionRule;
  validity_months: number | null;
}

/**
 * What a caller may do with a session's records: `manage` (the coordinator of the organising
 * institution: everything) or `record` (also the session's own trainers: attendance and
 * assessment results). Unknown session → NOT_FOUND; a known one out of reach → FORBIDDEN.
 */
export type RecordsAccess = 'manage' | 'record';


/** Loads the session (locked inside a transaction when `lock`) and checks the caller's access. */
export async function loadRecordsSession(
  db: Queryable, actor: Actor, sessionId: string, need: RecordsAccess, lock = false,
): Promise<RecordsSession & { canManage: boolean }> {
  const { rows } = await db.query<RecordsSession>(
    `SELECT s.id, s.code, s.format, s.language, s.institution_id, s.module_id, m.completion_rule, m.validity_months
       FROM training_sessions s JOIN training_modules m ON m.id = s.module_id
      WHERE s.id = $1 AND s.operation_id = $2${lock ? ' FOR UPDATE OF s' : ''}`, [sessionId, actor.operationId]);
  const session = rows[0];
  if (!session) throw new AppError('NOT_FOUND');
  const canManage = mayManageTraining(actor, session.institution_id);
  if (canManage) return { ...session, canManage };
  if (need === 'record') {
    const teaches = await db.query(
      `SELECT 1 FROM training_session_trainers st JOIN trainers t ON t.id = st.trainer_id WHERE st.session_id = $1 AND t.user_id = $2`,
      [sessionId, actor.userId]);
    if (mayRecordAsTrainer(actor, (teaches.rowCount ?? 0) > 0)) return { ...session, canManage };
  }
  throw new AppError('FORBIDDEN');
}

/** The enrolment must be an enrolled participant of the session. */
export async function requireEnrolled(db: Queryable, sessionId: string, enrolmentId: string): Promise<{ user_id: string }> {
  const { rows } = await db.query<{ user_id: string; status: string }>(
    'SELECT user_id, status FROM training_enrolments WHERE id = $1 AND session_id = $2', [enrolmentId, sessionId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  if (rows[0].status !== 'enrolled') throw new AppError('INVALID_STATE', { extra: { reason: 'not_enrolled' } });
  return rows[0];
}
