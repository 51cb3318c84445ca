import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TAssessment } from '../assessment.schemas.ts';
import { assessmentOf } from './assessment-view.ts';

export interface GetAssessmentOptions {
  claimId: string;
}

/**
 * A claim's assessment for whoever reads the claim (its policy: another office's claim is not
 * found), sensitive facts under the field policy; every read is audited. NOT_FOUND with
 * `reason: assessment_not_opened` before the claim was taken into assessment.
 */
export async function getAssessment(db: Database, ctx: RequestContext, options: GetAssessmentOptions): Promise<TAssessment> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const assessment = await assessmentOf(tx, actor, claim);
    if (!assessment) throw new AppError('NOT_FOUND', { extra: { reason: 'assessment_not_opened', currentStatus: claim.status } });
    await recordAudit(tx, ctx, {
      action: 'claim.assessment_viewed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { facts: assessment.facts.length },
    });
    return assessment;
  });
}
