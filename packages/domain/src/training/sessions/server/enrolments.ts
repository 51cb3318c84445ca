import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';
import { competencyTitles } from '../../competencies/server/gating.ts';
import type { TEnrolResult, TTrainingSessionSummary, ZCancelEnrolmentInput, ZEnrolInput, ZMyEnrolment } from '../sessions.schemas.ts';
import { enrolmentGuides } from './guide-reading.ts';
import { getTrainingSession, listTrainingSessions, sessionClosed } from './sessions.ts';
import { todayIn } from '../../../shared/time.ts';
import { mayManageTraining } from '../../../shared/policies/training-session.policy.ts';

interface Candidate {
  id: string;
  full_name: string;
  institution_id: string;
  missing: string[];
  experienced: boolean;
}

/**
 * Each candidate with the module's prerequisites they lack today, and whether the module's
 * experience route lets them in anyway: holding one of the route's roles on an account opened at
 * least `months` ago. (Role grants carry no dates yet; a coordinator who knows better records
 * the experience as a competency grant in the register, which satisfies the prerequisite itself.)
 */
export async function candidates(tx: Queryable, moduleId: string, userIds: readonly string[], day: string): Promise<Candidate[]> {
  const { rows } = await tx.query<Candidate>(
    `SELECT u.id, u.full_name, u.institution_id,
            ARRAY(SELECT p.competency_code FROM training_module_prerequisites p
                   WHERE p.module_id = $2 AND NOT EXISTS (
                     SELECT 1 FROM competency_grants g WHERE g.user_id = u.id AND g.competency_code = p.competency_code
                        AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $3::date))
                   ORDER BY p.competency_code) AS missing,
            coalesce((SELECT u.created_at <= ($3::date - make_interval(months => (m.experience_route ->> 'months')::int))
                        AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                     WHERE ur.user_id = u.id AND r.code IN (SELECT jsonb_array_elements_text(m.experience_route -> 'roles')))
                        FROM training_modules m WHERE m.id = $2 AND m.experience_route IS NOT NULL), false) AS experienced
       FROM users u WHERE u.id = ANY($1::uuid[]) AND u.active`,
    [userIds, moduleId, day]);
  return rows;
}

/**
 * Enrols staff of the organising institution: up to capacity, then on the waiting list in
 * order. Those lacking a prerequisite are refused (named, with what they lack) unless the
 * coordinator gives an override reason. Already enrolled people are left as they are, so a
 * retried request enrols nobody twice.
 */
export async function enrolUsers(db: Database, ctx: RequestContext, sessionId: string, input: z.infer<typeof ZEnrolInput>): Promise<TEnrolResult> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ institution_id: string; module_id: string; capacity: number; status: string }>(
      'SELECT institution_id, module_id, capacity, status FROM training_sessions WHERE id = $1 AND operation_id = $2 FOR UPDATE',
      [sessionId, actor.operationId]);
    const session = rows[0];
    if (!session) throw new AppError('NOT_FOUND');
    if (!mayManageTraining(actor, session.institution_id)) throw new AppError('FORBIDDEN');
    if (session.status === 'completed' || session.status === 'cancelled') throw sessionClosed(session.status);
    const wanted = [...new Set(input.userIds)];
    const existing = new Set((await tx.query<{ user_id: string }>(
      `SELECT user_id FROM training_enrolments WHERE session_id = $1 AND user_id = ANY($2::uuid[]) AND status IN ('enrolled', 'waitlisted')`,
      [sessionId, wanted])).rows.map((r) => r.user_id));
    const found = await candidates(tx, session.module_id, wanted.filter((id) => !existing.has(id)), todayIn());
    const result: TEnrolResult = { enrolled: 0, waitlisted: 0, alreadyEnrolled: existing.size, refused: [] };
    const foundIds = new Set(found.map((c) => c.id));
    for (const id of wanted) {
      if (!existing.has(id) && !foundIds.has(id)) result.refused.push({ userId: id, fullName: '', reason: 'not_staff', missing: [] });
    }
    let taken = (await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM training_enrolments WHERE session_id = $1 AND status = 'enrolled'", [sessionId])).rows[0]!.n;
    for (const candidate of found) {
      if (candidate.institution_id !== session.institution_id) {
        result.refused.push({ userId: candidate.id, fullName: candidate.full_name, reason: 'not_staff', missing: [] });
        continue;
      }
      const lacks = candidate.missing.length > 0 && !candidate.experienced;
      if (lacks && !input.prerequisiteOverrideReason) {
        result.refused.push({ userId: candidate.id, fullName: candidate.full_name, reason: 'prerequisites',
          missing: await competencyTitles(tx, candidate.missing, actor.language) });
        continue;
      }
      const status = taken < session.capacity ? 'enrolled' : 'waitlisted';
      if (status === 'enrolled') taken += 1;
      const { rows: saved } = await tx.query<{ id: string }>(
        `INSERT INTO training_enrolments (session_id, user_id, status, waitlisted_at, requested_by, decided_by, decided_at, prerequisite_override_reason)
         VALUES ($1, $2, $3, $4, $5, $5, now(), $6)
         ON CONFLICT (session_id, user_id) DO UPDATE SET status = EXCLUDED.status, waitlisted_at = EXCLUDED.waitlisted_at,
           decided_by = EXCLUDED.decided_by, decided_at = now(), prerequisite_override_reason = EXCLUDED.prerequisite_override_reason,
           version = training_enrolments.version + 1, updated_at = now()
         RETURNING id`,
        [sessionId, candidate.id, status, status === 'waitlisted' ? new Date().toISOString() : null, actor.userId,
          lacks ? input.prerequisiteOverrideReason : null]);
      result[status] += 1;
      await recordAudit(tx, ctx, { action: 'training.enrolled', entityType: 'training_enrolment', entityId: saved[0]!.id,
        details: { sessionId, userId: candidate.id, status, ...(lacks ? { prerequisiteOverride: input.prerequisiteOverrideReason, missing: candidate.missing } : {}) } });
    }
    return result;
  });
}

