/**
 * The certificate as PDF, rendered on demand from its row (ADR 016) with pdf-lib's standard
 * Helvetica: its WinAnsi set covers Spanish and French (á é í ó ú ñ ü ç œ « »); a letter outside
 * it (ł, ș, ğ in some names) is written without its accent rather than failing the document.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';
import { translate } from '../../../i18n/catalogs.ts';
import type { Language } from '../../../shared/limits.ts';

export interface CertificateContent {
  language: Language;
  fullName: string;
  moduleTitle: string;
  /** Keys of `trainingRecords.formats.*`. */
  format: string;
  sessionCode: string;
  days: string[];
  onlineHours: number;
  faceToFaceDays: number;
  completedOn: string;
  validUntil: string | null;
  competencies: string[];
  verificationCode: string;
  verificationUrl: string;
  revoked: boolean;
}

/** Characters the font lacks, decomposed to their base letter, else '?'. */
export function encodable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => {
    if (supported.has(c.codePointAt(0)!)) return c;
    const base = c.normalize('NFD').replace(/\p{M}/gu, '');
    return [...base].every((b) => supported.has(b.codePointAt(0)!)) && base !== '' ? base : '?';
  }).join('');
}

/** dd/mm/aaaa, as people in Mexico (and France) write dates; the English certificate too, unambiguous enough. */
const civil = (iso: string) => iso.split('-').toReversed().join('/');

const FORMAT_KEYS: Record<string, string> = {
  in_person: 'trainingRecords.formats.in_person',
  videoconference: 'trainingRecords.formats.videoconference',
  online: 'trainingRecords.formats.online',
  blended: 'trainingRecords.formats.blended',
};

export async function renderCertificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(c.language, key, params);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t('trainingRecords.pdf.title')} ${c.verificationCode}`);
  pdf.setLanguage(c.language);
  const page = pdf.addPage([842, 595]); // A4 landscape
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.15, 0.3);
  let y = 520;
  const line = (text: string, size: number, font: PDFFont = regular, gap = 10) => {
    const safe = encodable(text, font);
    const width = font.widthOfTextAtSize(safe, size);
    page.drawText(safe, { x: Math.max(40, (842 - width) / 2), y, size, font, color: ink, maxWidth: 762 });
    y -= size + gap;
  };
  page.drawRectangle({ x: 20, y: 20, width: 802, height: 555, borderColor: ink, borderWidth: 2 });
  line(t('trainingRecords.pdf.issuer'), 12, regular, 18);
  line(t('trainingRecords.pdf.title'), 28, bold, 20);
  line(t('trainingRecords.pdf.certifies'), 12);
  line(c.fullName, 24, bold, 16);
  line(t('trainingRecords.pdf.completed'), 12);
  line(c.moduleTitle, 18, bold, 18);
  line(`${t(FORMAT_KEYS[c.format] ?? FORMAT_KEYS.in_person!)} · ${t('trainingRecords.pdf.session', { code: c.sessionCode })}`, 11);
  if (c.days.length > 0) line(t('trainingRecords.pdf.days', { days: c.days.map(civil).join(', ') }), 11);
  line(t('trainingRecords.pdf.workload', { hours: c.onlineHours, days: c.faceToFaceDays }), 11);
  line(t('trainingRecords.pdf.completedOn', { date: civil(c.completedOn) }), 11);
  if (c.competencies.length > 0) line(t('trainingRecords.pdf.competencies', { list: c.competencies.join(', ') }), 11);
  line(c.validUntil ? t('trainingRecords.pdf.validUntil', { date: civil(c.validUntil) }) : t('trainingRecords.pdf.noExpiry'), 11, regular, 24);
  line(t('trainingRecords.pdf.verify', { code: c.verificationCode }), 12, bold);
  line(c.verificationUrl, 10);
  if (c.revoked) {
    page.drawText(encodable(t('trainingRecords.pdf.revoked'), bold), { x: 240, y: 260, size: 64, font: bold, color: rgb(0.75, 0.1, 0.1), opacity: 0.35 });
  }
  return pdf.save();
}
