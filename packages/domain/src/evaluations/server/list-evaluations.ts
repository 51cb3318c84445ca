import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { requireScope } from '../../shared/scope.ts';
import type { z } from 'zod';
import type { ZEvaluationSummary } from '../evaluations.schemas.ts';

/**
 * The actions a reader may see: every one with an operation-wide report scope (the observer, the
 * auditor), otherwise their own institution's — an action belongs to the institution it trained.
 */
export function actionScope(ctx: RequestContext, column: string, params: unknown[]): string {
  const actor = actorOf(ctx);
  if (requireScope(actor, 'read', 'report') === 'all') return 'true';
  params.push(actor.institutionId);
  return `${column} = $${params.length}`;
}

export async function listEvaluations(db: Queryable, ctx: RequestContext): Promise<Array<z.infer<typeof ZEvaluationSummary>>> {
  const params: unknown[] = [actorOf(ctx).operationId];
  const scope = actionScope(ctx, 'a.institution_id', params);
  const { rows } = await db.query<z.infer<typeof ZEvaluationSummary>>(
    `SELECT a.id, a.title, a.kind, a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
            (SELECT count(*) FROM capacity_action_sessions s WHERE s.action_id = a.id)::int AS sessions
       FROM capacity_actions a WHERE a.operation_id = $1 AND ${scope} ORDER BY a.starts_on DESC, a.title`, params);
  return rows;
}
