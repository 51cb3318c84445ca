import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayReviewDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TDecision, TDecisionVersionInput } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface ApproveDecisionOptions {
  claimId: string;
  input: TDecisionVersionInput;
}

/** The named reviewer approves the draft as read (its version): the `approve` step, four eyes weighed. */
export async function approveDecision(db: Database, ctx: RequestContext, options: ApproveDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['in_review']);
    if (!mayReviewDecision(actor, claim, row)) throw new AppError('FORBIDDEN');
    if (row.version !== options.input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    await tx.query(
      `UPDATE decisions SET status = 'approved', approved_by = $2, approved_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
      [row.id, actor.userId]);
    await performStep(tx, ctx, claim.id, 'approve', { version: claim.version }, { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
