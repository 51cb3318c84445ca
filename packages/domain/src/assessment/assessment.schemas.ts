import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import {
  CARTAGENA_CIRCUMSTANCES, CONCLUSIONS, CONVENTION_GROUNDS, EVIDENCE_CONTENT_TYPES, EVIDENCE_KINDS, FACT_KINDS, INDICATOR_VALUES,
} from './assessment.rules.ts';
import { COI_SOURCE_STATUSES } from './coi.rules.ts';

const ZVersion = z.number().int().positive();
/** Analysis, reasons and quotes are paragraphs, not one-line reasons. */
export const ASSESSMENT_TEXT_MAX = 20_000;
export const FACT_STATEMENT_MAX = 4000;
const ZLongText = z.string().trim().max(ASSESSMENT_TEXT_MAX);
const ZIndicator = z.enum(INDICATOR_VALUES).nullable();

export const ZOpenAssessmentInput = z.strictObject({ version: ZVersion });

/** A new material fact: what the applicant states, in the officer's words. */
export const ZFactInput = z.strictObject({
  kind: z.enum(FACT_KINDS),
  statement: z.string().trim().min(1).max(FACT_STATEMENT_MAX),
  /** Reveals sexual orientation, gender identity, health or trauma: read only under the claim's field policy. */
  sensitive: z.boolean().default(false),
});
export type TFactInput = z.infer<typeof ZFactInput>;

/**
 * A fact as the officer saves it, whole: indicators with notes, the chance to explain an
 * inconsistency, the conclusion with its reasons and the benefit of the doubt's conditions.
 */
export const ZFactUpdate = z.strictObject({
  version: ZVersion,
  kind: z.enum(FACT_KINDS),
  statement: z.string().trim().min(1).max(FACT_STATEMENT_MAX),
  sensitive: z.boolean(),
  sufficiency: ZIndicator,
  sufficiencyNotes: ZLongText.default(''),
  internalConsistency: ZIndicator,
  internalConsistencyNotes: ZLongText.default(''),
  externalConsistency: ZIndicator,
  externalConsistencyNotes: ZLongText.default(''),
  plausibility: ZIndicator,
  plausibilityNotes: ZLongText.default(''),
  chanceToExplain: z.boolean().nullable(),
  explanation: ZLongText.default(''),
  conclusion: z.enum(CONCLUSIONS).nullable(),
  reasons: ZLongText.default(''),
  bodGenuineEffort: z.boolean().default(false),
  bodEvidenceSubmitted: z.boolean().default(false),
  bodCoherentPlausible: z.boolean().default(false),
  bodTimely: z.boolean().default(false),
  bodGenerallyCredible: z.boolean().default(false),
});
export type TFactUpdate = z.infer<typeof ZFactUpdate>;

export const ZReorderFactsInput = z.strictObject({
  /** The assessment's version. */
  version: ZVersion,
  /** Every fact of the assessment, in the new order. */
  factIds: z.array(z.uuid()).min(1).max(500),
});


/**
 * Evidence for a fact, typed in: a statement quoted from the signed interview record, a document
 * transcribed, a witness's or relative's statement, or a passage of a COI source. Which members
 * each kind needs is checked by the use case, naming the field.
 */
export const ZEvidenceInput = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  /** What it is and what it shows (the witness's name and relation; the document's type and number). */
  description: z.string().trim().min(1).max(LIMITS.reasonMax),
  /** statement: the signed interview and the answer quoted. */
  interviewId: z.uuid().nullable().default(null),
  questionCode: z.string().trim().min(1).max(120).nullable().default(null),
  /** statement: the answer's words; document: its text; witness: their words. */
  quote: z.string().trim().min(1).max(ASSESSMENT_TEXT_MAX).nullable().default(null),
  /** coi: the source and the passage cited. */
  coiSourceId: z.uuid().nullable().default(null),
  coiPassage: z.string().trim().min(1).max(ASSESSMENT_TEXT_MAX).nullable().default(null),
});
export type TEvidenceInput = z.infer<typeof ZEvidenceInput>;

/** An uploaded document (PDF, PNG or JPEG as the request body); these describe it. */
export const ZEvidenceFileQuery = z.strictObject({
  description: z.string().trim().min(1).max(LIMITS.reasonMax),
  fileName: z.string().trim().min(1).max(200),
});
export type TEvidenceFileQuery = z.infer<typeof ZEvidenceFileQuery>;

export const ZAnalysisInput = z.strictObject({
  version: ZVersion,
  riskAssessment: ZLongText,
  conventionGrounds: z.array(z.enum(CONVENTION_GROUNDS)).max(CONVENTION_GROUNDS.length),
  nexus: ZLongText,
  cartagenaCircumstances: z.array(z.enum(CARTAGENA_CIRCUMSTANCES)).max(CARTAGENA_CIRCUMSTANCES.length),
  cartagenaAnalysis: ZLongText,
  surPlace: z.boolean(),
  surPlaceAnalysis: ZLongText,
  actorsOfPersecution: ZLongText,
  actorsOfProtection: ZLongText,
  internalProtectionAlternative: ZLongText,
  exclusionConsidered: z.boolean(),
  exclusionAnalysis: ZLongText,
  complementaryProtection: ZLongText,
});
export type TAnalysisInput = z.infer<typeof ZAnalysisInput>;

