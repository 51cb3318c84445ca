import { registerEffect, registerSafeguard } from '../../procedure/server/index.ts';
import { assessmentCitesCoi } from './assessment-cites-coi.ts';
import { coiMaxAgeYears } from './coi-settings.ts';

/** Outcomes that refuse protection: they must rest on current COI. */
const NEGATIVE_OUTCOMES = ['rejected', 'excluded'];

/**
 * What the assessment adds to the procedure (ADR 029), called once from the composition root:
 * - taking the claim into assessment (and an appeal sending it back) opens its assessment;
 * - a decision is drafted only from an assessment with at least one material fact, every fact
 *   concluded (the reasons and the benefit of the doubt's conditions are refused at each save and
 *   by the table's constraints, so a concluded fact has them), and a considered exclusion
 *   reviewed by a supervisor;
 * - a negative decision is signed only on current COI.
 * The first three cannot be switched off: a decision must be reasoned (fundada y motivada,
 * LRPCPAP art. 24), and exclusion is read restrictively.
 */
export function registerAssessment(): void {
  registerEffect({
    code: 'assessment_opened', feature: 'assessment', steps: ['start_assessment', 'send_back'], order: 0,
    source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_evidence_assessment' },
    async apply(run) {
      // Sent back after an appeal, the claim keeps its assessment: the officer corrects it for the new decision.
      await run.tx.query(
        `INSERT INTO claim_assessments (operation_id, claim_id, created_by) SELECT operation_id, id, $2 FROM claims WHERE id = $1
         ON CONFLICT (claim_id) DO NOTHING`, [run.claim.id, run.actor.userId]);
    },
  });

  registerSafeguard({
    code: 'material_facts_identified', feature: 'assessment', steps: ['draft_decision'], switchable: false,
    source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_evidence_assessment' },
    async check(run) {
      const { rows } = await run.tx.query<{ n: number }>(
        `SELECT count(f.id)::int AS n FROM claim_assessments a LEFT JOIN material_facts f ON f.assessment_id = a.id WHERE a.claim_id = $1`,
        [run.claim.id]);
      return (rows[0]?.n ?? 0) > 0 ? { met: true } : { met: false };
    },
  });

  registerSafeguard({
    code: 'facts_concluded', feature: 'assessment', steps: ['draft_decision'], switchable: false,
    source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.unhcr_handbook_benefit_of_doubt' },
    async check(run) {
      // Numbered as the assessment lists them: the number says which, never what (a sensitive fact stays unnamed).
      const { rows } = await run.tx.query<{ number: number }>(
        `SELECT n AS number FROM (SELECT row_number() OVER (ORDER BY f.position)::int AS n, f.conclusion
           FROM claim_assessments a JOIN material_facts f ON f.assessment_id = a.id WHERE a.claim_id = $1) t
          WHERE conclusion IS NULL ORDER BY n`, [run.claim.id]);
      if (rows.length === 0) return { met: true };
      return { met: false, params: { count: rows.length, facts: rows.map((r) => r.number).join(', ') }, findings: { unconcludedFacts: rows.map((r) => r.number) } };
    },
  });

  registerSafeguard({
    code: 'exclusion_reviewed', feature: 'assessment', steps: ['draft_decision'], switchable: false,
    source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.convention_art_1f_exclusion' },
    async check(run) {
      const { rows } = await run.tx.query<{ considered: boolean; reviewed: boolean }>(
        `SELECT exclusion_considered AS considered, exclusion_reviewed_at IS NOT NULL AS reviewed FROM claim_assessments WHERE claim_id = $1`,
        [run.claim.id]);
      const row = rows[0];
      return !row || !row.considered || row.reviewed ? { met: true } : { met: false };
    },
  });

  registerSafeguard({
    code: 'negative_decision_cites_coi', feature: 'assessment', steps: ['decide'], switchable: true,
    source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_coi_current' },
    async check(run) {
      // The outcome is the decision feature's (ADR 028): until it has drafted one, there is no negative decision to check.
      const { rows } = await run.tx.query<{ outcome: string }>(
        `SELECT outcome FROM decisions WHERE claim_id = $1 AND status <> 'superseded'`, [run.claim.id]);
      if (!rows[0] || !NEGATIVE_OUTCOMES.includes(rows[0].outcome)) return { met: true };
      const cited = await assessmentCitesCoi(run.tx, run.claim.id, await coiMaxAgeYears(run.tx, run.claim.institution_id));
      const findings = { coiSources: cited.sources };
      return cited.citesCurrentCoi ? { met: true, findings } : { met: false, params: { years: cited.maxAgeYears }, findings };
    },
  });
}
