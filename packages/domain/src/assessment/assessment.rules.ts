/**
 * The evidence assessment of a claim (EUAA practical guide on evidence assessment; ADR 028, 029):
 * material facts, the evidence for each, credibility indicators, a conclusion per fact with
 * reasons, then the risk and the legal analysis on the accepted facts. Shared by the server and
 * the web app.
 */
import type { ClaimStatus } from '../procedure/index.ts';

/** The facts central to a claim (EUAA guide, step 1). */
export const FACT_KINDS = ['identity', 'nationality', 'past_event', 'feared_harm', 'profile', 'other'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * Credibility indicators (EUAA guide, step 3): sufficiency of detail and specificity, internal
 * consistency, external consistency (with COI and other evidence), plausibility. Demeanour is
 * not one: it says nothing reliable across cultures, trauma and interpretation.
 */
export const CREDIBILITY_INDICATORS = ['sufficiency', 'internalConsistency', 'externalConsistency', 'plausibility'] as const;
export type CredibilityIndicator = (typeof CREDIBILITY_INDICATORS)[number];
export const INDICATOR_VALUES = ['positive', 'negative', 'neutral'] as const;
export type IndicatorValue = (typeof INDICATOR_VALUES)[number];

/** Each fact ends accepted, rejected, or accepted with the benefit of the doubt (EUAA guide, step 4). */
export const CONCLUSIONS = ['accepted', 'rejected', 'benefit_of_doubt'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

/**
 * The benefit of the doubt's conditions, all of which must hold (UNHCR Handbook paras. 196–205,
 * para. 204 in particular; EU Qualification Directive art. 4(5)(a)–(e) as the EUAA guide reads it):
 * a genuine effort to substantiate; everything available submitted and what is missing explained;
 * coherent and plausible statements not contradicted by what is known; a timely application or a
 * good reason for the delay; general credibility established.
 */
export const BOD_CONDITIONS = ['bodGenuineEffort', 'bodEvidenceSubmitted', 'bodCoherentPlausible', 'bodTimely', 'bodGenerallyCredible'] as const;
export type BodCondition = (typeof BOD_CONDITIONS)[number];

/** Evidence for a fact (EUAA guide, step 2). */
export const EVIDENCE_KINDS = ['statement', 'document', 'witness', 'coi'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Convention grounds (LRPCPAP art. 13-I, which names gender among them). */
export const CONVENTION_GROUNDS = ['race', 'religion', 'nationality', 'gender', 'particular_social_group', 'political_opinion'] as const;
export type ConventionGround = (typeof CONVENTION_GROUNDS)[number];

/** The Cartagena Declaration's circumstances as LRPCPAP art. 13-II adopts them. */
export const CARTAGENA_CIRCUMSTANCES = ['generalized_violence', 'foreign_aggression', 'internal_conflict',
  'massive_human_rights_violations', 'serious_disturbance_of_public_order'] as const;
export type CartagenaCircumstance = (typeof CARTAGENA_CIRCUMSTANCES)[number];

/**
 * The assessment is written while the claim is under assessment. Once a decision is drafted from
 * it, the draft rests on what was checked at `draft_decision`; an appeal that sends the claim back
 * (`send_back`) opens it again.
 */
export const ASSESSMENT_EDITABLE_STATUSES = ['under_assessment'] as const satisfies readonly ClaimStatus[];

export function isAssessmentEditable(status: string): boolean {
  return (ASSESSMENT_EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** A document uploaded as evidence: a PDF or a photograph, at most 10 MiB (as a guide's PDF, ADR 016). */
export const EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

const MAGIC: Array<{ type: EvidenceContentType; bytes: number[] }> = [
  // ISO 32000-1 §7.5.2: every PDF starts with %PDF-.
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PNG signature (ISO/IEC 15948 §5.2).
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG: start-of-image marker followed by another marker.
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** What a file is, read from its first bytes: the declared content type alone proves nothing. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceContentType | null {
  const match = MAGIC.find((m) => bytes.length > m.bytes.length && m.bytes.every((b, i) => bytes[i] === b));
  return match?.type ?? null;
}

/** The benefit-of-the-doubt conditions not ticked on a fact. */
export function missingBodConditions(fact: Record<BodCondition, boolean>): BodCondition[] {
  return BOD_CONDITIONS.filter((c) => !fact[c]);
}

/**
 * The name a file is saved under: the uploaded name without folders or quotes, with an ASCII
 * fallback for the plain `filename` parameter of Content-Disposition.
 */
export function attachmentName(fileName: string, fallback: string): { utf8: string; ascii: string } {
  const utf8 = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '').trim() || fallback;
  const ascii = utf8.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
  return { utf8, ascii };
}
