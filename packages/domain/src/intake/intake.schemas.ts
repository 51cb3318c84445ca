import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { RISK_BANDS, ZClaimClock } from '../calendars/index.ts';
import { CLAIM_STATUSES, TRANSITION_ACTIONS } from '../procedure/index.ts';
import { CLAIM_CHANNELS, CLAIM_MODALITIES, MEMBER_RELATIONS, SEXES, VULNERABILITY_CATEGORIES } from './intake.rules.ts';

const ZVersion = z.number().int().positive();
const ZText = (max: number = LIMITS.nameMax) => z.string().trim().max(max);
const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
/** ISO 3166-1 alpha-3 (HND, HTI, CUB…). */
export const ZCountryCode = z.string().regex(/^[A-Z]{3}$/, { message: 'validation.country_code' });
/** ISO 639-1 or 639-3 (es, ht, hat…). */
export const ZLanguageCode = z.string().regex(/^[a-z]{2,3}$/, { message: 'validation.language_code' });
const DOCUMENT_TYPES = ['passport', 'national_id', 'birth_certificate', 'travel_document', 'inm_document', 'other'] as const;
export { DOCUMENT_TYPES };

export const ZIdentityDocument = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(1).max(64),
  issuingCountry: ZCountryCode.nullable().default(null),
});

export const ZAddress = z.strictObject({
  line: ZText().nullable().default(null),
  municipality: ZText().nullable().default(null),
  stateCode: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'validation.invalid_format' }).nullable().default(null),
  postalCode: z.string().trim().max(16).nullable().default(null),
});

const personFields = {
  givenNames: z.string().trim().min(1).max(LIMITS.nameMax),
  firstSurname: ZText().nullable(),
  secondSurname: ZText().nullable(),
  otherNames: z.array(z.string().trim().min(1).max(LIMITS.nameMax)).max(20),
  sex: z.enum(SEXES).nullable(),
  /** Sensitive: stored, but returned only to callers with read:sensitive on the claim. */
  genderIdentity: ZText(100).nullable(),
  birthDate: ZIsoDate.nullable(),
  birthDateEstimated: z.boolean(),
  nationalities: z.array(ZCountryCode).max(5),
  habitualResidence: ZCountryCode.nullable(),
  languages: z.array(ZLanguageCode).max(10),
  needsInterpreter: z.boolean(),
  phone: z.string().trim().max(40).nullable(),
  email: z.email({ message: 'validation.invalid_email' }).max(LIMITS.emailMax).nullable(),
  address: ZAddress,
  documents: z.array(ZIdentityDocument).max(10),
};

