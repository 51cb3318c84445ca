import type { Queryable } from '@refugio/db';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/limits.ts';
import { todayIn } from '../../shared/time.ts';
import {
  BOD_CONDITIONS, type BodCondition, type CartagenaCircumstance, type Conclusion, type ConventionGround, type EvidenceContentType,
  type EvidenceKind, type FactKind, type IndicatorValue,
} from '../assessment.rules.ts';
import { isCoiOutdated, type CoiSourceStatus } from '../coi.rules.ts';
import { formatCoiCitation } from './coi-citation.ts';
import { EVIDENCE_SELECT, FACT_SELECT, loadAssessmentRow, type EvidenceRow, type FactRow } from './assessment-view.ts';
import { coiMaxAgeYears } from './coi-settings.ts';

/** A library source as the decision cites it. */
export interface DecisionCoiCitation {
  sourceId: string;
  /** Publisher, title, date of publication, URL and date accessed, marked when older than the authority's limit. */
  citation: string;
  publisher: string;
  title: string;
  publishedOn: string;
  accessedOn: string;
  url: string | null;
  outdated: boolean;
  status: CoiSourceStatus;
}

export interface DecisionEvidence {
  id: string;
  kind: EvidenceKind;
  description: string;
  /** statement: the signed interview and the question answered. */
  interviewId: string | null;
  questionCode: string | null;
  /** The words relied on: the answer, the typed document, the witness's statement. */
  quote: string | null;
  /** An uploaded document, or a typed one's text, by its SHA-256. */
  sha256: string | null;
  document: { fileName: string; contentType: EvidenceContentType } | null;
  coi: (DecisionCoiCitation & { passage: string }) | null;
}

export interface DecisionFact {
  id: string;
  /** 1-based, in the assessment's order. */
  number: number;
  kind: FactKind;
  statement: string;
  /** Under the claim's field policy: the caller shows it only to readers of the claim's sensitive data. */
  sensitive: boolean;
  indicators: Record<'sufficiency' | 'internalConsistency' | 'externalConsistency' | 'plausibility', { value: IndicatorValue | null; notes: string }>;
  chanceToExplain: boolean | null;
  explanation: string;
  conclusion: Conclusion | null;
  reasons: string;
  /** The conditions as ticked, when the benefit of the doubt was given. */
  benefitOfDoubt: Record<BodCondition, boolean> | null;
  evidence: DecisionEvidence[];
}

/** A claim's whole assessment, in the order the decision's sections follow (domain §7). */
export interface AssessmentForDecision {
  claimId: string;
  assessmentId: string;
  version: number;
  language: Language;
  /** The authority's age limit the citations are marked against, and the day they were. */
  coiMaxAgeYears: number;
  today: string;
  facts: DecisionFact[];
  /** Facts accepted, or accepted with the benefit of the doubt: what the risk assessment rests on. */
  acceptedFactIds: string[];
  rejectedFactIds: string[];
  riskAssessment: string;
  legalAnalysis: {
    conventionGrounds: ConventionGround[];
    nexus: string;
    cartagenaCircumstances: CartagenaCircumstance[];
    cartagenaAnalysis: string;
    surPlace: boolean;
    surPlaceAnalysis: string;
    actorsOfPersecution: string;
    actorsOfProtection: string;
    internalProtectionAlternative: string;
    exclusion: { considered: boolean; analysis: string; review: { reviewedBy: string | null; reviewedAt: string; notes: string } | null };
    complementaryProtection: string;
  };
  /** Every library source cited, once, in the order first cited: the decision's list of sources. */
  coiSources: DecisionCoiCitation[];
}

export interface ReadAssessmentForDecisionOptions {
  /** The language of the citations' dates and marks (the decision's; Spanish by default). */
  language?: Language;
}

/**
 * Reads a claim's assessment for the decision feature (ADR 028, 029): facts in order with their
 * indicators, conclusions and reasons, their evidence with COI citations formatted, the risk
 * assessment and the legal analysis. It checks no access and writes no audit event: the caller's
 * use case has already loaded the claim under its policy and audits its own act; sensitive facts
 * are flagged for it to apply the field policy. Undefined while the claim has no assessment.
 */
