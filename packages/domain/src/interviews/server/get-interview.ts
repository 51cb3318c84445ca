import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import type { TInterview } from '../interviews.schemas.ts';
import { readRecord } from './read-record.ts';

/** The whole interview record for a reader of its claim; every read is audited (ADR 025). */
export async function getInterview(db: Queryable, ctx: RequestContext, id: string): Promise<TInterview> {
  const actor = actorOf(ctx);
  const key = await loadInterviewFor(db, actor, id, 'read');
  const record = await readRecord(db, actor, key);
  await recordAudit(db, ctx, { action: 'interview.viewed', entityType: 'interview', entityId: id, officeId: key.office_id,
    details: { claimId: key.claim_id, status: key.status } });
  return record;
}
