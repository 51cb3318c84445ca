import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadParticipationFor } from '../../shared/policies/interview.policy.ts';
import type { TMyInterview } from '../interviews.schemas.ts';
import { MINE_SELECT } from './my-interview-rows.ts';

/** One interview an interpreter took part in (their participation; audited). Any other: 404. */
export async function getMyInterview(db: Queryable, ctx: RequestContext, id: string): Promise<TMyInterview> {
  const actor = actorOf(ctx);
  const key = await loadParticipationFor(db, actor, id);
  const { rows: [row] } = await db.query<TMyInterview>(`${MINE_SELECT} WHERE i.id = $1`, [id]);
  await recordAudit(db, ctx, { action: 'interview.participation_viewed', entityType: 'interview', entityId: id, officeId: key.office_id,
    details: { claimId: key.claim_id } });
  return row!;
}
