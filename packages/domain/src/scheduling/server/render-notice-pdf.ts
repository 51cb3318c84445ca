/**
 * The applicant's notice of their interview as PDF (ADR 016's approach: pdf-lib's standard
 * Helvetica, rendered on demand from the appointment, nothing stored). Its WinAnsi set covers
 * Spanish, English and French; a letter outside it loses its accent rather than failing.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import { LANGUAGE_NAME_KEYS } from '../language-names.ts';
import type { LanguageCode } from '../scheduling.rules.ts';

export interface NoticeContent {
  language: Language;
  /** The applicant's language when the notice could not be printed in it (Spanish is used). */
  fallback: LanguageCode | null;
  applicantName: string;
  claimNumber: string;
  officeName: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  modality: 'in_person' | 'telephone' | 'video';
  room: string | null;
  videoLink: string | null;
  interviewLanguage: string;
  withInterpreter: boolean;
  thirdParties: string[];
}

function encodable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => {
    if (supported.has(c.codePointAt(0)!)) return c;
    const base = c.normalize('NFD').replace(/\p{M}/gu, '');
    return [...base].every((b) => supported.has(b.codePointAt(0)!)) && base !== '' ? base : '?';
  }).join('');
}

const INTL: Record<Language, string> = { 'es-MX': 'es-MX', en: 'en-GB', fr: 'fr-FR' };
const PLACE_KEYS = {
  in_person: 'scheduling.notice.placeInPerson', telephone: 'scheduling.notice.placeTelephone', video: 'scheduling.notice.placeVideo',
} as const;

/** Words wrapped to the page width. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

export async function renderNoticePdf(c: NoticeContent): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(c.language, key, params);
  const languageName = (code: string) => {
    const key = LANGUAGE_NAME_KEYS[code as LanguageCode];
    return key ? t(key) : code;
  };
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t('scheduling.notice.title')} ${c.claimNumber}`);
  pdf.setLanguage(c.language);
  const page = pdf.addPage([595, 842]); // A4 portrait
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.15, 0.3);
  let y = 780;
  const paragraph = (text: string, size = 11, font: PDFFont = regular, gap = 8) => {
    for (const line of wrap(encodable(text, font), font, size, 500)) {
      page.drawText(line, { x: 48, y, size, font, color: ink });
      y -= size + 4;
    }
    y -= gap;
  };
  const when = new Intl.DateTimeFormat(INTL[c.language], { dateStyle: 'full', timeStyle: 'short', timeZone: c.timeZone }).format(new Date(c.startsAt));
  const until = new Intl.DateTimeFormat(INTL[c.language], { timeStyle: 'short', timeZone: c.timeZone }).format(new Date(c.endsAt));
  paragraph(t('scheduling.notice.issuer'), 10);
  paragraph(t('scheduling.notice.title'), 20, bold, 12);
  if (c.fallback) paragraph(t('scheduling.notice.fallback', { language: languageName(c.fallback) }), 11, bold, 12);
  paragraph(t('scheduling.notice.to', { name: c.applicantName, claim: c.claimNumber }), 12, bold);
  paragraph(t('scheduling.notice.summons'));
  paragraph(t('scheduling.notice.when', { when, until }), 12, bold);
  paragraph(t(PLACE_KEYS[c.modality], { office: c.officeName, room: c.room ?? '', link: c.videoLink ?? '' }), 12, bold);
  paragraph(c.withInterpreter
    ? t('scheduling.notice.interpreter', { language: languageName(c.interviewLanguage) })
    : t('scheduling.notice.language', { language: languageName(c.interviewLanguage) }));
  if (c.thirdParties.length > 0) paragraph(t('scheduling.notice.thirdParties', { list: c.thirdParties.join(', ') }));
  paragraph(t('scheduling.notice.bring'));
  paragraph(t('scheduling.notice.rights'));
  paragraph(t('scheduling.notice.absence'), 11, bold);
  paragraph(t('scheduling.notice.free'), 10);
  return pdf.save();
}
