// Catalog keys of the decision's vocabulary, written out so the catalog test sees each one used.
import type { AppealOutcome, DecisionSection, DecisionStatus, NotificationMethod, Outcome, ReviewHeading, ReviewRating } from '@refugio/domain';

export const OUTCOME_LABEL: Record<Outcome, string> = {
  refugee_convention: 'decisions.outcomes.refugee_convention', refugee_cartagena: 'decisions.outcomes.refugee_cartagena',
  refugee_sur_place: 'decisions.outcomes.refugee_sur_place', complementary_protection: 'decisions.outcomes.complementary_protection',
  rejected: 'decisions.outcomes.rejected', excluded: 'decisions.outcomes.excluded', abandoned: 'decisions.outcomes.abandoned', withdrawn: 'decisions.outcomes.withdrawn',
};
export const STATUS_LABEL: Record<DecisionStatus, string> = {
  draft: 'decisions.statuses.draft', in_review: 'decisions.statuses.in_review', returned: 'decisions.statuses.returned', approved: 'decisions.statuses.approved',
  signed: 'decisions.statuses.signed', superseded: 'decisions.statuses.superseded', recorded: 'decisions.statuses.recorded',
};
export const SECTION_LABEL: Record<DecisionSection, string> = {
  introduction: 'decisions.sections.introduction', basis_of_claim: 'decisions.sections.basis_of_claim', credibility_findings: 'decisions.sections.credibility_findings',
  risk_assessment: 'decisions.sections.risk_assessment', legal_analysis: 'decisions.sections.legal_analysis', outcome_text: 'decisions.sections.outcome_text',
};
export const HEADING_LABEL: Record<ReviewHeading, string> = {
  file_information: 'decisions.headings.file_information', introduction: 'decisions.headings.introduction', basis_of_claim: 'decisions.headings.basis_of_claim',
  credibility_findings: 'decisions.headings.credibility_findings', risk_assessment: 'decisions.headings.risk_assessment', legal_analysis: 'decisions.headings.legal_analysis',
  outcome_text: 'decisions.headings.outcome_text', form: 'decisions.headings.form', efficiency: 'decisions.headings.efficiency',
};
export const RATING_LABEL: Record<ReviewRating, string> = {
  correct: 'decisions.ratings.correct', minor_error: 'decisions.ratings.minor_error', significant_error: 'decisions.ratings.significant_error',
  not_applicable: 'decisions.ratings.not_applicable',
};
export const METHOD_LABEL: Record<NotificationMethod, string> = {
  in_person: 'decisions.methods.in_person', by_mail: 'decisions.methods.by_mail', electronic: 'decisions.methods.electronic',
};
export const APPEAL_OUTCOME_LABEL: Record<AppealOutcome, string> = {
  confirmed: 'decisions.appealOutcomes.confirmed', revoked: 'decisions.appealOutcomes.revoked', sent_back: 'decisions.appealOutcomes.sent_back',
};
