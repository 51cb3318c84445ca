import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TAbandonmentDecisionInput } from '../scheduling.schemas.ts';
import { proposalToDecide } from './decide-abandonment.ts';

export interface ConfirmAbandonmentOptions {
  claimId: string;
  input: TAbandonmentDecisionInput;
}

/**
 * The supervisor confirms a proposed abandonment (Reglamento art. 24): the procedure's `abandon`
 * step with their reason (its safeguards, status, timeline, clocks and audit event), and the
 * decision kept beside the weeks missed that led to it.
 */
export async function confirmAbandonment(db: Database, ctx: RequestContext, options: ConfirmAbandonmentOptions) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const proposal = await proposalToDecide(tx, actor, options.claimId, options.input.version);
    await performStep(tx, ctx, options.claimId, 'abandon', { version: options.input.version, reason: options.input.reason }, { current: async () => proposal });
    await tx.query(
      `INSERT INTO abandonment_decisions (claim_id, office_id, decision, streak_from, missed_weeks, reason, decided_by)
       SELECT id, office_id, 'confirmed', $2, $3, $4, $5 FROM claims WHERE id = $1`,
      [options.claimId, proposal.streakFrom, proposal.missedWeeks, options.input.reason, actor.userId]);
    return { claimId: options.claimId, decision: 'confirmed' as const, missedWeeks: proposal.missedWeeks, reason: options.input.reason };
  });
}
