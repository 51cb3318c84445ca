import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { CLAIM_MODALITIES, MEMBER_RELATIONS, VULNERABILITY_CATEGORIES, ZFlagInput, ZPerson, ZPersonInput } from '../intake/index.ts';

export const REFERRAL_STATUSES = ['pending', 'accepted', 'returned'] as const;
export const REFERRAL_CHANNELS = ['inm_referral', 'detention_centre'] as const;
const ZVersion = z.number().int().positive();
const ZStateCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'validation.invalid_format' });

export const ZReferralMemberInput = z.strictObject({
  relation: z.enum(MEMBER_RELATIONS),
  unaccompanied: z.boolean().default(false),
  person: ZPersonInput,
});

/** What a first-contact officer records (a phone-sized form): who, where and when, the checklist, what they saw. */
export const ZReferralInput = z.strictObject({
  sourceOfficeId: z.uuid(),
  expressedAt: z.iso.datetime({ offset: true, message: 'validation.invalid_datetime' }),
  expressedPlace: z.string().trim().min(1).max(LIMITS.nameMax),
  /** The state where the wish was expressed: routes the referral to the COMAR office serving it. */
  expressedStateCode: ZStateCode,
  enteredMexicoOn: z.iso.date({ message: 'validation.invalid_date' }).nullable().default(null),
  /** The principal first, then family members travelling with them. */
  members: z.array(ZReferralMemberInput).min(1).max(30),
  identified: z.boolean(),
  informed: z.boolean(),
  referred: z.boolean(),
  indicators: z.array(ZFlagInput).max(50).default([]),
  notes: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
});
export type TReferralInput = z.infer<typeof ZReferralInput>;

export const ZReferralAccept = z.strictObject({
  version: ZVersion,
  modality: z.enum(CLAIM_MODALITIES).default('regular'),
  /** People the clerk matched in the duplicate check: member index → existing person. */
  links: z.array(z.strictObject({ memberIndex: z.number().int().min(0).max(29), existingPersonId: z.uuid() })).max(30).default([]),
});
export const ZReferralReturn = z.strictObject({
  version: ZVersion,
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});

const ZOfficeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZReferral = z.object({
  id: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sourceOffice: ZOfficeRef,
  targetOffice: ZOfficeRef,
  channel: z.enum(REFERRAL_CHANNELS),
  principalName: z.string(),
  members: z.array(z.object({ relation: z.enum(MEMBER_RELATIONS), unaccompanied: z.boolean(), person: ZPerson })),
  expressedAt: z.string(),
  expressedPlace: z.string(),
  expressedStateCode: z.string(),
  enteredMexicoOn: z.string().nullable(),
  identified: z.boolean(),
  informed: z.boolean(),
  referred: z.boolean(),
  indicators: z.array(z.object({
    memberIndex: z.number().nullable(), category: z.enum(VULNERABILITY_CATEGORIES).nullable(), indicator: z.string().nullable(),
    sensitive: z.boolean(),
  })),
  notes: z.string().nullable(),
  /** 72 hours after the wish was expressed (Reglamento art. 22). */
  noticeDueAt: z.string(),
  /** pending: still open; met / missed: decided before or after noticeDueAt. */
  noticeState: z.enum(['pending', 'overdue', 'met', 'missed']),
  returnReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  claimId: z.string().nullable(),
  claimNumber: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type TReferral = z.infer<typeof ZReferral>;

export const ZReferralListItem = ZReferral.omit({ members: true, indicators: true, notes: true }).extend({
  memberCount: z.number(),
});
export type TReferralListItem = z.infer<typeof ZReferralListItem>;

export const ZReferralQuery = z.strictObject({
  /** inbox: referrals to the caller's offices; sent: from them; omitted: both. */
  box: z.enum(['inbox', 'sent']).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  officeId: z.uuid().optional(),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.invalid_format' }).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export const ZReferralPage = z.object({ items: z.array(ZReferralListItem), nextCursor: z.string().nullable() });

export const ZReferralAccepted = z.object({ referral: ZReferral, claimId: z.string(), claimNumber: z.string() });
