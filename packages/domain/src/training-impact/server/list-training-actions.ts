import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TTrainingAction } from '../training-impact.schemas.ts';

/**
 * The actions the comparison offers by default: per module, the first days of its sessions that
 * granted someone its competencies, from the earliest to the latest. The reader may narrow the dates.
 */
export async function listTrainingActions(db: Queryable, ctx: RequestContext): Promise<TTrainingAction[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<TTrainingAction>(
    `WITH s AS (
       SELECT s.id, s.module_id, coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id)) AS first_day
         FROM training_sessions s
        WHERE s.operation_id = $2 AND s.status <> 'cancelled'
          AND EXISTS (SELECT 1 FROM training_enrolments e JOIN competency_grants g ON g.enrolment_id = e.id AND g.source = 'training' AND g.revoked_at IS NULL
                       WHERE e.session_id = s.id))
     SELECT m.id AS "moduleId", m.code AS "moduleCode", coalesce(m.title ->> $1, m.title ->> 'es-MX') AS "moduleTitle",
            min(s.first_day)::text AS "from", max(s.first_day)::text AS "to", count(*)::int AS sessions
       FROM s JOIN training_modules m ON m.id = s.module_id WHERE s.first_day IS NOT NULL
      GROUP BY m.id, m.code, 3 ORDER BY m.code`, [actor.language, actor.operationId]);
  return rows;
}
