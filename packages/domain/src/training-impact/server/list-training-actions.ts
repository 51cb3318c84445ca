import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TTrainingAction } from '../training-impact.schemas.ts';

/**
 * The actions the comparison offers: each session that granted someone its module's competencies,
 * newest first, with its first and last day (online part included) and how many it trained. The
 * reader may widen the dates to take in several sessions of the module (one action, ADR 045).
 */
export async function listTrainingActions(db: Queryable, ctx: RequestContext): Promise<TTrainingAction[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<TTrainingAction>(
    `SELECT * FROM (
       SELECT s.id AS "sessionId", s.code AS "sessionCode", m.id AS "moduleId", m.code AS "moduleCode",
              coalesce(m.title ->> $1, m.title ->> 'es-MX') AS "moduleTitle",
              coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id))::text AS "from",
              coalesce(greatest(s.online_ends_on, (SELECT max(d.day) FROM training_session_days d WHERE d.session_id = s.id)), s.online_starts_on)::text AS "to",
              (SELECT count(DISTINCT e.user_id) FROM training_enrolments e JOIN competency_grants g ON g.enrolment_id = e.id AND g.source = 'training' AND g.revoked_at IS NULL
                WHERE e.session_id = s.id)::int AS trained
         FROM training_sessions s JOIN training_modules m ON m.id = s.module_id
        WHERE s.operation_id = $2 AND s.status <> 'cancelled') a
      WHERE a.trained > 0 AND a."from" IS NOT NULL ORDER BY a."from" DESC, a."sessionCode"`, [actor.language, actor.operationId]);
  return rows;
}
