import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TAnalysisInput, TAssessment } from '../assessment.schemas.ts';
import { assessmentOf, loadAssessmentRow } from './assessment-view.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface UpdateAnalysisOptions {
  claimId: string;
  input: TAnalysisInput;
}

const COLUMNS = {
  riskAssessment: 'risk_assessment', conventionGrounds: 'convention_grounds', nexus: 'nexus',
  cartagenaCircumstances: 'cartagena_circumstances', cartagenaAnalysis: 'cartagena_analysis', surPlace: 'sur_place',
  surPlaceAnalysis: 'sur_place_analysis', actorsOfPersecution: 'actors_of_persecution', actorsOfProtection: 'actors_of_protection',
  internalProtectionAlternative: 'internal_protection_alternative', exclusionConsidered: 'exclusion_considered',
  exclusionAnalysis: 'exclusion_analysis', complementaryProtection: 'complementary_protection',
} as const satisfies Record<Exclude<keyof TAnalysisInput, 'version'>, string>;
type AnalysisField = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as AnalysisField[];

/** A ground, a circumstance or an exclusion is never ticked without the analysis that supports it. */
function checkAnalysis(input: TAnalysisInput): void {
  const errors = new FieldErrors();
  if (input.conventionGrounds.length > 0 && !input.nexus) errors.add('nexus', 'validation.required');
  if (input.cartagenaCircumstances.length > 0 && !input.cartagenaAnalysis) errors.add('cartagenaAnalysis', 'validation.required');
  if (input.surPlace && !input.surPlaceAnalysis) errors.add('surPlaceAnalysis', 'validation.required');
  if (input.exclusionConsidered && !input.exclusionAnalysis) errors.add('exclusionAnalysis', 'validation.required');
  errors.throwIfAny();
}

/**
 * Saves the risk assessment and the legal analysis (domain §7 steps 5–6): Convention grounds and
 * nexus (gender among the grounds, LRPCPAP art. 13-I), Cartagena circumstances (art. 13-II), sur
 * place (art. 13-III), actors of persecution and of protection, the internal protection
 * alternative, exclusion and complementary protection. Whole, with the version read: a stale
 * version answers 409 with the assessment as it is. Changing the exclusion analysis clears its
 * supervisor's review, which was of the earlier text.
 */
export async function updateAnalysis(db: Database, ctx: RequestContext, options: UpdateAnalysisOptions): Promise<TAssessment> {
  const actor = actorOf(ctx);
  const { input } = options;
  checkAnalysis(input);
  return db.transaction(async (tx) => {
    const { claim } = await loadEditableAssessment(tx, actor, options.claimId);
    const current = (await assessmentOf(tx, actor, claim))!;
    // Writing over an analysis one may not read would be acting blind.
    if (current.analysisRedacted) throw new AppError('FORBIDDEN');
    if (current.version !== input.version) throw versionConflict(current);
    const before = (await loadAssessmentRow(tx, claim.id))!;
    const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(input[f]));
    const clearReview = before.exclusionReviewedAt !== null && (changed.includes('exclusionConsidered') || changed.includes('exclusionAnalysis'));
    const values = FIELDS.map((f) => input[f]);
    await tx.query(
      `UPDATE claim_assessments SET ${FIELDS.map((f, i) => `${COLUMNS[f]} = $${i + 2}`).join(', ')},
              ${clearReview ? `exclusion_reviewed_by = NULL, exclusion_reviewed_at = NULL, exclusion_review_notes = '',` : ''}
              version = version + 1, updated_at = now()
        WHERE claim_id = $1`, [claim.id, ...values]);
    await recordAudit(tx, ctx, {
      action: 'claim.assessment_analysis_updated', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { changed, exclusionReviewCleared: clearReview },
    });
    return (await assessmentOf(tx, actor, claim))!;
  });
}
