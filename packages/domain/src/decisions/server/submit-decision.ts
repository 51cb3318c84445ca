import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { loadClaimFor, mayActOnClaim } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TDecision, TSubmitDecisionInput } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface SubmitDecisionOptions {
  claimId: string;
  input: TSubmitDecisionInput;
}

/**
 * Submits the draft for review to a named officer and takes `submit_for_review` in the same
 * transaction (ADR 030): the step's safeguards weigh the reviewer — not the drafter, holding the
 * drafting competency — and a refusal names each unmet one with the field it points at.
 */
export async function submitDecision(db: Database, ctx: RequestContext, options: SubmitDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['draft', 'returned']);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    if (row.version !== options.input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    // The reviewer must be able to approve or return it: active staff of the claim's office who may update its claims.
    const { rows } = await tx.query<{ id: string; institution_id: string; offices: string[]; permissions: string[] }>(
      `SELECT u.id, u.institution_id, ARRAY(SELECT office_id::text FROM user_offices WHERE user_id = u.id) AS offices,
              ARRAY(SELECT DISTINCT rp.permission_code FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE ur.user_id = u.id) AS permissions
         FROM users u WHERE u.id = $1 AND u.active`, [options.input.reviewerId]);
    const reviewer = rows[0];
    const reviewerActor = reviewer && { ...actor, userId: reviewer.id, institutionId: reviewer.institution_id, officeIds: reviewer.offices, permissions: new Set(reviewer.permissions) };
    if (!reviewerActor || !reviewerActor.officeIds.includes(claim.office_id) || !mayActOnClaim(reviewerActor, 'update', claim)) {
      throw fieldError('reviewerId', 'validation.invalid_option');
    }
    await tx.query(
      `UPDATE decisions SET status = 'in_review', reviewer_id = $2, submitted_by = $3, submitted_at = now(), review_round = review_round + 1,
              version = version + 1, updated_at = now() WHERE id = $1`, [row.id, options.input.reviewerId, actor.userId]);
    await performStep(tx, ctx, claim.id, 'submit_for_review', { version: claim.version }, { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
