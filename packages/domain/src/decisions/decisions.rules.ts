/**
 * The reasoned decision's vocabulary and pure rules (ADR 028, 030): outcomes and their legal
 * basis, the six sections in the order the EUAA method writes them, the review's headings, the
 * notification and the appeal. Shared by the server and the web app.
 */
import type { ClaimStatus } from '../procedure/index.ts';

/** Outcomes a decision may carry (LRPCPAP arts. 13, 2-IV/28; 1951 Convention art. 1F) and the non-substantive closures. */
export const OUTCOMES = ['refugee_convention', 'refugee_cartagena', 'refugee_sur_place', 'complementary_protection', 'rejected', 'excluded',
  'abandoned', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What an officer decides on the merits; abandonment and withdrawal are recorded where those steps happen. */
export const SUBSTANTIVE_OUTCOMES = ['refugee_convention', 'refugee_cartagena', 'refugee_sur_place', 'complementary_protection', 'rejected',
  'excluded'] as const satisfies readonly Outcome[];
export type SubstantiveOutcome = (typeof SUBSTANTIVE_OUTCOMES)[number];
export type TSubstantiveOutcome = SubstantiveOutcome;

/** Refugee status recognised (art. 13, fractions I–III). */
export const REFUGEE_OUTCOMES = ['refugee_convention', 'refugee_cartagena', 'refugee_sur_place'] as const satisfies readonly Outcome[];

/** Protection granted: the person is given the migration document (Ley de Migración art. 54; LRPCPAP art. 48). */
export const POSITIVE_OUTCOMES = [...REFUGEE_OUTCOMES, 'complementary_protection'] as const satisfies readonly Outcome[];

/**
 * Outcomes whose text states the recurso de revisión, its term and where to file it (LRPCPAP art.
 * 25): those that refuse refugee status — complementary protection refuses it while it protects.
 */
export const APPEAL_ROUTE_OUTCOMES = ['complementary_protection', 'rejected', 'excluded'] as const satisfies readonly Outcome[];

/** Outcomes that refuse protection: they rest on a signed interview record and on current COI. */
export const NEGATIVE_OUTCOMES = ['rejected', 'excluded'] as const satisfies readonly Outcome[];

export function isPositive(outcome: Outcome): boolean {
  return (POSITIVE_OUTCOMES as readonly Outcome[]).includes(outcome);
}
/**
 * Any decision on the merits may be appealed by whoever it affects, within 15 working days of
 * notification (LRPCPAP art. 25; LFPA arts. 83 and 85, supplementary under LFPA art. 2): the
 * appeal clock runs for every one, and marks when a decision nobody appealed becomes final.
 */
export function isAppealable(outcome: Outcome): boolean {
  return (SUBSTANTIVE_OUTCOMES as readonly Outcome[]).includes(outcome);
}
export function statesAppealRoute(outcome: Outcome): boolean {
  return (APPEAL_ROUTE_OUTCOMES as readonly Outcome[]).includes(outcome);
}
export function isNegative(outcome: Outcome): boolean {
  return (NEGATIVE_OUTCOMES as readonly Outcome[]).includes(outcome);
}

/**
 * The legal basis printed for each outcome. The fractions of art. 13 are read in the law; the
 * article numbers of complementary protection (art. 28) and of exclusion in the national law
 * (art. 27) are not verified against the DOF text (domain §3, §10), and the text says so.
 */
export const LEGAL_BASIS: Record<Outcome, { citation: string; verified: boolean }> = {
  refugee_convention: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 13, fracción I (Convención de 1951, art. 1A(2))', verified: true },
  refugee_cartagena: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 13, fracción II (Declaración de Cartagena de 1984, conclusión III.3)', verified: true },
  refugee_sur_place: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 13, fracción III (refugiado sur place)', verified: true },
  complementary_protection: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 2, fracción IV, y art. 28', verified: false },
  rejected: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, arts. 13 y 24', verified: true },
  excluded: { citation: 'Convención sobre el Estatuto de los Refugiados de 1951, art. 1F; Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 27', verified: false },
  abandoned: { citation: 'Reglamento de la Ley sobre Refugiados y Protección Complementaria, art. 24', verified: true },
  withdrawn: { citation: 'Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 24', verified: true },
};

/** The decision's sections, in the order of the EUAA method (domain §7). */
export const DECISION_SECTIONS = ['introduction', 'basis_of_claim', 'credibility_findings', 'risk_assessment', 'legal_analysis', 'outcome_text'] as const;
export type DecisionSection = (typeof DECISION_SECTIONS)[number];

/** The EUAA Quality Assurance Tool's decision headings a reviewer files a comment under. */
export const REVIEW_HEADINGS = ['file_information', 'introduction', 'basis_of_claim', 'credibility_findings', 'risk_assessment', 'legal_analysis',
  'outcome_text', 'form', 'efficiency'] as const;
export type ReviewHeading = (typeof REVIEW_HEADINGS)[number];

/** How the EUAA Quality Assurance Tool scores an indicator. */
export const REVIEW_RATINGS = ['correct', 'minor_error', 'significant_error', 'not_applicable'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const DECISION_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'signed', 'superseded', 'recorded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The drafter edits the text only before review and after it is returned; a signed decision never changes. */
export function isDecisionEditable(status: DecisionStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Where the claim stands for each decision status the decision feature moves it to (ADR 019 steps). */
export const CLAIM_STATUS_OF_DECISION: Partial<Record<DecisionStatus, ClaimStatus>> = {
  draft: 'decision_drafted', returned: 'decision_drafted', in_review: 'in_review', approved: 'approved', signed: 'decided',
};

export const NOTIFICATION_METHODS = ['in_person', 'by_mail', 'electronic'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

export const APPEAL_OUTCOMES = ['confirmed', 'revoked', 'sent_back'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_STATUSES = ['lodged', 'resolved'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** The recurso de revisión's term (LRPCPAP art. 25), in working days of the authority's calendar (ADR 009). */
export const APPEAL_WORKING_DAYS = 15;

export const SECTION_MAX = 20_000;
export const COMMENT_MAX = 4_000;
