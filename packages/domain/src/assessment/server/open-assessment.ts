import type { Database } from '@refugio/db';
import { getClaimUnaudited } from '../../intake/server/index.ts';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TAssessment } from '../assessment.schemas.ts';
import { assessmentOf } from './assessment-view.ts';

export interface OpenAssessmentOptions {
  claimId: string;
  /** The claim's version the caller read. */
  input: { version: number };
}

/**
 * Takes the claim into assessment: the procedure's `start_assessment` step (interviewed →
 * under_assessment, with its safeguards, timeline and audit; ADR 019), whose effect opens the
 * claim's assessment, then reads it back — one transaction.
 */
export async function openAssessment(db: Database, ctx: RequestContext, options: OpenAssessmentOptions): Promise<TAssessment> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    await performStep(tx, ctx, options.claimId, 'start_assessment', { version: options.input.version },
      { current: (q) => getClaimUnaudited(q, actor, options.claimId) });
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    return (await assessmentOf(tx, actor, claim))!;
  });
}
