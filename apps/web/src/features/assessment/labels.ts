import type { BodCondition, CartagenaCircumstance, Conclusion, ConventionGround, CredibilityIndicator, EvidenceKind, FactKind, IndicatorValue } from '@refugio/domain';
import type { BadgeTone } from '../../components/ui/badge-tones.ts';

// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const FACT_KIND_LABEL: Record<FactKind, string> = {
  identity: 'assessment.kinds.identity',
  nationality: 'assessment.kinds.nationality',
  past_event: 'assessment.kinds.past_event',
  feared_harm: 'assessment.kinds.feared_harm',
  profile: 'assessment.kinds.profile',
  other: 'assessment.kinds.other',
};

export const INDICATOR_LABEL: Record<CredibilityIndicator, string> = {
  sufficiency: 'assessment.indicators.sufficiency',
  internalConsistency: 'assessment.indicators.internalConsistency',
  externalConsistency: 'assessment.indicators.externalConsistency',
  plausibility: 'assessment.indicators.plausibility',
};

export const INDICATOR_VALUE_LABEL: Record<IndicatorValue, string> = {
  positive: 'assessment.indicatorValues.positive',
  negative: 'assessment.indicatorValues.negative',
  neutral: 'assessment.indicatorValues.neutral',
};

export const CONCLUSION_LABEL: Record<Conclusion, string> = {
  accepted: 'assessment.conclusions.accepted',
  rejected: 'assessment.conclusions.rejected',
  benefit_of_doubt: 'assessment.conclusions.benefit_of_doubt',
};

export const BOD_LABEL: Record<BodCondition, string> = {
  bodGenuineEffort: 'assessment.bod.bodGenuineEffort',
  bodEvidenceSubmitted: 'assessment.bod.bodEvidenceSubmitted',
  bodCoherentPlausible: 'assessment.bod.bodCoherentPlausible',
  bodTimely: 'assessment.bod.bodTimely',
  bodGenerallyCredible: 'assessment.bod.bodGenerallyCredible',
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  statement: 'assessment.evidenceKinds.statement',
  document: 'assessment.evidenceKinds.document',
  witness: 'assessment.evidenceKinds.witness',
  coi: 'assessment.evidenceKinds.coi',
};

export const GROUND_LABEL: Record<ConventionGround, string> = {
  race: 'assessment.grounds.race',
  religion: 'assessment.grounds.religion',
  nationality: 'assessment.grounds.nationality',
  gender: 'assessment.grounds.gender',
  particular_social_group: 'assessment.grounds.particular_social_group',
  political_opinion: 'assessment.grounds.political_opinion',
};

export const CARTAGENA_LABEL: Record<CartagenaCircumstance, string> = {
  generalized_violence: 'assessment.cartagena.generalized_violence',
  foreign_aggression: 'assessment.cartagena.foreign_aggression',
  internal_conflict: 'assessment.cartagena.internal_conflict',
  massive_human_rights_violations: 'assessment.cartagena.massive_human_rights_violations',
  serious_disturbance_of_public_order: 'assessment.cartagena.serious_disturbance_of_public_order',
};

/** Conclusion badges, dark enough for white text (WCAG AA). */
export const CONCLUSION_TONE: Record<Conclusion | 'none', BadgeTone> = {
  accepted: 'positive', benefit_of_doubt: 'info', rejected: 'negative', none: 'neutral',
};
