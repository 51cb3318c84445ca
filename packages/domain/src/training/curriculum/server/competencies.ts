import type { Queryable } from '@refugio/db';
import { type RequestContext, actorOf } from '../../../shared/context.ts';

import type { TCompetency } from '../curriculum.schemas.ts';

/** The competencies modules confer and require, titles in the caller's language (Spanish when missing). */
export async function listCompetencies(db: Queryable, ctx: RequestContext): Promise<TCompetency[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<TCompetency>(
    `SELECT code, coalesce(title ->> $1, title ->> 'es-MX', code) AS title, coalesce(description ->> $1, description ->> 'es-MX', '') AS description
       FROM competencies WHERE active AND operation_id = $2 ORDER BY code`,
    [actor.language, actor.operationId]);
  return rows;
}
