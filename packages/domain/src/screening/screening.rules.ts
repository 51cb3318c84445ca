/**
 * Screening for specific needs (EUAA IPSN tool): indicators are observable signs, statements or
 * documents, not diagnoses; specialists assess; guarantees follow from the needs (ADR 026).
 * Shared by the server and the web app.
 */

export const INDICATOR_KINDS = ['observed_sign', 'statement', 'document'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const SPECIALISTS = ['doctor', 'psychologist', 'dif_procuraduria', 'anti_trafficking', 'legal_aid', 'other'] as const;
export type Specialist = (typeof SPECIALISTS)[number];

/** Referrals that reveal health, trauma or trafficking fall under the field policy. */
export const SENSITIVE_SPECIALISTS: readonly Specialist[] = ['doctor', 'psychologist', 'anti_trafficking'];

export const SPECIALIST_REFERRAL_STATUSES = ['pending', 'completed', 'declined'] as const;
export type SpecialistReferralStatus = (typeof SPECIALIST_REFERRAL_STATUSES)[number];

export const GUARANTEE_STATUSES = ['pending', 'met', 'not_applicable'] as const;
export type GuaranteeStatus = (typeof GUARANTEE_STATUSES)[number];

/** Needs that make a claim prioritised (UNHCR Guidelines on International Protection No. 8, children). */
export const PRIORITISING_NEEDS = ['child', 'unaccompanied_child'] as const;
