import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision, mayReadDecisionText } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { DecisionSection } from '../decisions.rules.ts';
import type { TDecision, TSectionUpdate } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface UpdateSectionOptions {
  claimId: string;
  input: TSectionUpdate;
}

/**
 * Saves one section of the draft, naming the section's version the editor last saw (ADR 008): a
 * save over a newer version writes nothing and answers 409 with the decision as it is now, so two
 * officers at one draft never overwrite each other silently; different sections never conflict.
 * Only while drafting or after the draft was returned; a signed decision never changes.
 */
export async function updateSection(db: Database, ctx: RequestContext, options: UpdateSectionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update');
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['draft', 'returned']);
    if (!mayDraftDecision(actor, claim) || !mayReadDecisionText(actor, claim, row)) throw new AppError('FORBIDDEN');
    // A column of the closed list of sections (the schema's enum), never the caller's text.
    const column: DecisionSection = options.input.section;
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE decisions SET ${column} = $2, ${column}_version = ${column}_version + 1, version = version + 1,
              sections_updated_by = $4, sections_updated_at = now(), updated_at = now()
        WHERE id = $1 AND ${column}_version = $3 RETURNING ${column}_version AS version`,
      [row.id, options.input.text, options.input.version, actor.userId]);
    if (!rows[0]) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    await recordAudit(tx, ctx, {
      action: 'decision.section_saved', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: row.id, section: column, version: rows[0].version },
    });
    return presentDecision(tx, actor, claim, row.id);
  });
}
