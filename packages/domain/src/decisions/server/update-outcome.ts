import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TDecision, TOutcomeUpdate } from '../decisions.schemas.ts';
import { claimHeading } from './claim-facts.ts';
import { outcomeText } from './compose-draft.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';
import { resolvePersonOutcomes, writePersonOutcomes } from './person-outcomes.ts';

export interface UpdateOutcomeOptions {
  claimId: string;
  input: TOutcomeUpdate;
}

/**
 * Changes the outcome (and each person's) while drafting: the outcome section is written anew
 * with its legal basis, appeal route or migration document, since the old one would state another
 * decision. The other sections are the officer's and stay as they are.
 */
export async function updateOutcome(db: Database, ctx: RequestContext, options: UpdateOutcomeOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update');
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['draft', 'returned']);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    if (row.version !== options.input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    const persons = await resolvePersonOutcomes(tx, claim.id, options.input.outcome, options.input.personOutcomes);
    const heading = await claimHeading(tx, claim.id);
    await tx.query(
      `UPDATE decisions SET outcome = $2, outcome_text = $3, outcome_text_version = outcome_text_version + 1, version = version + 1,
              sections_updated_by = $4, sections_updated_at = now(), updated_at = now() WHERE id = $1`,
      [row.id, options.input.outcome, outcomeText({ outcome: options.input.outcome, persons, officeName: heading.officeName }), actor.userId]);
    await writePersonOutcomes(tx, row.id, persons);
    await recordAudit(tx, ctx, {
      action: 'decision.outcome_changed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: row.id, before: row.outcome, after: options.input.outcome, persons: persons.map((p) => ({ personId: p.personId, outcome: p.outcome, derivative: p.derivative })) },
    });
    return presentDecision(tx, actor, claim, row.id);
  });
}
