import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayReviewDecision, maySignDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TDecision, TReturnDecisionInput } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface ReturnDecisionOptions {
  claimId: string;
  input: TReturnDecisionInput;
}

/**
 * Returns the draft to its drafter with the reasons (`return_to_drafting`): by the reviewer while
 * in review, or by the signatory who declines to sign an approved one. Comments stay for the next round.
 */
export async function returnDecision(db: Database, ctx: RequestContext, options: ReturnDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['in_review', 'approved']);
    const allowed = row.status === 'in_review' ? mayReviewDecision(actor, claim, row) : maySignDecision(actor, claim);
    if (!allowed) throw new AppError('FORBIDDEN');
    if (row.version !== options.input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    await tx.query(
      `UPDATE decisions SET status = 'returned', approved_by = NULL, approved_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [row.id]);
    await performStep(tx, ctx, claim.id, 'return_to_drafting', { version: claim.version, reason: options.input.reason },
      { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