export const ZPersonInput = z.strictObject({
  givenNames: personFields.givenNames,
  firstSurname: personFields.firstSurname.default(null),
  secondSurname: personFields.secondSurname.default(null),
  otherNames: personFields.otherNames.default([]),
  sex: personFields.sex.default(null),
  genderIdentity: personFields.genderIdentity.default(null),
  birthDate: personFields.birthDate.default(null),
  birthDateEstimated: personFields.birthDateEstimated.default(false),
  nationalities: personFields.nationalities.default([]),
  habitualResidence: personFields.habitualResidence.default(null),
  languages: personFields.languages.default([]),
  needsInterpreter: personFields.needsInterpreter.default(false),
  phone: personFields.phone.default(null),
  email: personFields.email.default(null),
  address: ZAddress.default({ line: null, municipality: null, stateCode: null, postalCode: null }),
  documents: personFields.documents.default([]),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

// No defaults on updates: an omitted field stays as it is.
export const ZPersonUpdate = z.strictObject({
  givenNames: personFields.givenNames.optional(),
  firstSurname: personFields.firstSurname.optional(),
  secondSurname: personFields.secondSurname.optional(),
  otherNames: personFields.otherNames.optional(),
  sex: personFields.sex.optional(),
  genderIdentity: personFields.genderIdentity.optional(),
  birthDate: personFields.birthDate.optional(),
  birthDateEstimated: personFields.birthDateEstimated.optional(),
  nationalities: personFields.nationalities.optional(),
  habitualResidence: personFields.habitualResidence.optional(),
  languages: personFields.languages.optional(),
  needsInterpreter: personFields.needsInterpreter.optional(),
  phone: personFields.phone.optional(),
  email: personFields.email.optional(),
  address: ZAddress.optional(),
  documents: personFields.documents.optional(),
  version: ZVersion,
});

export const ZPerson = z.object({
  id: z.string(),
  givenNames: z.string(),
  firstSurname: z.string().nullable(),
  secondSurname: z.string().nullable(),
  otherNames: z.array(z.string()),
  sex: z.enum(SEXES).nullable(),
  /** Null and `genderIdentityRedacted: true` when the caller may not read sensitive fields. */
  genderIdentity: z.string().nullable(),
  genderIdentityRedacted: z.boolean(),
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  /** Whole years on the server's today; null without a date of birth. */
  age: z.number().nullable(),
  isChild: z.boolean().nullable(),
  nationalities: z.array(z.string()),
  habitualResidence: z.string().nullable(),
  languages: z.array(z.string()),
  needsInterpreter: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.object({
    line: z.string().nullable(), municipality: z.string().nullable(), stateCode: z.string().nullable(),
    postalCode: z.string().nullable(),
  }),
  documents: z.array(z.object({ type: z.enum(DOCUMENT_TYPES), number: z.string(), issuingCountry: z.string().nullable() })),
  mergedIntoId: z.string().nullable(),
  version: z.number(),
});
export type TPerson = z.infer<typeof ZPerson>;

/** A flag as recorded at intake: `memberIndex` points into the claim's `members` (0 = principal). */
export const ZFlagInput = z.strictObject({
  memberIndex: z.number().int().min(0).max(29).nullable().default(null),
  category: z.enum(VULNERABILITY_CATEGORIES),
  indicator: z.string().trim().min(1).max(LIMITS.reasonMax),
});

export const ZMemberInput = z.strictObject({
  relation: z.enum(MEMBER_RELATIONS),
  unaccompanied: z.boolean().default(false),
  /** Link an existing person (chosen in the duplicate check) instead of creating one. */
  existingPersonId: z.uuid().nullable().default(null),
  person: ZPersonInput.nullable().default(null),
});
export type TMemberInput = z.infer<typeof ZMemberInput>;

export const ZClaimInput = z.strictObject({
  officeId: z.uuid(),
  channel: z.enum(CLAIM_CHANNELS),
  modality: z.enum(CLAIM_MODALITIES).default('regular'),
  enteredMexicoOn: ZIsoDate.nullable().default(null),
  protectionExpressedAt: z.iso.datetime({ offset: true, message: 'validation.invalid_datetime' }).nullable().default(null),
  /** Defaults to now; a clerk entering a paper file gives the real lodging time. */
  lodgedAt: z.iso.datetime({ offset: true, message: 'validation.invalid_datetime' }).nullable().default(null),
  /** The principal first (relation `principal`), then dependants. */
  members: z.array(ZMemberInput).min(1).max(30),
  flags: z.array(ZFlagInput).max(100).default([]),
});
export type TClaimInput = z.infer<typeof ZClaimInput>;

export const ZFlag = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  /** Null when the flag is sensitive and the caller may not read sensitive fields. */
  category: z.enum(VULNERABILITY_CATEGORIES).nullable(),
  indicator: z.string().nullable(),
  sensitive: z.boolean(),
  redacted: z.boolean(),
  source: z.enum(['recorded', 'derived']),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  version: z.number(),
});
export type TFlag = z.infer<typeof ZFlag>;

export const ZClaimMember = z.object({
  relation: z.enum(MEMBER_RELATIONS),
  unaccompanied: z.boolean(),
  person: ZPerson,
});

export const ZClaimEvent = z.object({
  id: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actor: z.string().nullable(),
  occurredAt: z.string(),
  /** An assignment: the officer given the claim (null when unassigned) and the one who held it before. */
  assignedTo: z.string().nullable(),
  assignedFrom: z.string().nullable(),
});

/** A clock as stored; the explanation day by day comes from the calendars feature (explainClaimClocks). */
export const ZClaimClockSummary = z.object({
  kind: z.string(),
  startedOn: z.string().nullable(),
  startedAt: z.string().nullable(),
  workingDays: z.number().nullable(),
  hours: z.number().nullable(),
  extensionDays: z.number(),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  state: z.string(),
});

