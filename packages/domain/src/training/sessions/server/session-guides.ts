import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import type { TMyEnrolment, TTrainingSession } from '../sessions.schemas.ts';
import { listMyEnrolments } from './enrolments.ts';
import { getTrainingSession, sessionClosed } from './sessions.ts';
import { mayManageTraining } from '../../../shared/policies/training-session.policy.ts';

/** Locks the session for its coordinator's change to the pre-reading. */
async function managedOpenSession(tx: Queryable, ctx: RequestContext, sessionId: string): Promise<void> {
  const actor = actorOf(ctx);
  const { rows } = await tx.query<{ institution_id: string; status: string }>(
    'SELECT institution_id, status FROM training_sessions WHERE id = $1 AND operation_id = $2 FOR UPDATE', [sessionId, actor.operationId]);
  const session = rows[0];
  if (!session) throw new AppError('NOT_FOUND');
  if (!mayManageTraining(actor, session.institution_id)) throw new AppError('FORBIDDEN');
  if (session.status === 'completed' || session.status === 'cancelled') throw sessionClosed(session.status);
}

/**
 * Gives a guide of the library (by code: every language and version follows) to a session as
 * pre-reading. Assigning it again changes nothing and writes no audit event.
 */
export async function assignSessionGuide(db: Database, ctx: RequestContext, sessionId: string, code: string): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    await managedOpenSession(tx, ctx, sessionId);
    const guide = await tx.query('SELECT 1 FROM training_guides WHERE operation_id = $1 AND code = $2 LIMIT 1', [actor.operationId, code]);
    if (guide.rowCount === 0) throw fieldError('code', 'validation.unknown_reference');
    const added = await tx.query(
      'INSERT INTO training_session_guides (session_id, operation_id, guide_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [sessionId, actor.operationId, code]);
    if (added.rowCount === 0) return;
    await recordAudit(tx, ctx, { action: 'training.session_guide_assigned', entityType: 'training_session', entityId: sessionId, details: { guideCode: code } });
  });
  return getTrainingSession(db, ctx, sessionId);
}

/** Takes a guide off a session's pre-reading (acknowledgements already given are kept). */
export async function removeSessionGuide(db: Database, ctx: RequestContext, sessionId: string, code: string): Promise<TTrainingSession> {
  await db.transaction(async (tx) => {
    await managedOpenSession(tx, ctx, sessionId);
    const removed = await tx.query('DELETE FROM training_session_guides WHERE session_id = $1 AND guide_code = $2', [sessionId, code]);
    if (removed.rowCount === 0) return;
    await recordAudit(tx, ctx, { action: 'training.session_guide_removed', entityType: 'training_session', entityId: sessionId, details: { guideCode: code } });
  });
  return getTrainingSession(db, ctx, sessionId);
}

/**
 * An enrolled participant says they have read the version of a pre-reading guide they were
 * given. Saying it again changes nothing (the first acknowledgement's time stays).
 */
export async function acknowledgeGuide(db: Database, ctx: RequestContext, sessionId: string, code: string, guideId: string): Promise<TMyEnrolment> {
  const actor = actorOf(ctx);
  const enrolmentId = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; status: string }>(
      'SELECT id, status FROM training_enrolments WHERE session_id = $1 AND user_id = $2', [sessionId, actor.userId]);
    const enrolment = rows[0];
    if (!enrolment) throw new AppError('NOT_FOUND');
    if (enrolment.status !== 'enrolled') throw new AppError('INVALID_STATE', { extra: { reason: 'not_enrolled', currentStatus: enrolment.status } });
    const assigned = await tx.query('SELECT 1 FROM training_session_guides WHERE session_id = $1 AND guide_code = $2', [sessionId, code]);
    if (assigned.rowCount === 0) throw new AppError('NOT_FOUND');
    const version = (await tx.query<{ language: string; version: number }>(
      'SELECT language, version FROM training_guides WHERE id = $1 AND code = $2 AND operation_id = $3', [guideId, code, actor.operationId])).rows[0];
    if (!version) throw fieldError('guideId', 'validation.unknown_reference');
    const added = await tx.query(
      'INSERT INTO training_guide_acknowledgements (enrolment_id, guide_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [enrolment.id, guideId]);
    if (added.rowCount && added.rowCount > 0) {
      await recordAudit(tx, ctx, { action: 'training.guide_acknowledged', entityType: 'training_enrolment', entityId: enrolment.id,
        details: { sessionId, guideCode: code, guideId, language: version.language, version: version.version } });
    }
    return enrolment.id;
  });
  const mine = (await listMyEnrolments(db, ctx, { enrolmentId }))[0];
  if (!mine) throw new AppError('NOT_FOUND');
  return mine;
}
