import type { Queryable } from '@refugio/db';
import type { Outcome } from '../decisions.rules.ts';
import type { DecisionPdfInput } from './decision-pdf.ts';

/** What the decision's PDF prints, read from its row (the signature is the caller's). */
export async function decisionDocument(db: Queryable, decisionId: string): Promise<Omit<DecisionPdfInput, 'signature'>> {
  const [main, persons] = await Promise.all([
    db.query<{ institution: string; office: string; claim_number: string; outcome: Outcome; drafter: string | null; reviewer: string | null } & Record<string, string>>(
      `SELECT i.name AS institution, o.name AS office, c.claim_number, d.outcome, ud.full_name AS drafter, ur.full_name AS reviewer,
              d.introduction, d.basis_of_claim, d.credibility_findings, d.risk_assessment, d.legal_analysis, d.outcome_text
         FROM decisions d JOIN claims c ON c.id = d.claim_id JOIN offices o ON o.id = coalesce(d.issued_office_id, c.office_id)
         JOIN institutions i ON i.id = o.institution_id LEFT JOIN users ud ON ud.id = d.drafted_by LEFT JOIN users ur ON ur.id = d.reviewer_id
        WHERE d.id = $1`, [decisionId]),
    db.query<{ full_name: string; outcome: Outcome; derivative: boolean }>(
      `SELECT concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS full_name, o.outcome, o.derivative
         FROM decision_person_outcomes o JOIN persons p ON p.id = o.person_id JOIN decisions d ON d.id = o.decision_id
         LEFT JOIN claim_members m ON m.claim_id = d.claim_id AND m.person_id = o.person_id
        WHERE o.decision_id = $1 ORDER BY (m.relation = 'principal') DESC, p.birth_date NULLS LAST`, [decisionId]),
  ]);
  const r = main.rows[0]!;
  return {
    institution: r.institution, office: r.office, claimNumber: r.claim_number, outcome: r.outcome, drafter: r.drafter, reviewer: r.reviewer,
    sections: {
      introduction: r.introduction!, basis_of_claim: r.basis_of_claim!, credibility_findings: r.credibility_findings!, risk_assessment: r.risk_assessment!,
      legal_analysis: r.legal_analysis!, outcome_text: r.outcome_text!,
    },
    persons: persons.rows.map((p) => ({ fullName: p.full_name, outcome: p.outcome, derivative: p.derivative })),
  };
}
