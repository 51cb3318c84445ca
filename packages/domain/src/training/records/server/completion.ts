/**
 * The completion rule applied after every record change, inside the change's transaction: an
 * enrolment that becomes complete grants the module's competencies (the register B reads); one
 * that a corrected record makes incomplete loses them, and its certificate is revoked (ADR 016).
 */
import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../../audit/server/index.ts';
import type { RequestContext } from '../../../shared/context.ts';
import { evaluateCompletion, grantExpiry, minutesOfDay, type CompletionStatus } from '../records.rules.ts';
import type { RecordsSession } from './session-access.ts';
import { todayIn } from '../../../shared/time.ts';

const CORRECTED = 'records corrected: enrolment no longer complete';
const REDATED = 'records corrected: completion date changed';

interface EnrolmentRow {
  id: string;
  user_id: string;
  online_completed_on: string | null;
  assessment_score: string | null;
}

/** Each enrolled participant's status under the module's rule, from the records as they are now. */
export async function completionStatuses(db: Queryable, session: RecordsSession, enrolmentIds?: readonly string[]): Promise<Map<string, CompletionStatus & { userId: string }>> {
  const filter = enrolmentIds ? 'AND e.id = ANY($2::uuid[])' : '';
  const params: unknown[] = enrolmentIds ? [session.id, enrolmentIds] : [session.id];
  // One after the other: inside a transaction the three share one connection.
  const enrolments = await db.query<EnrolmentRow>(
      `SELECT e.id, e.user_id, oc.completed_on::text AS online_completed_on, a.score::text AS assessment_score
         FROM training_enrolments e
         LEFT JOIN training_online_completions oc ON oc.enrolment_id = e.id
         LEFT JOIN training_assessments a ON a.enrolment_id = e.id
        WHERE e.session_id = $1 AND e.status = 'enrolled' ${filter}`, params);
  const days = await db.query<{ id: string; day: string; starts_at: string; ends_at: string }>(
      'SELECT id, day::text AS day, starts_at::text AS starts_at, ends_at::text AS ends_at FROM training_session_days WHERE session_id = $1', [session.id]);
  const attendance = await db.query<{ enrolment_id: string; session_day_id: string; minutes_attended: number }>(
      `SELECT ta.enrolment_id, ta.session_day_id, ta.minutes_attended FROM training_attendance ta
         JOIN training_enrolments e ON e.id = ta.enrolment_id WHERE e.session_id = $1 ${filter}`, params);
  const minutes = new Map(attendance.rows.map((r) => [`${r.enrolment_id}|${r.session_day_id}`, r.minutes_attended]));
  return new Map(enrolments.rows.map((e) => [e.id, {
    userId: e.user_id,
    ...evaluateCompletion(session.completion_rule, {
      onlineCompletedOn: e.online_completed_on,
      assessmentScore: e.assessment_score === null ? null : Number(e.assessment_score),
      days: days.rows.map((d) => ({
        day: d.day,
        scheduledMinutes: Math.round(minutesOfDay(d.ends_at) - minutesOfDay(d.starts_at)),
        minutesAttended: minutes.get(`${e.id}|${d.id}`) ?? null,
      })),
    }),
  }]));
}

/**
 * Brings the competency grants (and certificate) of these enrolments in line with their records.
 * A grant is kept while the completion date is unchanged; a new date revokes it and grants anew.
 */
export async function applyCompletion(tx: Queryable, ctx: RequestContext, session: RecordsSession, enrolmentIds: readonly string[]): Promise<void> {
  if (enrolmentIds.length === 0) return;
  const statuses = await completionStatuses(tx, session, enrolmentIds);
  const { rows: grants } = await tx.query<{ id: string; enrolment_id: string; competency_code: string; granted_on: string }>(
    `SELECT id, enrolment_id, competency_code, granted_on::text AS granted_on FROM competency_grants
      WHERE enrolment_id = ANY($1::uuid[]) AND revoked_at IS NULL`, [enrolmentIds]);
  const { rows: competencies } = await tx.query<{ competency_code: string }>(
    'SELECT competency_code FROM training_module_competencies WHERE module_id = $1 ORDER BY competency_code', [session.module_id]);
  const actorId = ctx.actor?.userId ?? null;
  for (const [enrolmentId, status] of statuses) {
    const held = grants.filter((g) => g.enrolment_id === enrolmentId);
    const stale = held.filter((g) => !status.complete || g.granted_on !== status.completedOn);
    if (stale.length > 0) {
      await tx.query('UPDATE competency_grants SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = ANY($1::uuid[])',
        [stale.map((g) => g.id), actorId, status.complete ? REDATED : CORRECTED]);
      await recordAudit(tx, ctx, { action: 'training.competencies_revoked', entityType: 'training_enrolment', entityId: enrolmentId,
        details: { sessionId: session.id, userId: status.userId, competencies: stale.map((g) => g.competency_code), reason: status.complete ? 'redated' : 'incomplete' } });
    }
    if (!status.complete) {
      await revokeCertificateAutomatically(tx, enrolmentId, actorId);
      continue;
    }
    const kept = new Set(held.filter((g) => !stale.includes(g)).map((g) => g.competency_code));
    const toGrant = competencies.map((c) => c.competency_code).filter((c) => !kept.has(c));
    if (toGrant.length === 0) continue;
    const grantedOn = status.completedOn!;
    await tx.query(
      `INSERT INTO competency_grants (user_id, competency_code, source, module_id, enrolment_id, granted_on, expires_on, renews_grant_id, recorded_by)
       SELECT $1, c.code, 'training', $2, $3, $4::date, $5::date,
              (SELECT g.id FROM competency_grants g
                WHERE g.user_id = $1 AND g.competency_code = c.code AND g.enrolment_id IS DISTINCT FROM $3
                  AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $7::date)
                ORDER BY g.expires_on DESC NULLS FIRST LIMIT 1),
              $6
         FROM unnest($8::text[]) AS c(code)`,
      [status.userId, session.module_id, enrolmentId, grantedOn, grantExpiry(grantedOn, session.validity_months), actorId, todayIn(), toGrant]);
    await recordAudit(tx, ctx, { action: 'training.competencies_granted', entityType: 'training_enrolment', entityId: enrolmentId,
      details: { sessionId: session.id, userId: status.userId, competencies: toGrant, grantedOn, expiresOn: grantExpiry(grantedOn, session.validity_months) } });
  }
}

/** A certificate stands for a completion that no longer holds: revoked, to be issued anew if completed again. */
async function revokeCertificateAutomatically(tx: Queryable, enrolmentId: string, actorId: string | null): Promise<void> {
  await tx.query(
    `UPDATE training_certificates SET revoked_at = now(), revoked_by = $2, revoked_reason = $3, revoked_automatically = true
      WHERE enrolment_id = $1 AND revoked_at IS NULL`, [enrolmentId, actorId, CORRECTED]);
}
