import { z } from 'zod';
import { ZLanguageCode } from '../intake/index.ts';
import { LIMITS } from '../shared/limits.ts';
import {
  APPEAL_OUTCOMES, APPEAL_STATUSES, COMMENT_MAX, DECISION_SECTIONS, DECISION_STATUSES, NOTIFICATION_METHODS, OUTCOMES, REVIEW_HEADINGS,
  REVIEW_RATINGS, SECTION_MAX, SUBSTANTIVE_OUTCOMES,
} from './decisions.rules.ts';

const ZVersion = z.number().int().positive();
const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZReason = z.string().trim().min(1).max(LIMITS.reasonMax);

export const ZOutcome = z.enum(OUTCOMES);
export const ZSubstantiveOutcome = z.enum(SUBSTANTIVE_OUTCOMES);
export const ZDecisionSection = z.enum(DECISION_SECTIONS);
export const ZReviewHeading = z.enum(REVIEW_HEADINGS);

/** A family member's own outcome; a dependant may derive it from the principal where the authority applies derivative status. */
export const ZPersonOutcomeInput = z.strictObject({
  personId: z.uuid(),
  outcome: ZSubstantiveOutcome,
  derivative: z.boolean().default(false),
});

/** Generates the draft from the assessment: the draft_decision step (claim version as read). */
export const ZGenerateDecisionInput = z.strictObject({
  version: ZVersion,
  outcome: ZSubstantiveOutcome,
  /** Members not listed take the principal's outcome, as dependants (derivative). */
  personOutcomes: z.array(ZPersonOutcomeInput).max(50).default([]),
});
export type TGenerateDecisionInput = z.infer<typeof ZGenerateDecisionInput>;

/** One section saved, naming the section's version the editor last saw (409 with the section as it is otherwise). */
export const ZSectionUpdate = z.strictObject({
  section: z.enum(DECISION_SECTIONS),
  version: ZVersion,
  text: z.string().max(SECTION_MAX),
});
export type TSectionUpdate = z.infer<typeof ZSectionUpdate>;

/** The outcome changed while drafting: the outcome section is written anew from the assessment. */
export const ZOutcomeUpdate = z.strictObject({
  version: ZVersion,
  outcome: ZSubstantiveOutcome,
  personOutcomes: z.array(ZPersonOutcomeInput).max(50).default([]),
});
export type TOutcomeUpdate = z.infer<typeof ZOutcomeUpdate>;

export const ZSubmitDecisionInput = z.strictObject({ version: ZVersion, reviewerId: z.uuid() });
export type TSubmitDecisionInput = z.infer<typeof ZSubmitDecisionInput>;

export const ZReviewCommentInput = z.strictObject({
  section: ZReviewHeading,
  rating: z.enum(REVIEW_RATINGS),
  comment: z.string().trim().min(1).max(COMMENT_MAX),
});
export type TReviewCommentInput = z.infer<typeof ZReviewCommentInput>;

export const ZReturnDecisionInput = z.strictObject({ version: ZVersion, reason: ZReason });
export type TReturnDecisionInput = z.infer<typeof ZReturnDecisionInput>;

/** Approving or signing names the decision's version the reviewer or signatory read. */
export const ZDecisionVersionInput = z.strictObject({ version: ZVersion });
export type TDecisionVersionInput = z.infer<typeof ZDecisionVersionInput>;

export const ZNotificationInput = z.strictObject({
  version: ZVersion,
  notifiedAt: z.iso.datetime({ offset: true, message: 'validation.invalid_datetime' }),
  place: z.string().trim().min(1).max(LIMITS.nameMax),
  method: z.enum(NOTIFICATION_METHODS),
  /** The language the person received it in (read or interpreted): ISO 639-1 or 639-3, kept as ISO 639-3. */
  language: ZLanguageCode,
  interpreterId: z.uuid().nullable().default(null),
  interpreterName: z.string().trim().min(1).max(LIMITS.nameMax).nullable().default(null),
  acknowledged: z.boolean(),
  refusalReason: z.string().trim().min(1).max(LIMITS.reasonMax).nullable().default(null),
});
export type TNotificationInput = z.infer<typeof ZNotificationInput>;

/** Recurso de revisión lodged (LRPCPAP art. 25), naming the claim's version as read. */
export const ZAppealInput = z.strictObject({
  version: ZVersion,
  lodgedOn: ZIsoDate,
  lodgedAtOfficeId: z.uuid().nullable().default(null),
  grounds: z.string().trim().min(1).max(SECTION_MAX),
});
export type TAppealInput = z.infer<typeof ZAppealInput>;

export const ZAppealResolutionInput = z.strictObject({
  version: ZVersion,
  outcome: z.enum(APPEAL_OUTCOMES),
  resolvedOn: ZIsoDate,
  resolution: z.string().trim().min(1).max(SECTION_MAX),
});
export type TAppealResolutionInput = z.infer<typeof ZAppealResolutionInput>;

