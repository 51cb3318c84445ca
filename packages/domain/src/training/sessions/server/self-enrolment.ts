import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';
import { competencyTitles } from '../../competencies/server/gating.ts';
import type {
  TMyEnrolment, TTrainingSession, TTrainingSessionSummary, ZApproveRequestInput, ZRejectRequestInput, ZWithdrawRequestInput,
} from '../sessions.schemas.ts';
import { candidates, listMyEnrolments } from './enrolments.ts';
import { getTrainingSession, listTrainingSessions, sessionClosed } from './sessions.ts';
import { todayIn } from '../../../shared/time.ts';
import { mayManageTraining } from '../../../shared/policies/training-session.policy.ts';

/** The day a session starts: its online part, else its first day. $1 is the session id column. */
const STARTS_ON = (s: string) => `coalesce(${s}.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = ${s}.id))`;

/**
 * Sessions the caller may ask a place in: of their institution, taking requests (self-enrolment,
 * planned or open), not yet started, and where they hold no request or place (a withdrawn request
 * may be made again; a rejected one may not).
 */
export async function listRequestableSessions(db: Queryable, ctx: RequestContext): Promise<TTrainingSessionSummary[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM training_sessions s
      WHERE s.operation_id = $1 AND s.institution_id = $2 AND s.self_enrolment AND s.status IN ('planned', 'open')
        AND ${STARTS_ON('s')} >= $4::date
        AND NOT EXISTS (SELECT 1 FROM training_enrolments e WHERE e.session_id = s.id AND e.user_id = $3 AND e.status <> 'cancelled')`,
    [actor.operationId, actor.institutionId, actor.userId, todayIn()]);
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size === 0) return [];
  return (await listTrainingSessions(db, ctx, {})).filter((s) => ids.has(s.id)).toReversed();
}

async function myEnrolment(db: Queryable, ctx: RequestContext, enrolmentId: string): Promise<TMyEnrolment> {
  const found = (await listMyEnrolments(db, ctx, { enrolmentId }))[0];
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** The refusal a requester sees, naming what they lack in their language; they cannot override it. */
async function prerequisitesMissing(db: Queryable, codes: readonly string[], language: Parameters<typeof competencyTitles>[2]): Promise<AppError> {
  const missing = await competencyTitles(db, codes, language);
  return new AppError('PREREQUISITES_MISSING', { params: { missing: missing.join(', ') }, extra: { missing } });
}

/**
 * A staff member asks for a place in a session open to self-enrolment. The request waits for
 * the coordinator. Asking again while a request or place stands changes nothing; after a
 * withdrawal the request is made anew; after a rejection it is refused. Prerequisites are checked
 * as for the coordinator's enrolment, without an override.
 */
export async function requestPlace(db: Database, ctx: RequestContext, sessionId: string): Promise<TMyEnrolment> {
  const actor = actorOf(ctx);
  const enrolmentId = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ institution_id: string; module_id: string; status: string; self_enrolment: boolean; starts_on: string | null }>(
      `SELECT s.institution_id, s.module_id, s.status, s.self_enrolment, ${STARTS_ON('s')}::text AS starts_on
         FROM training_sessions s WHERE s.id = $1 AND s.operation_id = $2 FOR UPDATE OF s`, [sessionId, actor.operationId]);
    const session = rows[0];
    if (!session) throw new AppError('NOT_FOUND');
    if (session.institution_id !== actor.institutionId) throw new AppError('FORBIDDEN');
    const existing = (await tx.query<{ id: string; status: string }>(
      'SELECT id, status FROM training_enrolments WHERE session_id = $1 AND user_id = $2', [sessionId, actor.userId])).rows[0];
    if (existing && ['requested', 'enrolled', 'waitlisted'].includes(existing.status)) return existing.id;
    if (existing?.status === 'rejected') throw new AppError('INVALID_STATE', { extra: { reason: 'request_rejected' } });
    if (session.status === 'completed' || session.status === 'cancelled') throw sessionClosed(session.status);
    const today = todayIn();
    if (!session.self_enrolment || !['planned', 'open'].includes(session.status) || (session.starts_on !== null && session.starts_on < today)) {
      throw new AppError('SELF_ENROLMENT_CLOSED');
    }
    const [me] = await candidates(tx, session.module_id, [actor.userId], today);
    if (!me) throw new AppError('FORBIDDEN');
    if (me.missing.length > 0 && !me.experienced) throw await prerequisitesMissing(tx, me.missing, actor.language);
    const saved = await tx.query<{ id: string }>(
      `INSERT INTO training_enrolments (session_id, user_id, status, requested_by) VALUES ($1, $2, 'requested', $2)
       ON CONFLICT (session_id, user_id) DO UPDATE SET status = 'requested', requested_by = $2, waitlisted_at = NULL, decided_by = NULL,
         decided_at = NULL, decision_reason = NULL, prerequisite_override_reason = NULL, version = training_enrolments.version + 1, updated_at = now()
       RETURNING id`, [sessionId, actor.userId]);
    const id = saved.rows[0]!.id;
    await recordAudit(tx, ctx, { action: 'training.enrolment_requested', entityType: 'training_enrolment', entityId: id,
      details: { sessionId, userId: actor.userId } });
    return id;
  });
  return myEnrolment(db, ctx, enrolmentId);
}

interface PendingRequest {
  user_id: string;
  status: string;
  version: number;
  institution_id: string;
  module_id: string;
  capacity: number;
  session_status: string;
}

/** Locks a request and its session for the coordinator's decision; checks access, version and state. */
async function pendingRequest(tx: Queryable, ctx: RequestContext, sessionId: string, enrolmentId: string, version: number): Promise<PendingRequest> {
  const actor = actorOf(ctx);
  const { rows } = await tx.query<PendingRequest>(
    `SELECT e.user_id, e.status, e.version, s.institution_id, s.module_id, s.capacity, s.status AS session_status
       FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id
      WHERE e.id = $1 AND e.session_id = $2 AND s.operation_id = $3 FOR UPDATE OF e, s`, [enrolmentId, sessionId, actor.operationId]);
  const request = rows[0];
  if (!request) throw new AppError('NOT_FOUND');
  if (!mayManageTraining(actor, request.institution_id)) throw new AppError('FORBIDDEN');
  if (request.session_status === 'completed' || request.session_status === 'cancelled') throw sessionClosed(request.session_status);
  if (request.version !== version) throw versionConflict(await getTrainingSession(tx, ctx, sessionId));
  if (request.status !== 'requested') throw new AppError('INVALID_STATE', { extra: { reason: 'not_requested', currentStatus: request.status } });
  return request;
}

/**
 * The coordinator approves a request: a place if one is free, else the end of the waiting list
 * (ADR 015's order). Prerequisites are checked again, as they may have lapsed since the request;
 * a coordinator who wants to override enrols the person with a reason instead.
 */
export async function approveRequest(db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string,
  input: z.infer<typeof ZApproveRequestInput>): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const request = await pendingRequest(tx, ctx, sessionId, enrolmentId, input.version);
    const [person] = await candidates(tx, request.module_id, [request.user_id], todayIn());
    if (!person) throw new AppError('INVALID_STATE', { extra: { reason: 'user_inactive' } });
    if (person.missing.length > 0 && !person.experienced) throw await prerequisitesMissing(tx, person.missing, actor.language);
    const taken = (await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM training_enrolments WHERE session_id = $1 AND status = 'enrolled'", [sessionId])).rows[0]!.n;
    const status = taken < request.capacity ? 'enrolled' : 'waitlisted';
    await tx.query(
      `UPDATE training_enrolments SET status = $2, waitlisted_at = $3, decided_by = $4, decided_at = now(), decision_reason = NULL,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [enrolmentId, status, status === 'waitlisted' ? new Date().toISOString() : null, actor.userId]);
    await recordAudit(tx, ctx, { action: 'training.request_approved', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId, userId: request.user_id, status } });
  });
  return getTrainingSession(db, ctx, sessionId);
}

