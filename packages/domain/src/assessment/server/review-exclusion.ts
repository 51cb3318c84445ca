import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { isAssessmentEditable } from '../assessment.rules.ts';
import type { TAssessment, TExclusionReviewInput } from '../assessment.schemas.ts';
import { assessmentOf, mayReviewExclusion } from './assessment-view.ts';

export interface ReviewExclusionOptions {
  claimId: string;
  input: TExclusionReviewInput;
}

/**
 * Records a supervisor's review of a considered exclusion (1951 Convention art. 1F; UNHCR
 * Guidelines on International Protection No. 5: the clauses are read restrictively, so a second,
 * senior reading before a decision rests on them). A holder of `review:exclusion:office` in the
 * claim's office who is not its assigned officer; only while exclusion is considered and the
 * claim is under assessment.
 */
export async function reviewExclusion(db: Database, ctx: RequestContext, options: ReviewExclusionOptions): Promise<TAssessment> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read', true);
    if (!mayReviewExclusion(actor, claim)) throw new AppError('FORBIDDEN');
    const current = await assessmentOf(tx, actor, claim);
    if (!current || !isAssessmentEditable(claim.status)) {
      throw new AppError('INVALID_STATE', { extra: { reason: 'assessment_not_open', currentStatus: claim.status } });
    }
    if (current.version !== options.input.version) throw versionConflict(current);
    if (!current.exclusionConsidered) throw new AppError('INVALID_STATE', { extra: { reason: 'exclusion_not_considered' } });
    await tx.query(
      `UPDATE claim_assessments SET exclusion_reviewed_by = $2, exclusion_reviewed_at = now(), exclusion_review_notes = $3,
              version = version + 1, updated_at = now() WHERE claim_id = $1`, [claim.id, actor.userId, options.input.notes]);
    await recordAudit(tx, ctx, { action: 'claim.exclusion_reviewed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id });
    return (await assessmentOf(tx, actor, claim))!;
  });
}
