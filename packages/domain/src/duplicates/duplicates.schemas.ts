import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import {
  BIRTH_DATE_MATCH_KINDS, DOCUMENT_MATCH_KINDS, NAME_MATCH_KINDS, NATIONALITY_MATCH_KINDS,
} from './duplicates.rules.ts';

const ZPersonName = z.string().trim().max(LIMITS.nameMax);
/** ISO 3166 country code (alpha-2 or alpha-3). */
const ZCountry = z.string().trim().toUpperCase().regex(/^[A-Z]{2,3}$/, { message: 'validation.invalid_format' });

export const ZDuplicateDocument = z.strictObject({
  type: z.string().trim().max(40).optional(),
  number: z.string().trim().min(1).max(64),
  issuingCountry: ZCountry.nullable().optional(),
});

/** The person to look for: the fields registration or referral intake already has. */
export const ZDuplicateCheckInput = z.strictObject({
  /** An existing person (e.g. from a referral): excluded from the results, with their "not the same person" pairs. */
  personId: z.uuid().optional(),
  givenNames: ZPersonName.min(1),
  firstSurname: ZPersonName.nullable().optional(),
  secondSurname: ZPersonName.nullable().optional(),
  otherNames: z.array(ZPersonName.min(1)).max(10).optional(),
  birthDate: z.iso.date().nullable().optional(),
  birthDateEstimated: z.boolean().optional(),
  nationalities: z.array(ZCountry).max(5).optional(),
  documents: z.array(ZDuplicateDocument).max(10).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type TDuplicateCheckInput = z.infer<typeof ZDuplicateCheckInput>;

export const ZMatchReason = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('name'), kind: z.enum(NAME_MATCH_KINDS), points: z.number(), value: z.string(),
    similarity: z.number(), variants: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
    alias: z.boolean().optional(),
  }),
  z.object({
    field: z.literal('birthDate'), kind: z.enum(BIRTH_DATE_MATCH_KINDS), points: z.number(),
    value: z.string().nullable(), days: z.number().optional(),
  }),
  z.object({
    field: z.literal('nationality'), kind: z.enum(NATIONALITY_MATCH_KINDS), points: z.number(),
    value: z.array(z.string()), common: z.array(z.string()).optional(),
  }),
  z.object({
    field: z.literal('document'), kind: z.enum(DOCUMENT_MATCH_KINDS), points: z.number(),
    value: z.string().nullable(), sameIssuingCountry: z.boolean().optional(),
  }),
]);
export type TMatchReason = z.infer<typeof ZMatchReason>;

export const ZCandidateClaim = z.object({
  /** Only for claims the caller may read. */
  claimId: z.string().nullable(),
  claimNumber: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  relation: z.string(),
  status: z.string().nullable(),
});

export const ZDuplicateCandidate = z.object({
  personId: z.string(),
  score: z.number(),
  level: z.enum(['high', 'possible', 'low']),
  /** The caller may read one of this person's claims; otherwise only minimal identifying fields are given. */
  inScope: z.boolean(),
  givenNames: z.string(),
  firstSurname: z.string().nullable(),
  secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  nationalities: z.array(z.string()),
  sex: z.string().nullable(),
  /** In scope only. */
  otherNames: z.array(z.string()).optional(),
  documents: z.array(z.object({ type: z.string().nullable().optional(), number: z.string(), issuingCountry: z.string().nullable().optional() })).optional(),
  claims: z.array(ZCandidateClaim),
  /** The record that matched had been merged into this person. */
  matchedMergedPersonId: z.string().nullable(),
  reasons: z.array(ZMatchReason),
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

export const ZDuplicateCheckResult = z.object({
  candidates: z.array(ZDuplicateCandidate),
  threshold: z.number(),
});
export type TDuplicateCheckResult = z.infer<typeof ZDuplicateCheckResult>;

export const ZNotDuplicateInput = z.strictObject({
  otherPersonId: z.uuid(),
  reason: z.string().trim().max(LIMITS.reasonMax).optional(),
});
export const ZNonDuplicate = z.object({
  id: z.string(), personAId: z.string(), personBId: z.string(), reason: z.string().nullable(),
  recordedBy: z.string().nullable(), createdAt: z.string(),
});
export type TNonDuplicate = z.infer<typeof ZNonDuplicate>;

export const ZMergeInput = z.strictObject({
  /** The person kept. */
  survivorId: z.uuid(),
  /** The person merged into the survivor; the row stays, marked, so the merge can be undone. */
  mergedId: z.uuid(),
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});
export const ZUndoMergeInput = z.strictObject({
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});

const ZMergePerson = z.object({
  id: z.string(), givenNames: z.string(), firstSurname: z.string().nullable(), secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
});
export const ZPersonMerge = z.object({
  id: z.string(),
  survivor: ZMergePerson,
  merged: ZMergePerson,
  reason: z.string(),
  mergedBy: z.string().nullable(),
  mergedAt: z.string(),
  /** Rows moved from the merged person to the survivor, per table. */
  moved: z.record(z.string(), z.number()),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  undoReason: z.string().nullable(),
  version: z.number(),
});
export type TPersonMerge = z.infer<typeof ZPersonMerge>;

export const ZMergeQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