/** The coordinator rejects a request with a reason the requester sees. */
export async function rejectRequest(db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string,
  input: z.infer<typeof ZRejectRequestInput>): Promise<TTrainingSession> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const request = await pendingRequest(tx, ctx, sessionId, enrolmentId, input.version);
    await tx.query(
      `UPDATE training_enrolments SET status = 'rejected', decided_by = $2, decided_at = now(), decision_reason = $3,
              version = version + 1, updated_at = now() WHERE id = $1`, [enrolmentId, actor.userId, input.reason]);
    await recordAudit(tx, ctx, { action: 'training.request_rejected', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId, userId: request.user_id, reason: input.reason } });
  });
  return getTrainingSession(db, ctx, sessionId);
}

/** The requester withdraws their own pending request (409 with their current enrolment when stale). */
export async function withdrawRequest(db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string,
  input: z.infer<typeof ZWithdrawRequestInput>): Promise<TMyEnrolment> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string; status: string; version: number }>(
      'SELECT user_id, status, version FROM training_enrolments WHERE id = $1 AND session_id = $2 FOR UPDATE', [enrolmentId, sessionId]);
    const enrolment = rows[0];
    // Someone else's request is not theirs to see.
    if (!enrolment || enrolment.user_id !== actor.userId) throw new AppError('NOT_FOUND');
    if (enrolment.version !== input.version) throw versionConflict(await myEnrolment(tx, ctx, enrolmentId));
    if (enrolment.status !== 'requested') throw new AppError('INVALID_STATE', { extra: { reason: 'not_requested', currentStatus: enrolment.status } });
    await tx.query(
      `UPDATE training_enrolments SET status = 'cancelled', decided_by = $2, decided_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1`, [enrolmentId, actor.userId]);
    await recordAudit(tx, ctx, { action: 'training.request_withdrawn', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId } });
  });
  return myEnrolment(db, ctx, enrolmentId);
}
