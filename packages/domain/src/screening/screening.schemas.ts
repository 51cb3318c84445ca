import { z } from 'zod';
import { VULNERABILITY_CATEGORIES } from '../intake/index.ts';
import { LIMITS } from '../shared/limits.ts';
import { GUARANTEE_STATUSES, INDICATOR_KINDS, SPECIALIST_REFERRAL_STATUSES, SPECIALISTS } from './screening.rules.ts';

const ZVersion = z.number().int().positive();
const ZText = (max: number = LIMITS.reasonMax) => z.string().trim().min(1).max(max);
const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

/** An indicator as staff record it: what they saw or heard, about whom, who saw it, when and where. */
export const ZIndicatorInput = z.strictObject({
  personId: z.uuid(),
  category: z.enum(VULNERABILITY_CATEGORIES),
  kind: z.enum(INDICATOR_KINDS),
  description: ZText(),
  observedBy: ZText(LIMITS.nameMax),
  observedAt: z.iso.datetime({ offset: true, message: 'validation.invalid_date' }),
  observedPlace: ZText(LIMITS.nameMax),
});
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

/** Sensitive fields are null, and `redacted` true, for readers outside the field policy. */
export const ZIndicator = z.object({
  id: z.uuid(), personId: z.uuid(), flagId: z.uuid(), category: z.enum(VULNERABILITY_CATEGORIES).nullable(), kind: z.enum(INDICATOR_KINDS),
  description: z.string().nullable(), sensitive: z.boolean(), redacted: z.boolean(), observedBy: z.string().nullable(),
  observedAt: z.string(), observedPlace: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string(),
  withdrawnAt: z.string().nullable(), withdrawnReason: z.string().nullable(), version: z.number().int(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZWithdrawInput = z.strictObject({ version: ZVersion, reason: ZText() });

export const ZSpecialistReferralInput = z.strictObject({
  personId: z.uuid(),
  specialist: z.enum(SPECIALISTS),
  reason: ZText(),
});
export type TSpecialistReferralInput = z.infer<typeof ZSpecialistReferralInput>;

export const ZSpecialistOutcomeInput = z.strictObject({
  version: ZVersion,
  status: z.enum(['completed', 'declined']),
  outcome: ZText(),
});

export const ZSpecialistReferral = z.object({
  id: z.uuid(), personId: z.uuid(), specialist: z.enum(SPECIALISTS).nullable(), sensitive: z.boolean(), redacted: z.boolean(),
  reason: z.string().nullable(), referredBy: z.string().nullable(), referredAt: z.string(), status: z.enum(SPECIALIST_REFERRAL_STATUSES),
  outcome: z.string().nullable(), outcomeRecordedAt: z.string().nullable(), version: z.number().int(),
});
export type TSpecialistReferral = z.infer<typeof ZSpecialistReferral>;

export const ZBestInterestsInput = z.strictObject({
  /** 0 for a first assessment; the current version to revise one. */
  version: z.number().int().min(0),
  assessedOn: ZIsoDate,
  assessedBy: ZText(LIMITS.nameMax),
  summary: ZText(),
  recommendations: ZText(),
});
export type TBestInterestsInput = z.infer<typeof ZBestInterestsInput>;

export const ZBestInterests = z.object({
  id: z.uuid(), personId: z.uuid(), assessedOn: z.string(), assessedBy: z.string(), summary: z.string(), recommendations: z.string(),
  version: z.number().int(),
});
export type TBestInterests = z.infer<typeof ZBestInterests>;

/** A guarantee on one person of a claim; redacted (title hidden) when a need behind it is under the field policy. */
export const ZGuarantee = z.object({
  id: z.uuid(), personId: z.uuid(), code: z.string().nullable(), title: z.string().nullable(), description: z.string().nullable(),
  source: z.string().nullable(), governsInterview: z.boolean(), needCodes: z.array(z.enum(VULNERABILITY_CATEGORIES)), sensitive: z.boolean(),
  redacted: z.boolean(), status: z.enum(GUARANTEE_STATUSES), evidence: z.string().nullable(), reason: z.string().nullable(),
  decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), version: z.number().int(),
});
export type TGuarantee = z.infer<typeof ZGuarantee>;

/** Met needs what proves it; not applicable needs why; back to pending needs neither. */
export const ZGuaranteeDecision = z.strictObject({
  version: ZVersion,
  status: z.enum(GUARANTEE_STATUSES),
  evidence: ZText().nullable().default(null),
  reason: ZText().nullable().default(null),
});
export type TGuaranteeDecision = z.infer<typeof ZGuaranteeDecision>;

export const ZScreening = z.object({
  claimId: z.uuid(),
  canReadSensitive: z.boolean(),
  indicators: z.array(ZIndicator),
  specialistReferrals: z.array(ZSpecialistReferral),
  bestInterests: z.array(ZBestInterests),
  guarantees: z.array(ZGuarantee),
  /** Pending guarantees that keep the interview from starting. */
  pendingBeforeInterview: z.number().int(),
});
export type TScreening = z.infer<typeof ZScreening>;

export const ZGuaranteeType = z.object({
  code: z.string(), title: z.string(), description: z.string(), source: z.string(), governsInterview: z.boolean(), version: z.number().int(),
});
export const ZGuaranteeRule = z.object({
  id: z.uuid(), needCode: z.enum(VULNERABILITY_CATEGORIES), guaranteeCode: z.string(), active: z.boolean(), version: z.number().int(),
});
export const ZGuaranteeCatalog = z.object({ types: z.array(ZGuaranteeType), rules: z.array(ZGuaranteeRule) });
export type TGuaranteeCatalog = z.infer<typeof ZGuaranteeCatalog>;

export const ZGuaranteeRuleInput = z.strictObject({
  needCode: z.enum(VULNERABILITY_CATEGORIES),
  guaranteeCode: z.string().trim().min(1).max(64),
});
export const ZGuaranteeRuleUpdate = z.strictObject({ version: ZVersion, active: z.boolean() });
export const ZGuaranteeTypeUpdate = z.strictObject({ version: ZVersion, source: ZText(), governsInterview: z.boolean() });