export const ZSuggestedFlag = z.object({
  personId: z.string().nullable(),
  memberIndex: z.number().nullable(),
  category: z.enum(VULNERABILITY_CATEGORIES),
  /** An `intake.indicators.*` catalog key and its params, for the UI to word. */
  indicatorKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TSuggestedFlag = z.infer<typeof ZSuggestedFlag>;

const ZClaimCore = {
  id: z.string(),
  claimNumber: z.string(),
  officeId: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  channel: z.enum(CLAIM_CHANNELS),
  modality: z.enum(CLAIM_MODALITIES),
  status: z.enum(CLAIM_STATUSES),
  enteredMexicoOn: z.string().nullable(),
  protectionExpressedAt: z.string().nullable(),
  lodgedAt: z.string(),
  decisionDueOn: z.string().nullable(),
  riskBand: z.enum(RISK_BANDS).nullable(),
  assignedOfficerId: z.string().nullable(),
  assignedOfficerName: z.string().nullable(),
  version: z.number(),
};

export const ZClaim = z.object({
  ...ZClaimCore,
  calendarId: z.string(),
  referralId: z.string().nullable(),
  closedAt: z.string().nullable(),
  members: z.array(ZClaimMember),
  flags: z.array(ZFlag),
  suggestedFlags: z.array(ZSuggestedFlag),
  clocks: z.array(ZClaimClockSummary),
  /** Actions the lifecycle allows from the current status (the caller's rights aside). */
  allowedActions: z.array(z.enum(TRANSITION_ACTIONS)),
  canReadSensitive: z.boolean(),
});
export type TClaim = z.infer<typeof ZClaim>;

export const ZClaimListItem = z.object({
  ...ZClaimCore,
  principalName: z.string(),
  principalNationalities: z.array(z.string()),
  memberCount: z.number(),
  /** Categories of active flags the caller may see; `sensitive` counts the hidden ones. */
  flagCategories: z.array(z.enum(VULNERABILITY_CATEGORIES)),
  hiddenSensitiveFlags: z.number(),
  /** Working days left on the deciding clock on the claim's calendar (negative once overdue); null when it is not counting. */
  decisionWorkingDaysLeft: z.number().nullable(),
});
export type TClaimListItem = z.infer<typeof ZClaimListItem>;

/** A comma-separated list of statuses (`status=registered,admitted`). */
const ZStatusList = z.string().max(500)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CLAIM_STATUSES)).max(20));

export const ZClaimQuery = z.strictObject({
  officeId: z.uuid().optional(),
  status: ZStatusList.optional(),
  /**
   * true: claims still in progress, open ones and those decided with an act still due (the
   * notification, an appeal's resolution; ADR 051); false: the others.
   */
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  officerId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  unassigned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /**
   * Claims needing a supervisor's attention: `competency_gap` = open claims whose officer no
   * longer holds a competency the claim requires (one expired or was revoked after assignment).
   */
  attention: z.enum(['competency_gap']).optional(),
  nationality: ZCountryCode.optional(),
  flag: z.enum(VULNERABILITY_CATEGORIES).optional(),
  riskBand: z.enum(RISK_BANDS).optional(),
  modality: z.enum(CLAIM_MODALITIES).optional(),
  lodgedFrom: ZIsoDate.optional(),
  lodgedTo: ZIsoDate.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.invalid_format' }).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type TClaimQuery = z.infer<typeof ZClaimQuery>;

export const ZClaimPage = z.object({ items: z.array(ZClaimListItem), nextCursor: z.string().nullable() });

export const ZRiskCounts = z.array(z.object({
  officeId: z.string(), officeCode: z.string(), officeName: z.string(),
  onTrack: z.number(), dueSoon: z.number(), overdue: z.number(), noDueDate: z.number(),
}));

/** One lifecycle step. `reason` is required by the side exits and the late-filing review. */
export const ZTransitionInput = z.strictObject({
  version: ZVersion,
  reason: z.string().trim().min(1).max(LIMITS.reasonMax).nullable().default(null),
  /** transfer only: the receiving office. */
  toOfficeId: z.uuid().nullable().default(null),
});
export type TTransitionInput = z.infer<typeof ZTransitionInput>;

export const ZClaimUpdate = z.strictObject({
  modality: z.enum(CLAIM_MODALITIES).optional(),
  enteredMexicoOn: ZIsoDate.nullable().optional(),
  version: ZVersion,
});

export const ZAssignInput = z.strictObject({
  version: ZVersion,
  /** Null unassigns. */
  officerId: z.uuid().nullable(),
  reason: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
  /**
   * Assign although the officer lacks a competency the claim requires (override:gating:office);
   * `reason` is then mandatory. Ignored when nothing is missing.
   */
  overrideGating: z.boolean().default(false),
});

export const ZFlagAdd = z.strictObject({
  personId: z.uuid().nullable().default(null),
  category: z.enum(VULNERABILITY_CATEGORIES),
  indicator: z.string().trim().min(1).max(LIMITS.reasonMax),
});
export const ZFlagWithdraw = z.strictObject({
  version: ZVersion,
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});

/** "Who can take this claim": eligible officers first, by caseload then soonest due date; the others with what they miss. */
export const ZAssignableOfficer = z.object({
  id: z.string(), fullName: z.string(), username: z.string(), openClaims: z.number(), soonestDueOn: z.string().nullable(),
  eligible: z.boolean(), missing: z.array(z.object({ code: z.string(), title: z.string() })),
});

/** A clock explained day by day, with the filing-limit verdict (filed on, late or not). */
export const ZClaimClockExplained = ZClaimClock.extend({ filedOn: z.string().nullable(), late: z.boolean().nullable() });
export type TClaimClockExplained = z.infer<typeof ZClaimClockExplained>;
