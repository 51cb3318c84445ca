import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { mayActOnClaim, mayReadSensitive, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { todayIn } from '../../shared/time.ts';
import { isAssessmentEditable, type EvidenceContentType } from '../assessment.rules.ts';
import type { TAssessment, TEvidence, TMaterialFact } from '../assessment.schemas.ts';
import type { CoiSourceStatus } from '../coi.rules.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { presentCitedSource, type CoiReading } from './coi-source-view.ts';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const FACT_SELECT = `SELECT f.id, f.assessment_id AS "assessmentId", f.position, f.kind, f.statement, f.sensitive,
    f.sufficiency, f.sufficiency_notes AS "sufficiencyNotes", f.internal_consistency AS "internalConsistency",
    f.internal_consistency_notes AS "internalConsistencyNotes", f.external_consistency AS "externalConsistency",
    f.external_consistency_notes AS "externalConsistencyNotes", f.plausibility, f.plausibility_notes AS "plausibilityNotes",
    f.chance_to_explain AS "chanceToExplain", f.explanation, f.conclusion, f.reasons,
    f.bod_genuine_effort AS "bodGenuineEffort", f.bod_evidence_submitted AS "bodEvidenceSubmitted",
    f.bod_coherent_plausible AS "bodCoherentPlausible", f.bod_timely AS "bodTimely", f.bod_generally_credible AS "bodGenerallyCredible",
    cu.full_name AS "concludedBy", ${ISO('f.concluded_at')} AS "concludedAt", f.version
  FROM material_facts f LEFT JOIN users cu ON cu.id = f.concluded_by`;

export const EVIDENCE_SELECT = `SELECT e.id, e.fact_id AS "factId", e.kind, e.description, e.interview_id AS "interviewId",
    e.question_code AS "questionCode", e.quote, e.file_name AS "fileName", e.content_type AS "contentType", e.sha256,
    e.size_bytes AS "sizeBytes", e.coi_passage AS "coiPassage", s.id AS "sourceId", s.title AS "sourceTitle",
    s.publisher AS "sourcePublisher", to_char(s.published_on, 'YYYY-MM-DD') AS "sourcePublishedOn",
    to_char(s.accessed_on, 'YYYY-MM-DD') AS "sourceAccessedOn", s.url AS "sourceUrl", s.status AS "sourceStatus",
    u.full_name AS "createdBy", ${ISO('e.created_at')} AS "createdAt"
  FROM fact_evidence e LEFT JOIN coi_sources s ON s.id = e.coi_source_id LEFT JOIN users u ON u.id = e.created_by`;

export type FactRow = Omit<TMaterialFact, 'redacted' | 'evidence' | 'statement' | 'sufficiencyNotes' | 'internalConsistencyNotes'
  | 'externalConsistencyNotes' | 'plausibilityNotes' | 'explanation' | 'reasons'> & {
  assessmentId: string;
  statement: string;
  sufficiencyNotes: string;
  internalConsistencyNotes: string;
  externalConsistencyNotes: string;
  plausibilityNotes: string;
  explanation: string;
  reasons: string;
};

export interface EvidenceRow {
  id: string;
  factId: string;
  kind: TEvidence['kind'];
  description: string;
  interviewId: string | null;
  questionCode: string | null;
  quote: string | null;
  fileName: string | null;
  contentType: EvidenceContentType | null;
  sha256: string | null;
  sizeBytes: number | null;
  coiPassage: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
  sourcePublisher: string | null;
  sourcePublishedOn: string | null;
  sourceAccessedOn: string | null;
  sourceUrl: string | null;
  sourceStatus: CoiSourceStatus | null;
  createdBy: string | null;
  createdAt: string;
}

export function presentEvidence(row: EvidenceRow, reading: CoiReading): TEvidence {
  return {
    id: row.id, kind: row.kind, description: row.description, interviewId: row.interviewId, questionCode: row.questionCode, quote: row.quote,
    file: row.fileName && row.contentType && row.sha256 ? { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, sizeBytes: row.sizeBytes ?? 0 } : null,
    sha256: row.sha256,
    coiSource: row.sourceId ? presentCitedSource({
      id: row.sourceId, title: row.sourceTitle!, publisher: row.sourcePublisher!, publishedOn: row.sourcePublishedOn!,
      accessedOn: row.sourceAccessedOn!, url: row.sourceUrl, status: row.sourceStatus!,
    }, reading) : null,
    coiPassage: row.coiPassage, createdBy: row.createdBy, createdAt: row.createdAt,
  };
}

/** A sensitive fact read outside the claim's field policy shows its kind and conclusion, not its words or evidence. */
export function presentFact(row: FactRow, evidence: EvidenceRow[], readSensitive: boolean, reading: CoiReading): TMaterialFact {
  const hidden = row.sensitive && !readSensitive;
  const text = (value: string) => (hidden ? null : value);
  const { assessmentId: _assessment, ...fact } = row;
  return {
    ...fact, redacted: hidden, statement: text(row.statement), sufficiencyNotes: text(row.sufficiencyNotes),
    internalConsistencyNotes: text(row.internalConsistencyNotes), externalConsistencyNotes: text(row.externalConsistencyNotes),
    plausibilityNotes: text(row.plausibilityNotes), explanation: text(row.explanation), reasons: text(row.reasons),
    evidence: hidden ? [] : evidence.map((e) => presentEvidence(e, reading)),
  };
}

export async function loadFactRow(db: Queryable, assessmentId: string, factId: string): Promise<FactRow | undefined> {
  return (await db.query<FactRow>(`${FACT_SELECT} WHERE f.id = $1 AND f.assessment_id = $2`, [factId, assessmentId])).rows[0];
}

/** One fact with its evidence, as this reader may see it. */
export async function factView(db: Queryable, claim: ClaimKey, assessmentId: string, factId: string, readSensitive: boolean,
  language: Actor['language']): Promise<TMaterialFact | undefined> {
  const [row, evidence, maxAgeYears] = await Promise.all([
    loadFactRow(db, assessmentId, factId),
    db.query<EvidenceRow>(`${EVIDENCE_SELECT} WHERE e.fact_id = $1 ORDER BY e.created_at, e.id`, [factId]),
    coiMaxAgeYears(db, claim.institution_id),
  ]);
  return row && presentFact(row, evidence.rows, readSensitive, { language, today: todayIn(claim.time_zone), maxAgeYears });
}

interface AssessmentRow {
  id: string;
  claimId: string;
  claimNumber: string;
  claimStatus: string;
  claimVersion: number;
  riskAssessment: string;
  conventionGrounds: TAssessment['conventionGrounds'];
  nexus: string;
  cartagenaCircumstances: TAssessment['cartagenaCircumstances'];
  cartagenaAnalysis: string;
  surPlace: boolean;
  surPlaceAnalysis: string;
  actorsOfPersecution: string;
  actorsOfProtection: string;
  internalProtectionAlternative: string;
  exclusionConsidered: boolean;
  exclusionAnalysis: string;
  exclusionReviewedBy: string | null;
  exclusionReviewedById: string | null;
  exclusionReviewedAt: string | null;
  exclusionReviewNotes: string;
  complementaryProtection: string;
  version: number;
  updatedAt: string;
}

export const ASSESSMENT_SELECT = `SELECT a.id, a.claim_id AS "claimId", c.claim_number AS "claimNumber", c.status AS "claimStatus",
    c.version AS "claimVersion", a.risk_assessment AS "riskAssessment", a.convention_grounds AS "conventionGrounds", a.nexus,
    a.cartagena_circumstances AS "cartagenaCircumstances", a.cartagena_analysis AS "cartagenaAnalysis", a.sur_place AS "surPlace",
    a.sur_place_analysis AS "surPlaceAnalysis", a.actors_of_persecution AS "actorsOfPersecution",
    a.actors_of_protection AS "actorsOfProtection", a.internal_protection_alternative AS "internalProtectionAlternative",
    a.exclusion_considered AS "exclusionConsidered", a.exclusion_analysis AS "exclusionAnalysis",
    ru.full_name AS "exclusionReviewedBy", a.exclusion_reviewed_by AS "exclusionReviewedById",
    ${ISO('a.exclusion_reviewed_at')} AS "exclusionReviewedAt", a.exclusion_review_notes AS "exclusionReviewNotes",
    a.complementary_protection AS "complementaryProtection", a.version, ${ISO('a.updated_at')} AS "updatedAt"
  FROM claim_assessments a JOIN claims c ON c.id = a.claim_id LEFT JOIN users ru ON ru.id = a.exclusion_reviewed_by`;

/** The assessment's own row (analysis, exclusion review, version), or undefined before it is opened. */
export async function loadAssessmentRow(db: Queryable, claimId: string): Promise<AssessmentRow | undefined> {
  return (await db.query<AssessmentRow>(`${ASSESSMENT_SELECT} WHERE a.claim_id = $1`, [claimId])).rows[0];
}

/** Who may record the supervisor's review of a considered exclusion: a holder of the permission in the claim's office, not its officer. */
export function mayReviewExclusion(actor: Actor, claim: Pick<ClaimKey, 'office_id' | 'assigned_officer_id'>): boolean {
  return actor.permissions.has('review:exclusion:office') && actor.officeIds.includes(claim.office_id) && claim.assigned_officer_id !== actor.userId;
}

/**
 * A claim's whole assessment as this reader may see it: five statements (the assessment, its
 * facts, their evidence with the cited sources, the signed interviews, the authority's COI age
 * limit), whatever the number of facts.
 */
export async function assessmentOf(db: Queryable, actor: Actor, claim: ClaimKey): Promise<TAssessment | undefined> {
  const row = await loadAssessmentRow(db, claim.id);
  if (!row) return undefined;
  const [facts, evidence, interviews, maxAgeYears] = await Promise.all([
    db.query<FactRow>(`${FACT_SELECT} WHERE f.assessment_id = $1 ORDER BY f.position`, [row.id]),
    db.query<EvidenceRow>(`${EVIDENCE_SELECT} JOIN material_facts mf ON mf.id = e.fact_id WHERE mf.assessment_id = $1 ORDER BY e.created_at, e.id`, [row.id]),
    db.query<TAssessment['signedInterviews'][number]>(
      `SELECT i.id, ${ISO('i.signed_at')} AS "signedAt", i.language, concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "personName"
         FROM interviews i JOIN persons p ON p.id = i.person_id WHERE i.claim_id = $1 AND i.status = 'signed' ORDER BY i.signed_at, i.id`, [claim.id]),
    coiMaxAgeYears(db, claim.institution_id),
  ]);
  const readSensitive = mayReadSensitive(actor, claim);
  const reading: CoiReading = { language: actor.language, today: todayIn(claim.time_zone), maxAgeYears };
  const byFact = new Map<string, EvidenceRow[]>();
  for (const e of evidence.rows) {
    const list = byFact.get(e.factId);
    if (list) list.push(e);
    else byFact.set(e.factId, [e]);
  }
  // The risk and legal analysis rest on every accepted fact: when one is sensitive, they are read under the field policy too.
  const analysisRedacted = !readSensitive && facts.rows.some((f) => f.sensitive);
  const text = (value: string) => (analysisRedacted ? null : value);
  return {
    id: row.id, claimId: row.claimId, claimNumber: row.claimNumber, claimStatus: row.claimStatus, claimVersion: row.claimVersion,
    editable: isAssessmentEditable(row.claimStatus) && mayActOnClaim(actor, 'update', claim),
    canReadSensitive: readSensitive, mayReviewExclusion: mayReviewExclusion(actor, claim), analysisRedacted,
    riskAssessment: text(row.riskAssessment), conventionGrounds: analysisRedacted ? [] : row.conventionGrounds, nexus: text(row.nexus),
    cartagenaCircumstances: analysisRedacted ? [] : row.cartagenaCircumstances, cartagenaAnalysis: text(row.cartagenaAnalysis),
    surPlace: row.surPlace, surPlaceAnalysis: text(row.surPlaceAnalysis), actorsOfPersecution: text(row.actorsOfPersecution),
    actorsOfProtection: text(row.actorsOfProtection), internalProtectionAlternative: text(row.internalProtectionAlternative),
    exclusionConsidered: row.exclusionConsidered, exclusionAnalysis: text(row.exclusionAnalysis),
    exclusionReview: row.exclusionReviewedAt
      ? { reviewedBy: row.exclusionReviewedBy ?? '—', reviewedAt: row.exclusionReviewedAt, notes: text(row.exclusionReviewNotes) } : null,
    complementaryProtection: text(row.complementaryProtection),
    facts: facts.rows.map((f) => presentFact(f, byFact.get(f.id) ?? [], readSensitive, reading)),
    signedInterviews: interviews.rows, coiMaxAgeYears: maxAgeYears, version: row.version, updatedAt: row.updatedAt,
  };
}
