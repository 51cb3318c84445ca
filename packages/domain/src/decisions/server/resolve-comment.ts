import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import type { TDecision } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface ResolveCommentOptions {
  claimId: string;
  commentId: string;
}

/** The drafter marks a review comment dealt with (a returned draft corrected); the comment stays. */
export async function resolveComment(db: Database, ctx: RequestContext, options: ResolveCommentOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update');
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['draft', 'returned']);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    const { rows } = await tx.query<{ resolved: boolean }>(
      `UPDATE decision_review_comments SET resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $3)
        WHERE id = $1 AND decision_id = $2 RETURNING true AS resolved`, [options.commentId, row.id, actor.userId]);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'decision.comment_resolved', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: row.id, commentId: options.commentId },
    });
    return presentDecision(tx, actor, claim, row.id);
  });
}