export async function readAssessmentForDecision(db: Queryable, claimId: string, options: ReadAssessmentForDecisionOptions = {})
  : Promise<AssessmentForDecision | undefined> {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const row = await loadAssessmentRow(db, claimId);
  if (!row) return undefined;
  const [claim, facts, evidence] = await Promise.all([
    db.query<{ institution_id: string; time_zone: string }>(
      'SELECT o.institution_id, o.time_zone FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1', [claimId]),
    db.query<FactRow>(`${FACT_SELECT} WHERE f.assessment_id = $1 ORDER BY f.position`, [row.id]),
    db.query<EvidenceRow>(`${EVIDENCE_SELECT} JOIN material_facts mf ON mf.id = e.fact_id WHERE mf.assessment_id = $1 ORDER BY e.created_at, e.id`, [row.id]),
  ]);
  const office = claim.rows[0]!;
  const maxAgeYears = await coiMaxAgeYears(db, office.institution_id);
  const today = todayIn(office.time_zone);
  const sources = new Map<string, DecisionCoiCitation>();
  const cite = (e: EvidenceRow): DecisionCoiCitation => {
    const known = sources.get(e.sourceId!);
    if (known) return known;
    const source = {
      publisher: e.sourcePublisher!, title: e.sourceTitle!, publishedOn: e.sourcePublishedOn!, accessedOn: e.sourceAccessedOn!, url: e.sourceUrl,
    };
    const outdated = isCoiOutdated(source.publishedOn, today, maxAgeYears);
    const citation: DecisionCoiCitation = {
      sourceId: e.sourceId!, ...source, outdated, status: e.sourceStatus!,
      citation: formatCoiCitation(source, language, { outdated: outdated && { maxAgeYears } }),
    };
    sources.set(e.sourceId!, citation);
    return citation;
  };
  const byFact = new Map<string, DecisionEvidence[]>();
  const ordered = new Map(facts.rows.map((f, i) => [f.id, i]));
  // Sources are listed in the order the facts cite them, not the order they were added.
  const evidenceInFactOrder = evidence.rows.toSorted((a, b) => ordered.get(a.factId)! - ordered.get(b.factId)!);
  for (const e of evidenceInFactOrder) {
    const item: DecisionEvidence = {
      id: e.id, kind: e.kind, description: e.description, interviewId: e.interviewId, questionCode: e.questionCode, quote: e.quote,
      sha256: e.sha256, document: e.fileName && e.contentType ? { fileName: e.fileName, contentType: e.contentType } : null,
      coi: e.sourceId ? { ...cite(e), passage: e.coiPassage ?? '' } : null,
    };
    const list = byFact.get(e.factId);
    if (list) list.push(item);
    else byFact.set(e.factId, [item]);
  }
  const decisionFacts: DecisionFact[] = facts.rows.map((f, i) => ({
    id: f.id, number: i + 1, kind: f.kind, statement: f.statement, sensitive: f.sensitive,
    indicators: {
      sufficiency: { value: f.sufficiency, notes: f.sufficiencyNotes },
      internalConsistency: { value: f.internalConsistency, notes: f.internalConsistencyNotes },
      externalConsistency: { value: f.externalConsistency, notes: f.externalConsistencyNotes },
      plausibility: { value: f.plausibility, notes: f.plausibilityNotes },
    },
    chanceToExplain: f.chanceToExplain, explanation: f.explanation, conclusion: f.conclusion, reasons: f.reasons,
    benefitOfDoubt: f.conclusion === 'benefit_of_doubt' ? Object.fromEntries(BOD_CONDITIONS.map((c) => [c, f[c]])) as Record<BodCondition, boolean> : null,
    evidence: byFact.get(f.id) ?? [],
  }));
  return {
    claimId, assessmentId: row.id, version: row.version, language, coiMaxAgeYears: maxAgeYears, today, facts: decisionFacts,
    acceptedFactIds: decisionFacts.filter((f) => f.conclusion === 'accepted' || f.conclusion === 'benefit_of_doubt').map((f) => f.id),
    rejectedFactIds: decisionFacts.filter((f) => f.conclusion === 'rejected').map((f) => f.id),
    riskAssessment: row.riskAssessment,
    legalAnalysis: {
      conventionGrounds: row.conventionGrounds, nexus: row.nexus, cartagenaCircumstances: row.cartagenaCircumstances,
      cartagenaAnalysis: row.cartagenaAnalysis, surPlace: row.surPlace, surPlaceAnalysis: row.surPlaceAnalysis,
      actorsOfPersecution: row.actorsOfPersecution, actorsOfProtection: row.actorsOfProtection,
      internalProtectionAlternative: row.internalProtectionAlternative,
      exclusion: {
        considered: row.exclusionConsidered, analysis: row.exclusionAnalysis,
        review: row.exclusionReviewedAt ? { reviewedBy: row.exclusionReviewedBy, reviewedAt: row.exclusionReviewedAt, notes: row.exclusionReviewNotes } : null,
      },
      complementaryProtection: row.complementaryProtection,
    },
    coiSources: [...sources.values()],
  };
}
