/**
 * The decision as PDF (ADR 030): in Spanish, the language of the procedure, its six sections in
 * order, each person's outcome, the legal basis, and — once signed — who signed it, when, and the
 * verification code with the public address where anyone holding the paper checks it (the
 * approach of ADR 016). A draft is rendered on demand and marked on every page; the signed
 * document is rendered once, at signature, and kept with its SHA-256: it never changes.
 */
import { longDate } from '../../assessment/index.ts';
import { DECISION_SECTIONS, type DecisionSection, type Outcome } from '../decisions.rules.ts';
import { legalBasisText, OUTCOME_PHRASE } from './compose-draft.ts';
import { MUTED, PdfWriter } from './pdf-writer.ts';

export interface DecisionPdfInput {
  institution: string;
  office: string;
  claimNumber: string;
  outcome: Outcome;
  sections: Record<DecisionSection, string>;
  persons: Array<{ fullName: string; outcome: Outcome; derivative: boolean }>;
  drafter: string | null;
  reviewer: string | null;
  /** Present once signed. */
  signature: { signer: string; signedOn: string; verificationCode: string; verificationUrl: string } | null;
}

export const SECTION_TITLES: Record<DecisionSection, string> = {
  introduction: 'I. Introducción',
  basis_of_claim: 'II. Fundamento de la solicitud',
  credibility_findings: 'III. Valoración de la credibilidad',
  risk_assessment: 'IV. Valoración del riesgo',
  legal_analysis: 'V. Análisis jurídico',
  outcome_text: 'VI. Resolución',
};

export async function renderDecisionPdf(input: DecisionPdfInput): Promise<Uint8Array> {
  const w = await PdfWriter.create(`Resolución ${input.claimNumber}`);
  w.text(input.institution, { size: 11, bold: true, gap: 0 });
  w.text(input.office, { size: 10, color: MUTED });
  w.text('Resolución sobre la solicitud de reconocimiento de la condición de refugiado', { size: 14, bold: true, gap: 2 });
  w.text(`Expediente ${input.claimNumber}`, { size: 10, gap: 8 });
  w.rule();
  for (const section of DECISION_SECTIONS) {
    w.ensure(40);
    w.text(SECTION_TITLES[section], { size: 12, bold: true, gap: 2 });
    w.text(input.sections[section] || '—', { size: 10, gap: 10 });
  }
  w.rule();
  w.text('Sentido de la resolución por persona', { size: 11, bold: true });
  for (const p of input.persons) {
    w.text(`${p.fullName}: ${OUTCOME_PHRASE[p.outcome]}${p.derivative ? ' (condición derivada)' : ''}`, { indent: 10 });
  }
  w.text(`Fundamento: ${legalBasisText(input.outcome)}`, { size: 9, color: MUTED, gap: 10 });
  if (input.drafter) w.text(`Proyecto elaborado por: ${input.drafter}`, { size: 9, color: MUTED, gap: 0 });
  if (input.reviewer) w.text(`Revisado por: ${input.reviewer}`, { size: 9, color: MUTED, gap: 8 });
  if (input.signature) {
    w.rule();
    w.text(`Firmado por ${input.signature.signer}, el ${longDate(input.signature.signedOn, 'es-MX')}.`, { size: 11, bold: true });
    w.text(`Código de verificación: ${input.signature.verificationCode}`, { size: 11, bold: true, gap: 0 });
    w.text(`Cualquier persona puede comprobar la autenticidad de este documento en ${input.signature.verificationUrl}`, { size: 9 });
  }
  return w.finish(`Resolución ${input.claimNumber}`, input.signature ? null : 'BORRADOR');
}
