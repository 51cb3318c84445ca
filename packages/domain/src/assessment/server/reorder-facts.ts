import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TAssessment } from '../assessment.schemas.ts';
import { assessmentOf } from './assessment-view.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface ReorderFactsOptions {
  claimId: string;
  input: { version: number; factIds: string[] };
}

/**
 * Puts the facts in a new order (the order the decision's credibility findings follow). The list
 * must name every fact once: a fact added or removed meanwhile, like a stale version, answers 409
 * with the assessment as it is, never an order that silently drops one.
 */
export async function reorderFacts(db: Database, ctx: RequestContext, options: ReorderFactsOptions): Promise<TAssessment> {
  const actor = actorOf(ctx);
  const { input } = options;
  if (new Set(input.factIds).size !== input.factIds.length) throw fieldError('factIds', 'validation.invalid_value');
  return db.transaction(async (tx) => {
    const { claim, assessmentId, assessmentVersion } = await loadEditableAssessment(tx, actor, options.claimId);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM material_facts WHERE assessment_id = $1', [assessmentId]);
    const current = new Set(rows.map((r) => r.id));
    if (assessmentVersion !== input.version || current.size !== input.factIds.length || !input.factIds.every((id) => current.has(id))) {
      throw versionConflict(await assessmentOf(tx, actor, claim));
    }
    // Positions are unique per assessment, checked at commit (DEFERRABLE): one statement swaps them all.
    await tx.query(
      `UPDATE material_facts f SET position = o.ordinality, updated_at = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinality) WHERE f.id = o.id AND f.assessment_id = $1`,
      [assessmentId, input.factIds]);
    await tx.query('UPDATE claim_assessments SET version = version + 1, updated_at = now() WHERE id = $1', [assessmentId]);
    await recordAudit(tx, ctx, {
      action: 'claim.facts_reordered', entityType: 'claim', entityId: claim.id, officeId: claim.office_id, details: { factIds: input.factIds },
    });
    return (await assessmentOf(tx, actor, claim))!;
  });
}
