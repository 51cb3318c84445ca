import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TDecisionPage } from '../decisions.schemas.ts';
import { decisionPage } from './decision-view.ts';

export interface GetDecisionOptions {
  claimId: string;
}

/** A claim's decision page: who reads a decision is recorded, as for the claim file (ADR 006, 012). */
export async function getDecision(db: Database, ctx: RequestContext, options: GetDecisionOptions): Promise<TDecisionPage> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const page = await decisionPage(tx, actor, claim);
    await recordAudit(tx, ctx, {
      action: 'decision.viewed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: page.decision?.id ?? null, status: page.decision?.status ?? null, redacted: page.decision?.redacted ?? false },
    });
    return page;
  });
}
