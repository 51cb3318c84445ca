import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TInterviewSummary } from '../interviews.schemas.ts';
import { SUMMARY_SELECT } from './read-record.ts';

/**
 * A claim's interviews, the latest first: when, who, on which questionnaire version, where they
 * stand. No content, so (like the claim's other lists, ADR 012) not audited on its own; opening
 * one is.
 */
export async function listClaimInterviews(db: Queryable, ctx: RequestContext, claimId: string): Promise<TInterviewSummary[]> {
  await loadClaimFor(db, actorOf(ctx), claimId, 'read');
  const { rows } = await db.query<TInterviewSummary>(`${SUMMARY_SELECT} WHERE i.claim_id = $1 ORDER BY i.started_at DESC`, [claimId]);
  return rows;
}