export const ZExclusionReviewInput = z.strictObject({
  version: ZVersion,
  notes: z.string().trim().min(1).max(ASSESSMENT_TEXT_MAX),
});
export type TExclusionReviewInput = z.infer<typeof ZExclusionReviewInput>;

/** A COI source as a citation shows it. */
export const ZCitedSource = z.object({
  id: z.uuid(),
  title: z.string(),
  publisher: z.string(),
  publishedOn: z.string(),
  accessedOn: z.string(),
  url: z.string().nullable(),
  status: z.enum(COI_SOURCE_STATUSES),
  outdated: z.boolean(),
  citation: z.string(),
});
export type TCitedSource = z.infer<typeof ZCitedSource>;

export const ZEvidence = z.object({
  id: z.uuid(),
  kind: z.enum(EVIDENCE_KINDS),
  description: z.string(),
  interviewId: z.uuid().nullable(),
  questionCode: z.string().nullable(),
  quote: z.string().nullable(),
  file: z.object({ fileName: z.string(), contentType: z.enum(EVIDENCE_CONTENT_TYPES), sha256: z.string(), sizeBytes: z.number().int() }).nullable(),
  /** A typed document's text is hashed too, so the decision can show what was relied on. */
  sha256: z.string().nullable(),
  coiSource: ZCitedSource.nullable(),
  coiPassage: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

/** Texts are null, and `redacted` true, for a sensitive fact read outside the field policy. */
export const ZMaterialFact = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(FACT_KINDS),
  statement: z.string().nullable(),
  sensitive: z.boolean(),
  redacted: z.boolean(),
  sufficiency: ZIndicator,
  sufficiencyNotes: z.string().nullable(),
  internalConsistency: ZIndicator,
  internalConsistencyNotes: z.string().nullable(),
  externalConsistency: ZIndicator,
  externalConsistencyNotes: z.string().nullable(),
  plausibility: ZIndicator,
  plausibilityNotes: z.string().nullable(),
  chanceToExplain: z.boolean().nullable(),
  explanation: z.string().nullable(),
  conclusion: z.enum(CONCLUSIONS).nullable(),
  reasons: z.string().nullable(),
  bodGenuineEffort: z.boolean(),
  bodEvidenceSubmitted: z.boolean(),
  bodCoherentPlausible: z.boolean(),
  bodTimely: z.boolean(),
  bodGenerallyCredible: z.boolean(),
  concludedBy: z.string().nullable(),
  concludedAt: z.string().nullable(),
  evidence: z.array(ZEvidence),
  version: z.number().int(),
});
export type TMaterialFact = z.infer<typeof ZMaterialFact>;

/** A signed interview record of the claim, that statements may quote. */
export const ZSignedInterview = z.object({ id: z.uuid(), signedAt: z.string().nullable(), language: z.string(), personName: z.string() });

export const ZAssessment = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  claimNumber: z.string(),
  claimStatus: z.string(),
  /** The claim's version, for the procedure's steps. */
  claimVersion: z.number().int(),
  /** The claim is under assessment and the reader may change it. */
  editable: z.boolean(),
  canReadSensitive: z.boolean(),
  /** The reader may record the supervisor's review of a considered exclusion. */
  mayReviewExclusion: z.boolean(),
  /** The risk and legal analysis rest on sensitive facts and are hidden from this reader. */
  analysisRedacted: z.boolean(),
  riskAssessment: z.string().nullable(),
  conventionGrounds: z.array(z.enum(CONVENTION_GROUNDS)),
  nexus: z.string().nullable(),
  cartagenaCircumstances: z.array(z.enum(CARTAGENA_CIRCUMSTANCES)),
  cartagenaAnalysis: z.string().nullable(),
  surPlace: z.boolean(),
  surPlaceAnalysis: z.string().nullable(),
  actorsOfPersecution: z.string().nullable(),
  actorsOfProtection: z.string().nullable(),
  internalProtectionAlternative: z.string().nullable(),
  exclusionConsidered: z.boolean(),
  exclusionAnalysis: z.string().nullable(),
  exclusionReview: z.object({ reviewedBy: z.string(), reviewedAt: z.string(), notes: z.string().nullable() }).nullable(),
  complementaryProtection: z.string().nullable(),
  facts: z.array(ZMaterialFact),
  signedInterviews: z.array(ZSignedInterview),
  /** The authority's COI age limit the citations are marked against. */
  coiMaxAgeYears: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TAssessment = z.infer<typeof ZAssessment>;