const ZUserRef = z.object({ id: z.string(), fullName: z.string() });

export const ZDecisionSectionView = z.object({ text: z.string(), version: z.number().int() });

export const ZPersonOutcome = z.object({
  personId: z.string(),
  fullName: z.string(),
  relation: z.string(),
  outcome: ZOutcome,
  derivative: z.boolean(),
});

export const ZReviewComment = z.object({
  id: z.string(),
  section: ZReviewHeading,
  rating: z.enum(REVIEW_RATINGS),
  comment: z.string(),
  round: z.number().int(),
  author: ZUserRef.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: ZUserRef.nullable(),
});
export type TReviewComment = z.infer<typeof ZReviewComment>;

export const ZDecisionNotification = z.object({
  id: z.string(),
  notifiedAt: z.string(),
  place: z.string(),
  method: z.enum(NOTIFICATION_METHODS),
  language: z.string(),
  interpreterId: z.string().nullable(),
  interpreterName: z.string().nullable(),
  acknowledged: z.boolean(),
  refusalReason: z.string().nullable(),
  recordedBy: ZUserRef.nullable(),
  createdAt: z.string(),
});

export const ZAppeal = z.object({
  id: z.string(),
  decisionId: z.string(),
  lodgedOn: z.string(),
  lodgedAtOffice: z.object({ id: z.string(), name: z.string() }).nullable(),
  grounds: z.string(),
  status: z.enum(APPEAL_STATUSES),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  resolvedOn: z.string().nullable(),
  resolution: z.string().nullable(),
  version: z.number().int(),
});
export type TAppeal = z.infer<typeof ZAppeal>;

/** What the reader of the decision may do now (the page's buttons); the server checks each again. */
export const ZDecisionAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  sign: z.boolean(),
  notify: z.boolean(),
  lodgeAppeal: z.boolean(),
  resolveAppeal: z.boolean(),
});

export const ZDecision = z.object({
  id: z.string(),
  claimId: z.string(),
  claimNumber: z.string(),
  claimStatus: z.string(),
  claimVersion: z.number().int(),
  outcome: ZOutcome,
  status: z.enum(DECISION_STATUSES),
  legalBasis: z.object({ citation: z.string(), verified: z.boolean() }),
  /** The reasons quote a sensitive fact and the reader is outside the claim's field policy: the sections' texts are withheld. */
  redacted: z.boolean(),
  sections: z.record(ZDecisionSection, ZDecisionSectionView),
  personOutcomes: z.array(ZPersonOutcome),
  drafter: ZUserRef.nullable(),
  draftedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewer: ZUserRef.nullable(),
  reviewRound: z.number().int(),
  approvedBy: ZUserRef.nullable(),
  approvedAt: z.string().nullable(),
  signedBy: ZUserRef.nullable(),
  signedAt: z.string().nullable(),
  verificationCode: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  issuedOffice: z.string().nullable(),
  /** The assessment moved on since the draft was generated from it: the reviewer reads both. */
  assessmentChanged: z.boolean(),
  comments: z.array(ZReviewComment),
  notification: ZDecisionNotification.nullable(),
  appeals: z.array(ZAppeal),
  /** Decisions this one replaced after an appeal sent the claim back, newest first. */
  superseded: z.array(z.object({ id: z.string(), outcome: ZOutcome, signedAt: z.string().nullable(), supersededAt: z.string().nullable() })),
  can: ZDecisionAbilities,
  version: z.number().int(),
});
export type TDecision = z.infer<typeof ZDecision>;

/** A claim's decision page: the current decision (null before one is drafted) and the people it decides on. */
export const ZDecisionPage = z.object({
  claimId: z.string(),
  claimNumber: z.string(),
  claimStatus: z.string(),
  claimVersion: z.number().int(),
  persons: z.array(z.object({ personId: z.string(), fullName: z.string(), relation: z.string(), languages: z.array(z.string()) })),
  /** The reader may generate the draft now (the claim is under assessment and the reader may update it). */
  canGenerate: z.boolean(),
  decision: ZDecision.nullable(),
});
export type TDecisionPage = z.infer<typeof ZDecisionPage>;

/** An officer who may review a draft: of the claim's office, not its drafter, holding the drafting competency today. */
export const ZDecisionReviewer = z.object({ id: z.string(), fullName: z.string(), username: z.string() });
export type TDecisionReviewer = z.infer<typeof ZDecisionReviewer>;

/**
 * The public verification of a signed decision (ADR 030): authenticity, the date of signature and
 * the issuing office, and whether an appeal has since replaced it — never a name or an outcome.
 */
export const ZPublicDecision = z.object({
  authentic: z.literal(true),
  verificationCode: z.string(),
  signedOn: z.string(),
  issuingOffice: z.string(),
  issuingInstitution: z.string(),
  superseded: z.boolean(),
});
export type TPublicDecision = z.infer<typeof ZPublicDecision>;
