import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { participationCondition } from '../../shared/policies/interview.policy.ts';
import type { TMyInterview } from '../interviews.schemas.ts';
import { MINE_SELECT } from './my-interview-rows.ts';

/**
 * The interviews an interpreter took part in, the latest first: their participation (when,
 * where, who, breaks, their signature), not the record's content nor the rest of the claim (ADR 024).
 */
export async function listMyInterviews(db: Queryable, ctx: RequestContext): Promise<TMyInterview[]> {
  const actor = actorOf(ctx);
  const params: unknown[] = [actor.operationId];
  const { rows } = await db.query<TMyInterview>(
    `${MINE_SELECT} WHERE i.operation_id = $1 AND ${participationCondition(actor, params)} ORDER BY i.started_at DESC LIMIT 200`, params);
  return rows;
}
