import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayReviewDecision } from '../../shared/policies/decision.policy.ts';
import type { TDecision, TReviewCommentInput } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface CommentDecisionOptions {
  claimId: string;
  input: TReviewCommentInput;
}

/**
 * The reviewer's comment on one heading of the EUAA Quality Assurance Tool, rated as the tool
 * rates an indicator (correct, minor error, significant error, not applicable). Kept with the
 * review round, so a decision returned twice shows what was asked each time.
 */
export async function commentDecision(db: Database, ctx: RequestContext, options: CommentDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['in_review']);
    if (!mayReviewDecision(actor, claim, row)) throw new AppError('FORBIDDEN');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO decision_review_comments (operation_id, decision_id, section, rating, comment, author_id, round)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [actor.operationId, row.id, options.input.section, options.input.rating, options.input.comment, actor.userId, row.review_round]);
    await recordAudit(tx, ctx, {
      action: 'decision.comment_added', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: row.id, commentId: rows[0]!.id, section: options.input.section, rating: options.input.rating, round: row.review_round },
    });
    return presentDecision(tx, actor, claim, row.id);
  });
}
