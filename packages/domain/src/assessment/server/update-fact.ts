import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { missingBodConditions } from '../assessment.rules.ts';
import type { TFactUpdate, TMaterialFact } from '../assessment.schemas.ts';
import { factView, loadFactRow, type FactRow } from './assessment-view.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface UpdateFactOptions {
  claimId: string;
  factId: string;
  input: TFactUpdate;
}

const COLUMNS = {
  kind: 'kind', statement: 'statement', sensitive: 'sensitive', sufficiency: 'sufficiency', sufficiencyNotes: 'sufficiency_notes',
  internalConsistency: 'internal_consistency', internalConsistencyNotes: 'internal_consistency_notes',
  externalConsistency: 'external_consistency', externalConsistencyNotes: 'external_consistency_notes', plausibility: 'plausibility',
  plausibilityNotes: 'plausibility_notes', chanceToExplain: 'chance_to_explain', explanation: 'explanation', conclusion: 'conclusion',
  reasons: 'reasons', bodGenuineEffort: 'bod_genuine_effort', bodEvidenceSubmitted: 'bod_evidence_submitted',
  bodCoherentPlausible: 'bod_coherent_plausible', bodTimely: 'bod_timely', bodGenerallyCredible: 'bod_generally_credible',
} as const satisfies Record<Exclude<keyof TFactUpdate, 'version'>, string>;
type FactField = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as FactField[];

/**
 * What a conclusion needs (EUAA guide on evidence assessment, step 4; UNHCR Handbook paras. 196–205):
 * reasons in every case; the benefit of the doubt only with each of its conditions; an
 * inconsistency relied on only once the applicant was asked to explain it (or the record says they
 * were not), and what they said when they were.
 */
export function checkFact(input: TFactUpdate): void {
  const errors = new FieldErrors();
  if (input.conclusion !== null && !input.reasons) errors.add('reasons', 'validation.required');
  if (input.conclusion === 'benefit_of_doubt') {
    for (const condition of missingBodConditions(input)) errors.add(condition, 'validation.bod_condition_required');
  }
  const inconsistent = input.internalConsistency === 'negative' || input.externalConsistency === 'negative';
  if (input.conclusion !== null && inconsistent && input.chanceToExplain === null) errors.add('chanceToExplain', 'validation.chance_to_explain_required');
  if (input.chanceToExplain === true && !input.explanation) errors.add('explanation', 'validation.required');
  errors.throwIfAny();
}

/**
 * Saves a material fact whole: its statement, credibility indicators with notes, the chance to
 * explain an inconsistency, the conclusion with reasons and the benefit of the doubt's conditions.
 * With the version read: two officers editing one fact never overwrite each other (409 with the
 * fact as it is). A sensitive fact is changed only by a reader of the claim's sensitive data.
 */
export async function updateFact(db: Database, ctx: RequestContext, options: UpdateFactOptions): Promise<TMaterialFact> {
  const actor = actorOf(ctx);
  const { input } = options;
  checkFact(input);
  return db.transaction(async (tx) => {
    const { claim, assessmentId, readSensitive } = await loadEditableAssessment(tx, actor, options.claimId);
    const before = await loadFactRow(tx, assessmentId, options.factId);
    if (!before) throw new AppError('NOT_FOUND');
    if ((before.sensitive || input.sensitive) && !readSensitive) throw new AppError('FORBIDDEN');
    if (before.version !== input.version) throw versionConflict(await factView(tx, claim, assessmentId, options.factId, readSensitive, actor.language));
    const changed = FIELDS.filter((f) => before[f as keyof FactRow] !== input[f]);
    const concluding = input.conclusion !== null && (before.conclusion !== input.conclusion || before.reasons !== input.reasons);
    const params = [options.factId, input.version, ...FIELDS.map((f) => input[f])];
    await tx.query(
      `UPDATE material_facts SET ${FIELDS.map((f, i) => `${COLUMNS[f]} = $${i + 3}`).join(', ')},
              concluded_by = ${input.conclusion === null ? 'NULL' : concluding ? `$${params.length + 1}` : 'concluded_by'},
              concluded_at = ${input.conclusion === null ? 'NULL' : concluding ? 'now()' : 'concluded_at'},
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`, concluding ? [...params, actor.userId] : params);
    await recordAudit(tx, ctx, {
      action: 'claim.fact_updated', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: options.factId, changed, conclusion: { before: before.conclusion, after: input.conclusion } },
    });
    return (await factView(tx, claim, assessmentId, options.factId, readSensitive, actor.language))!;
  });
}
