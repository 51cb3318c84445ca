import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TAbandonmentDecisionInput } from '../scheduling.schemas.ts';
import { proposalToDecide } from './decide-abandonment.ts';

export interface DismissAbandonmentOptions {
  claimId: string;
  input: TAbandonmentDecisionInput;
}

/**
 * The supervisor turns a proposed abandonment down with a reason (a justified absence, a change
 * of address). The claim leaves the queue until the same run of misses grows by another
 * threshold, or a new run after a signature reaches it.
 */
export async function dismissAbandonment(db: Database, ctx: RequestContext, options: DismissAbandonmentOptions) {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const proposal = await proposalToDecide(tx, actor, options.claimId, options.input.version);
    await tx.query(
      `INSERT INTO abandonment_decisions (claim_id, office_id, decision, streak_from, missed_weeks, reason, decided_by)
       SELECT id, office_id, 'dismissed', $2, $3, $4, $5 FROM claims WHERE id = $1`,
      [options.claimId, proposal.streakFrom, proposal.missedWeeks, options.input.reason, actor.userId]);
    const office = (await tx.query<{ office_id: string }>('SELECT office_id FROM claims WHERE id = $1', [options.claimId])).rows[0]!.office_id;
    await recordAudit(tx, ctx, {
      action: 'abandonment.dismissed', entityType: 'claim', entityId: options.claimId, officeId: office,
      details: { missedWeeks: proposal.missedWeeks, streakFrom: proposal.streakFrom, reason: options.input.reason },
    });
    return { claimId: options.claimId, decision: 'dismissed' as const, missedWeeks: proposal.missedWeeks, reason: options.input.reason };
  });
}
