/**
 * The interview record (acta) as PDF, rendered on demand from the database (the approach of
 * ADR 016: pdf-lib's standard Helvetica, no stored blob, so an annex shows at once). Always in
 * Spanish, the language of the procedure, and it names the language the interview was held in
 * (LRPCPAP art. 23: an interpreter is provided; the acta records the oral claim). A record not
 * yet signed is marked as a draft on every page.
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { translate } from '../../i18n/catalogs.ts';
import type { AnswerValue, SignatureRole } from '../interviews.rules.ts';
import type { TInterview } from '../interviews.schemas.ts';
import { METHOD_LABEL, ROLE_LABEL, STAGE_LABEL } from '../labels.ts';
import { questionIndex } from '../templates.rules.ts';
import { encodable, wrap } from './pdf-text.ts';

export interface RecordPdfInput {
  record: TInterview;
  /** The office's IANA zone: times as the people in the room read them. */
  timeZone: string;
  /** Drawn signatures' PNG bytes by role. */
  images: Partial<Record<SignatureRole, Uint8Array>>;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - MARGIN * 2;
const INK = rgb(0.1, 0.12, 0.2);
const MUTED = rgb(0.35, 0.38, 0.45);
const t = (key: string, params: Record<string, string | number> = {}) => translate('es-MX', key, params);

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['es'], { type: 'language', fallback: 'none' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function formatAt(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('es-MX', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

const civil = (iso: string) => iso.split('-').toReversed().join('/');

function answerText(question: { type: string; options: Array<{ id: string; label: string }> } | undefined, value: AnswerValue | null, redacted: boolean): string {
  if (redacted) return t('interviews.pdf.redacted');
  if (!value) return t('interviews.pdf.unanswered');
  const parts: string[] = [];
  if (value.text) parts.push(value.text);
  if (value.option) parts.push(question?.options.find((o) => o.id === value.option)?.label ?? value.option);
  if (value.date) parts.push(civil(value.date));
  if (value.country) parts.push(value.country);
  if (value.answer) parts.push(value.answer === 'yes' ? t('interviews.answer.yes') : t('interviews.answer.no'));
  if (value.explanation) parts.push(value.explanation);
  return parts.length > 0 ? parts.join(' — ') : t('interviews.pdf.unanswered');
}

/** A cursor over pages: writes wrapped paragraphs, starting a new page when one is full. */
class Writer {
  page: PDFPage;
  y = A4[1] - MARGIN;
  readonly pages: PDFPage[] = [];
  constructor(private readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage(A4);
    this.pages.push(page);
    this.y = A4[1] - MARGIN;
    return page;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.page = this.newPage();
  }

  text(content: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(content, font, size, WIDTH - indent)) {
      this.ensure(size + 3);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size + 3;
    }
    this.y -= options.gap ?? 4;
  }

  heading(content: string, size = 13): void {
    this.ensure(size + 30);
    this.y -= 6;
    this.text(content, { size, bold: true, gap: 6 });
  }

  image(image: PDFImage, height: number, indent = 0): void {
    const scale = height / image.height;
    const width = Math.min(image.width * scale, WIDTH - indent);
    this.ensure(height + 6);
    this.page.drawImage(image, { x: MARGIN + indent, y: this.y - height, width, height: (width / image.width) * image.height });
    this.y -= height + 6;
  }
}

export async function renderRecordPdf({ record, timeZone, images }: RecordPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t('interviews.pdf.title')} ${record.claimNumber}`);
  pdf.setLanguage('es-MX');
  const w = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold));
  const at = (iso: string | null) => formatAt(iso, timeZone);

  w.text(record.officeName, { size: 10, color: MUTED });
  w.text(t('interviews.pdf.title'), { size: 18, bold: true, gap: 8 });
  w.text(t('interviews.pdf.claim', { number: record.claimNumber }));
  w.text(t('interviews.pdf.person', { name: record.personName }));
  w.text(t('interviews.pdf.language', { language: languageName(record.language) }), { bold: true });
  w.text(t('interviews.pdf.questionnaire', { title: record.template.title, version: record.template.version }));
  w.text(t('interviews.pdf.times', { start: at(record.startedAt), end: at(record.endedAt) }), { gap: 8 });

  w.heading(t('interviews.pdf.participants'));
  for (const p of record.participants) w.text(`${t(ROLE_LABEL[p.role])}: ${p.fullName}${p.organisation ? ` (${p.organisation})` : ''}`, { indent: 10 });
  if (record.breaks.length > 0) {
    w.heading(t('interviews.pdf.breaks'));
    for (const b of record.breaks) w.text(`${at(b.startedAt)} – ${b.endedAt ? at(b.endedAt) : '…'}${b.reason ? ` · ${b.reason}` : ''}`, { indent: 10 });
  }

  const questions = questionIndex(record.template.content);
  const answers = new Map(record.answers.map((a) => [a.questionId, a]));
  const ticks = new Map(record.checklist.map((c) => [c.itemId, c]));
  for (const stage of record.template.content.stages) {
    w.heading(t(STAGE_LABEL[stage.stage]));
    for (const item of stage.checklist) {
      const tick = ticks.get(item.id);
      w.text(`${tick?.done ? '[x]' : '[  ]'} ${item.text}${tick?.note ? ` — ${tick.note}` : ''}`, { indent: 10, gap: 2 });
    }
    if (stage.stage === 'conducting') {
      w.text(t('interviews.fields.narrative'), { bold: true, gap: 2 });
      w.text(record.narrative.text || t('interviews.pdf.unanswered'), { indent: 10, gap: 8 });
    }
    for (const q of stage.questions) {
      const answer = answers.get(q.id);
      w.text(`${t('interviews.pdf.questionMark')} ${q.text}`, { bold: true, gap: 1 });
      w.text(`${t('interviews.pdf.answerMark')} ${answerText(questions.get(q.id), answer?.value ?? null, answer?.redacted ?? false)}`, { indent: 10, gap: 6 });
    }
    if (stage.stage === 'after') {
      w.text(t('interviews.fields.observations'), { bold: true, gap: 2 });
      w.text(record.observations.text || t('interviews.pdf.unanswered'), { indent: 10, gap: 8 });
    }
  }

  w.heading(t('interviews.pdf.readBack'));
  w.text(record.readBackAt ? t('interviews.pdf.readBackAt', { at: at(record.readBackAt) }) : t('interviews.pdf.notReadBack'));
  for (const k of record.corrections) {
    const label = k.target === 'narrative' || k.target === 'observations' ? t(`interviews.fields.${k.target}`) : (questions.get(k.target)?.text ?? k.target);
    w.text(`${label} · ${t('interviews.pdf.requestedBy', { role: t(ROLE_LABEL[k.requestedBy]) })} · ${at(k.createdAt)}`, { bold: true, indent: 10, gap: 1 });
    const show = (v: unknown) => (k.redacted ? t('interviews.pdf.redacted') : answerText(questions.get(k.target), v as AnswerValue | null, false));
    w.text(`${t('interviews.pdf.before')} ${show(k.before)}`, { indent: 20, gap: 1 });
    w.text(`${t('interviews.pdf.after')} ${show(k.after)}`, { indent: 20, gap: k.note ? 1 : 6 });
    if (k.note) w.text(k.note, { indent: 20, color: MUTED });
  }

  w.heading(t('interviews.pdf.signatures'));
  for (const role of record.requiredSignatures) {
    const s = record.signatures.find((x) => x.role === role);
    w.text(`${t(ROLE_LABEL[role])}: ${s ? s.signerName : t('interviews.pdf.pendingSignature')}`, { bold: true, gap: 2 });
    if (!s) continue;
    const png = images[role];
    if (s.method === 'drawn' && png) w.image(await pdf.embedPng(png), 50, 10);
    if (s.method === 'declined') w.text(t('interviews.pdf.declined', { reason: s.declinedReason ?? '' }), { indent: 10, gap: 1 });
    w.text(`${t(METHOD_LABEL[s.method])} · ${at(s.signedAt)}`, { indent: 10, color: MUTED, gap: 8 });
  }
  if (record.recordSha256) w.text(t('interviews.pdf.locked', { at: at(record.signedAt), sha256: record.recordSha256 }), { size: 8, color: MUTED });

  if (record.annexes.length > 0) {
    w.heading(t('interviews.pdf.annexes'));
    for (const x of record.annexes) {
      w.text(`${at(x.createdAt)} · ${x.addedBy}`, { bold: true, gap: 1 });
      w.text(x.text, { indent: 10, gap: 6 });
    }
  }
  if (record.audio.length > 0) {
    w.heading(t('interviews.pdf.audio'));
    for (const a of record.audio) w.text(`${a.contentType} · ${a.byteSize} B · SHA-256 ${a.sha256}`, { size: 8, indent: 10 });
  }

  const footerFont = w.regular;
  w.pages.forEach((page, i) => {
    const footer = encodable(t('interviews.pdf.footer', { number: record.claimNumber, page: i + 1, pages: w.pages.length }), footerFont);
    page.drawText(footer, { x: MARGIN, y: 28, size: 8, font: footerFont, color: MUTED });
    if (record.status !== 'signed') {
      page.drawText(encodable(t('interviews.pdf.draft'), w.bold), { x: 130, y: 380, size: 60, font: w.bold, color: rgb(0.75, 0.1, 0.1), opacity: 0.18, rotate: degrees(35) });
    }
  });
  return pdf.save();
}
