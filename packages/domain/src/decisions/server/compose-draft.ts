/**
 * The draft decision written from the claim's assessment (ADR 028, 030), in plain Spanish — the
 * language of the procedure — and addressed to the applicant as "usted", in the order of the
 * EUAA method: introduction → basis of claim → credibility findings → risk → legal analysis →
 * outcome (domain §7). Each fact carries its conclusion and reasons and the evidence it rests on,
 * COI cited as the library formats it. The officer edits every section afterwards; the
 * assessment itself is never changed by the draft.
 */
import { longDate } from '../../assessment/index.ts';
import type { AssessmentForDecision, DecisionFact } from '../../assessment/server/index.ts';
import type { DecisionSection, Outcome, SubstantiveOutcome } from '../decisions.rules.ts';
import { APPEAL_WORKING_DAYS, isPositive, LEGAL_BASIS, statesAppealRoute } from '../decisions.rules.ts';

export interface DraftPerson {
  personId: string;
  fullName: string;
  relation: string;
  outcome: Outcome;
  derivative: boolean;
}

export interface DraftContext {
  claimNumber: string;
  lodgedOn: string;
  officeName: string;
  principalName: string;
  nationalities: string[];
  /** The day the signed interview record was locked, if there is one. */
  interviewSignedOn: string | null;
  outcome: SubstantiveOutcome;
  persons: DraftPerson[];
  assessment: AssessmentForDecision;
}

const es = (day: string) => longDate(day, 'es-MX');

// Countries of nationality most often seen at COMAR (domain §9), by ISO 3166-1 alpha-3; any other code is printed as is.
const COUNTRY: Record<string, string> = {
  HND: 'Honduras', HTI: 'Haití', CUB: 'Cuba', SLV: 'El Salvador', GTM: 'Guatemala', VEN: 'Venezuela', NIC: 'Nicaragua', COL: 'Colombia',
  ECU: 'Ecuador', PER: 'Perú', BRA: 'Brasil', CHL: 'Chile', AFG: 'Afganistán', SEN: 'Senegal', GHA: 'Ghana', CMR: 'Camerún', COD: 'República Democrática del Congo',
  RUS: 'Rusia', UKR: 'Ucrania', IND: 'India', BGD: 'Bangladés', CHN: 'China', MEX: 'México', USA: 'Estados Unidos',
};
export const countryName = (code: string) => COUNTRY[code] ?? code;

const CONCLUSION: Record<string, string> = {
  accepted: 'Se acepta',
  rejected: 'No se acepta',
  benefit_of_doubt: 'Se acepta con el beneficio de la duda',
};
const INDICATOR: Record<string, string> = {
  sufficiency: 'Suficiencia de detalle y especificidad', internalConsistency: 'Coherencia interna',
  externalConsistency: 'Coherencia externa (con la información del país y otras pruebas)', plausibility: 'Verosimilitud',
};
const INDICATOR_VALUE: Record<string, string> = { positive: 'favorable', negative: 'desfavorable', neutral: 'neutral' };
const BOD: Record<string, string> = {
  bodGenuineEffort: 'hizo un esfuerzo auténtico por fundamentar su solicitud',
  bodEvidenceSubmitted: 'presentó las pruebas de que disponía y explicó la falta de otras',
  bodCoherentPlausible: 'sus declaraciones son coherentes y verosímiles',
  bodTimely: 'presentó su solicitud tan pronto como le fue posible',
  bodGenerallyCredible: 'su credibilidad general quedó establecida',
};
const GROUND: Record<string, string> = {
  race: 'raza', religion: 'religión', nationality: 'nacionalidad', gender: 'género',
  particular_social_group: 'pertenencia a un determinado grupo social', political_opinion: 'opiniones políticas',
};
const CARTAGENA: Record<string, string> = {
  generalized_violence: 'violencia generalizada', foreign_aggression: 'agresión extranjera', internal_conflict: 'conflictos internos',
  massive_human_rights_violations: 'violación masiva de los derechos humanos',
  serious_disturbance_of_public_order: 'otras circunstancias que hayan perturbado gravemente el orden público',
};
export const OUTCOME_PHRASE: Record<Outcome, string> = {
  refugee_convention: 'reconocer la condición de refugiado (artículo 13, fracción I)',
  refugee_cartagena: 'reconocer la condición de refugiado (artículo 13, fracción II)',
  refugee_sur_place: 'reconocer la condición de refugiado sur place (artículo 13, fracción III)',
  complementary_protection: 'no reconocer la condición de refugiado y otorgar protección complementaria',
  rejected: 'no reconocer la condición de refugiado ni otorgar protección complementaria',
  excluded: 'excluir de la condición de refugiado',
  abandoned: 'tener por abandonado el trámite',
  withdrawn: 'tener por desistida la solicitud',
};
const FACT_KIND: Record<string, string> = {
  identity: 'identidad', nationality: 'nacionalidad', past_event: 'hechos pasados', feared_harm: 'daño temido', profile: 'perfil', other: 'otro',
};

