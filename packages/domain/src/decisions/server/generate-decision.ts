import type { Database } from '@refugio/db';
import { readAssessmentForDecision } from '../../assessment/server/index.ts';
import { signedInterviewRecords } from '../../interviews/server/index.ts';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TDecisionPage, TGenerateDecisionInput } from '../decisions.schemas.ts';
import { claimHeading } from './claim-facts.ts';
import { composeDraft } from './compose-draft.ts';
import { currentDecisionRow, decisionPage } from './decision-view.ts';
import { resolvePersonOutcomes, writePersonOutcomes } from './person-outcomes.ts';

export interface GenerateDecisionOptions {
  claimId: string;
  input: TGenerateDecisionInput;
}

/**
 * Generates the draft decision from the claim's assessment and takes the `draft_decision` step
 * (under_assessment → decision_drafted) in the same transaction (ADR 030): the decision row, each
 * person's outcome and the six sections are written first, so the step's safeguards weigh the
 * draft itself (every fact concluded, no rejection without a signed interview record…) and a
 * refusal leaves nothing behind.
 */
export async function generateDecision(db: Database, ctx: RequestContext, options: GenerateDecisionOptions): Promise<TDecisionPage> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    if (claim.version !== options.input.version || claim.status !== 'under_assessment') {
      // The step refuses these with the claim's current state; nothing is written before it does.
      await performStep(tx, ctx, claim.id, 'draft_decision', { version: options.input.version }, { current: (q) => decisionPage(q, actor, claim) });
    }
    if (await currentDecisionRow(tx, claim.id)) throw new AppError('INVALID_STATE', { extra: { reason: 'decision_exists' } });
    const persons = await resolvePersonOutcomes(tx, claim.id, options.input.outcome, options.input.personOutcomes);
    const assessment = await readAssessmentForDecision(tx, claim.id);
    if (!assessment) throw new AppError('INVALID_STATE', { extra: { reason: 'assessment_not_open' } });
    const [heading, records] = await Promise.all([claimHeading(tx, claim.id), signedInterviewRecords(tx, claim.id)]);
    const sections = composeDraft({
      ...heading, interviewSignedOn: records.at(-1)?.signedOn ?? null, outcome: options.input.outcome, persons, assessment,
    });
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO decisions (operation_id, claim_id, outcome, status, introduction, basis_of_claim, credibility_findings, risk_assessment,
                              legal_analysis, outcome_text, drafted_by, drafted_at, assessment_version, sensitive)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, now(), $11, $12) RETURNING id`,
      [actor.operationId, claim.id, options.input.outcome, sections.introduction, sections.basis_of_claim, sections.credibility_findings,
        sections.risk_assessment, sections.legal_analysis, sections.outcome_text, actor.userId, assessment.version,
        assessment.facts.some((f) => f.sensitive)]);
    await writePersonOutcomes(tx, rows[0]!.id, persons);
    await performStep(tx, ctx, claim.id, 'draft_decision', { version: options.input.version }, { current: (q) => decisionPage(q, actor, claim) });
    return decisionPage(tx, actor, { ...claim, status: 'decision_drafted' });
  });
}