/** Cancels a place; the first person on the waiting list takes it. */
export async function cancelEnrolment(db: Database, ctx: RequestContext, sessionId: string, enrolmentId: string,
  input: z.infer<typeof ZCancelEnrolmentInput>): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ institution_id: string; status: string; version: number; capacity: number }>(
      `SELECT s.institution_id, e.status, e.version, s.capacity FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id
        WHERE e.id = $1 AND e.session_id = $2 FOR UPDATE OF e, s`, [enrolmentId, sessionId]);
    const enrolment = rows[0];
    if (!enrolment) throw new AppError('NOT_FOUND');
    if (!mayManageTraining(actor, enrolment.institution_id)) throw new AppError('FORBIDDEN');
    if (enrolment.version !== input.version) throw versionConflict(await getTrainingSession(tx, ctx, sessionId));
    if (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted') {
      throw new AppError('INVALID_STATE', { extra: { reason: 'not_enrolled', currentStatus: enrolment.status } });
    }
    await tx.query(`UPDATE training_enrolments SET status = 'cancelled', decision_reason = $2, decided_by = $3, decided_at = now(),
      version = version + 1, updated_at = now() WHERE id = $1`, [enrolmentId, input.reason, actor.userId]);
    await recordAudit(tx, ctx, { action: 'training.enrolment_cancelled', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId, reason: input.reason } });
    if (enrolment.status !== 'enrolled') return;
    const promoted = await tx.query<{ id: string }>(
      `UPDATE training_enrolments SET status = 'enrolled', version = version + 1, updated_at = now()
        WHERE id = (SELECT id FROM training_enrolments WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlisted_at, id LIMIT 1)
        RETURNING id`, [sessionId]);
    if (promoted.rows[0]) {
      await recordAudit(tx, ctx, { action: 'training.enrolment_promoted', entityType: 'training_enrolment', entityId: promoted.rows[0].id,
        details: { sessionId, freedBy: enrolmentId } });
    }
  });
}

/** The caller's own training: what they are enrolled in, waiting for or asked for, with the pre-reading of each. */
export async function listMyEnrolments(db: Queryable, ctx: RequestContext, only?: { enrolmentId: string }): Promise<Array<z.infer<typeof ZMyEnrolment>>> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<{ enrolmentId: string; status: z.infer<typeof ZMyEnrolment>['status']; sessionId: string; version: number;
    decisionReason: string | null }>(
    `SELECT e.id AS "enrolmentId", e.status, e.session_id AS "sessionId", e.version, e.decision_reason AS "decisionReason"
       FROM training_enrolments e
      WHERE e.user_id = $1 AND (e.status <> 'cancelled' OR e.id = $2) AND ($2::uuid IS NULL OR e.id = $2) ORDER BY e.created_at DESC`,
    [actor.userId, only?.enrolmentId ?? null]);
  const sessions = new Map<string, TTrainingSessionSummary>((await listTrainingSessions(db, ctx, {})).map((s) => [s.id, s]));
  const guides = await enrolmentGuides(db, rows, actor.language);
  return rows.flatMap((r) => {
    const session = sessions.get(r.sessionId);
    return session ? [{ enrolmentId: r.enrolmentId, status: r.status, version: r.version, decisionReason: r.decisionReason, session,
      guides: guides.get(r.enrolmentId) ?? [] }] : [];
  });
}