/** The legal basis as printed, marked where the article number is not verified against the law's text. */
export function legalBasisText(outcome: Outcome): string {
  const basis = LEGAL_BASIS[outcome];
  return basis.verified ? basis.citation : `${basis.citation} (número de artículo por verificar)`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`;
}

function factNumbers(facts: DecisionFact[]): string {
  return list(facts.map((f) => String(f.number)));
}

function evidenceLines(fact: DecisionFact): string[] {
  return fact.evidence.map((e) => {
    if (e.kind === 'coi' && e.coi) return `  – Información del país de origen: ${e.coi.citation}${e.coi.passage ? ` — «${e.coi.passage}»` : ''}`;
    if (e.kind === 'statement') return `  – Su declaración en la entrevista: ${e.quote ? `«${e.quote}»` : e.description}`;
    if (e.kind === 'document') return `  – Documento: ${e.description}${e.sha256 ? ` (huella SHA-256 ${e.sha256.slice(0, 16)}…)` : ''}`;
    return `  – Testimonio: ${e.description}${e.quote ? ` — «${e.quote}»` : ''}`;
  });
}

function introduction(c: DraftContext): string {
  const members = c.persons.filter((p) => p.relation !== 'principal');
  const lines = [
    `Resolución sobre la solicitud de reconocimiento de la condición de refugiado número ${c.claimNumber}, presentada el ${es(c.lodgedOn)} ante ${c.officeName} por ${c.principalName}${c.nationalities.length > 0 ? `, nacional de ${list(c.nationalities.map(countryName))}` : ''}.`,
  ];
  if (members.length > 0) lines.push(`La solicitud incluye a: ${list(members.map((m) => m.fullName))}.`);
  lines.push('La ley exige una resolución escrita, fundada y motivada (Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 24). '
    + `Esta resolución se basa en ${c.interviewSignedOn ? `su entrevista personal, cuya acta se firmó el ${es(c.interviewSignedOn)}` : 'su expediente'}, `
    + 'en las pruebas que usted presentó y en información sobre su país de origen.');
  return lines.join('\n\n');
}

function basisOfClaim(c: DraftContext): string {
  const facts = c.assessment.facts;
  if (facts.length === 0) return 'Usted no expuso hechos materiales.';
  return ['Usted expuso los siguientes hechos, que son los centrales de su solicitud:',
    ...facts.map((f) => `${f.number}. ${f.statement} (${FACT_KIND[f.kind] ?? f.kind})`)].join('\n');
}

function credibility(c: DraftContext): string {
  const blocks = c.assessment.facts.map((f) => {
    const lines = [`Hecho ${f.number}: ${f.statement}`, `Conclusión: ${f.conclusion ? CONCLUSION[f.conclusion] : 'sin concluir'}.`];
    if (f.reasons) lines.push(`Razones: ${f.reasons}`);
    const indicators = Object.entries(f.indicators).filter(([, i]) => i.value !== null)
      .map(([k, i]) => `  – ${INDICATOR[k]}: ${INDICATOR_VALUE[i.value!]}${i.notes ? `. ${i.notes}` : ''}`);
    if (indicators.length > 0) lines.push('Indicadores de credibilidad:', ...indicators);
    if (f.chanceToExplain) lines.push(`Se le dio la oportunidad de explicar las inconsistencias${f.explanation ? `; usted dijo: «${f.explanation}»` : ''}.`);
    if (f.benefitOfDoubt) {
      const met = Object.entries(f.benefitOfDoubt).filter(([, v]) => v).map(([k]) => BOD[k]!);
      lines.push(`Se le concede el beneficio de la duda porque ${list(met)} (ACNUR, Manual de procedimientos, párr. 204).`);
    }
    const evidence = evidenceLines(f);
    if (evidence.length > 0) lines.push('Pruebas consideradas:', ...evidence);
    return lines.join('\n');
  });
  return blocks.length > 0 ? blocks.join('\n\n') : 'No hay hechos que valorar.';
}

function risk(c: DraftContext): string {
  const accepted = c.assessment.facts.filter((f) => c.assessment.acceptedFactIds.includes(f.id));
  const rejected = c.assessment.facts.filter((f) => c.assessment.rejectedFactIds.includes(f.id));
  const lines = [accepted.length > 0
    ? `La valoración del riesgo se hace sobre los hechos aceptados (${accepted.length === 1 ? 'hecho' : 'hechos'} ${factNumbers(accepted)}).`
    : 'Ningún hecho material fue aceptado, por lo que no hay hechos sobre los cuales valorar un riesgo.'];
  if (rejected.length > 0) lines.push(`No se toman en cuenta los hechos no aceptados (${factNumbers(rejected)}).`);
  if (c.assessment.riskAssessment.trim()) lines.push(c.assessment.riskAssessment.trim());
  return lines.join('\n\n');
}

function legalAnalysis(c: DraftContext): string {
  const l = c.assessment.legalAnalysis;
  const parts: string[] = [];
  if (l.conventionGrounds.length > 0) {
    parts.push(`Motivos de la Convención (art. 13, fracción I): ${list(l.conventionGrounds.map((g) => GROUND[g] ?? g))}.${l.nexus ? ` Nexo causal: ${l.nexus}` : ''}`);
  }
  if (l.cartagenaCircumstances.length > 0) {
    parts.push(`Circunstancias de la Declaración de Cartagena (art. 13, fracción II): ${list(l.cartagenaCircumstances.map((g) => CARTAGENA[g] ?? g))}.${l.cartagenaAnalysis ? ` ${l.cartagenaAnalysis}` : ''}`);
  }
  if (l.surPlace) parts.push(`Necesidad de protección surgida en México (sur place, art. 13, fracción III).${l.surPlaceAnalysis ? ` ${l.surPlaceAnalysis}` : ''}`);
  if (l.actorsOfPersecution) parts.push(`Agentes de persecución: ${l.actorsOfPersecution}`);
  if (l.actorsOfProtection) parts.push(`Agentes de protección: ${l.actorsOfProtection}`);
  if (l.internalProtectionAlternative) parts.push(`Alternativa de protección interna: ${l.internalProtectionAlternative}`);
  if (l.exclusion.considered) {
    parts.push(`Exclusión (Convención de 1951, art. 1F, interpretada de forma restrictiva): ${l.exclusion.analysis}`
      + `${l.exclusion.review ? ` Revisada por la supervisión el ${es(l.exclusion.review.reviewedAt.slice(0, 10))}.` : ''}`);
  }
  if (l.complementaryProtection) parts.push(`Protección complementaria (art. 2, fracción IV; art. 28, número por verificar): ${l.complementaryProtection}`);
  if (c.assessment.coiSources.length > 0) {
    parts.push(['Fuentes de información del país de origen consultadas:', ...c.assessment.coiSources.map((s, i) => `${i + 1}. ${s.citation}`)].join('\n'));
  }
  return parts.length > 0 ? parts.join('\n\n') : 'Sin análisis jurídico registrado en la valoración.';
}

/** The outcome section: the decision, its legal basis, each person's outcome, and what follows (appeal or migration document). */
export function outcomeText(c: Pick<DraftContext, 'outcome' | 'persons' | 'officeName'>): string {
  const lines = [`Por lo expuesto, con fundamento en ${legalBasisText(c.outcome)}, se resuelve ${OUTCOME_PHRASE[c.outcome]}.`];
  if (c.persons.length > 1) {
    lines.push(['Para cada persona de la solicitud:', ...c.persons.map((p) => `  – ${p.fullName}: ${OUTCOME_PHRASE[p.outcome]}`
      + `${p.derivative ? ' (condición derivada de la persona solicitante principal, por unidad familiar)' : ''}.`)].join('\n'));
  }
  if (isPositive(c.outcome)) {
    lines.push('Con esta resolución, el Instituto Nacional de Migración le expedirá el documento migratorio que acredita su condición de residente permanente '
      + '(Ley de Migración, art. 54). Esta oficina le enviará el aviso correspondiente.');
  }
  if (statesAppealRoute(c.outcome)) {
    lines.push(`Si no está de acuerdo con esta resolución, usted puede interponer el recurso de revisión dentro de los ${APPEAL_WORKING_DAYS} días hábiles `
      + `siguientes a aquel en que se le notifique (Ley sobre Refugiados, Protección Complementaria y Asilo Político, art. 25), por escrito, ante ${c.officeName} `
      + 'o en cualquier oficina de la Comisión Mexicana de Ayuda a Refugiados. Presentarlo no tiene costo.');
  }
  return lines.join('\n\n');
}

/** The six sections of the draft, generated from the assessment. */
export function composeDraft(c: DraftContext): Record<DecisionSection, string> {
  return {
    introduction: introduction(c),
    basis_of_claim: basisOfClaim(c),
    credibility_findings: credibility(c),
    risk_assessment: risk(c),
    legal_analysis: legalAnalysis(c),
    outcome_text: outcomeText(c),
  };
}
