/**
 * The evaluation report as a PDF (ADR 048): pdf-lib with its standard Helvetica (WinAnsi covers
 * Spanish and French; a letter outside it loses its accent rather than failing the document), the
 * charts drawn as vectors — rectangles, lines and text — so they stay sharp when printed and their
 * numbers can be selected.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import type { TTrainingImpact } from '../../training-impact/index.ts';
import type { TEvaluation } from '../evaluations.schemas.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - MARGIN * 2;
const INK = rgb(0.1, 0.12, 0.2);
const MUTED = rgb(0.35, 0.38, 0.45);
// Two colours that keep a 3:1 contrast with white and between them in greyscale print.
const DARK = rgb(0.11, 0.36, 0.6);
const LIGHT = rgb(0.55, 0.72, 0.87);

function encodable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const c of text) {
    if (supported.has(c.codePointAt(0)!)) { out += c; continue; }
    const base = c.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((b) => supported.has(b.codePointAt(0)!)) ? base : (/\s/.test(c) ? ' ' : '?');
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of encodable(text.replace(/\r\n?/g, '\n'), font).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) { line = candidate; continue; }
      lines.push(line);
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(readonly doc: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) { this.newPage(); }
  newPage(): void { this.page = this.doc.addPage(A4); this.y = A4[1] - MARGIN; }
  room(height: number): void { if (this.y - height < MARGIN + 20) this.newPage(); }
  text(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; after?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    for (const line of wrap(text, font, size, WIDTH - (options.indent ?? 0))) {
      this.room(size + 4);
      this.page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size + 4;
    }
    this.y -= options.after ?? 4;
  }
  heading(text: string): void { this.room(40); this.y -= 8; this.text(text, { size: 13, bold: true, after: 6 }); }
  /** A table with fixed column widths (fractions of the width); long cells wrap. */
  table(headers: string[], rows: string[][], widths: number[]): void {
    const draw = (cells: string[], font: PDFFont) => {
      const wrapped = cells.map((c, i) => wrap(c, font, 9, widths[i]! * WIDTH - 6));
      const height = Math.max(...wrapped.map((w) => w.length)) * 12 + 4;
      this.room(height);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => this.page.drawText(line, { x: x + 3, y: this.y - 11 - j * 12, size: 9, font, color: INK }));
        x += widths[i]! * WIDTH;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + WIDTH, y: this.y }, thickness: 0.4, color: MUTED });
    };
    draw(headers, this.bold);
    for (const row of rows) draw(row, this.regular);
    this.y -= 8;
  }
  /** Grouped vertical bars with their values written above them and a legend; null values are drawn as "<5". */
  bars(title: string, groups: Array<{ label: string; values: Array<number | null> }>, series: string[], format: (v: number) => string): void {
    const height = 170;
    this.room(height + 50);
    this.text(title, { bold: true, size: 10 });
    const top = this.y - 10;
    const baseline = top - height + 30;
    const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
    const slot = WIDTH / Math.max(1, groups.length);
    const bar = Math.min(36, (slot - 16) / series.length);
    const colors = [DARK, LIGHT];
    this.page.drawLine({ start: { x: MARGIN, y: baseline }, end: { x: MARGIN + WIDTH, y: baseline }, thickness: 0.6, color: INK });
    groups.forEach((g, gi) => {
      const start = MARGIN + gi * slot + (slot - bar * series.length) / 2;
      g.values.forEach((v, si) => {
        const h = ((v ?? 0) / max) * (height - 60);
        const x = start + si * bar;
        if (h > 0) this.page.drawRectangle({ x, y: baseline, width: bar - 2, height: h, color: colors[si % 2]!, borderColor: INK, borderWidth: 0.3 });
        const label = v === null ? '<5' : format(v);
        this.page.drawText(encodable(label, this.regular), { x: x + (bar - 2) / 2 - this.regular.widthOfTextAtSize(label, 8) / 2, y: baseline + h + 3, size: 8, font: this.regular, color: INK });
      });
      const label = encodable(g.label, this.regular);
      const size = this.regular.widthOfTextAtSize(label, 8) > slot - 4 ? 6 : 8;
      this.page.drawText(label, { x: MARGIN + gi * slot + slot / 2 - this.regular.widthOfTextAtSize(label, size) / 2, y: baseline - 12, size, font: this.regular, color: INK });
    });
    let x = MARGIN;
    series.forEach((name, si) => {
      this.page.drawRectangle({ x, y: baseline - 28, width: 8, height: 8, color: colors[si % 2]!, borderColor: INK, borderWidth: 0.3 });
      const label = encodable(name, this.regular);
      this.page.drawText(label, { x: x + 12, y: baseline - 27, size: 8, font: this.regular, color: INK });
      x += 24 + this.regular.widthOfTextAtSize(label, 8);
    });
    this.y = baseline - 40;
  }
}

/** A count the caller suppressed (null) is written "<5". */
const count = (n: number | null) => (n === null ? '<5' : String(n));

export interface EvaluationPdfOptions {
  evaluation: TEvaluation;
  impacts: TTrainingImpact[];
  language: Language;
  /** Shown in the footer: when the figures were computed. */
  generatedOn: string;
}

/** Renders the report; counts the caller suppressed (null) are written "<5". */
export async function renderEvaluationPdf(options: EvaluationPdfOptions): Promise<Uint8Array> {
  const { evaluation: e, impacts, language } = options;
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t('evaluations.report.title')}: ${e.title}`);
  doc.setLanguage(language);
  doc.setProducer('Refugio');
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.text(t('evaluations.report.title'), { size: 11, color: MUTED });
  w.text(e.title, { size: 18, bold: true, after: 8 });
  w.text(`${t('evaluations.fields.institution')}: ${e.institution.name}`);
  w.text(`${t('evaluations.fields.kind')}: ${t(`evaluations.kinds.${e.kind}`)}${e.funder ? ` · ${t('evaluations.fields.funder')}: ${e.funder}` : ''}`);
  w.text(`${t('evaluations.fields.dates')}: ${e.startsOn} – ${e.endsOn}`);
  if (e.partners.length > 0) w.text(`${t('evaluations.fields.partners')}: ${e.partners.join('; ')}`);
  if (e.objectives) { w.heading(t('evaluations.fields.objectives')); w.text(e.objectives); }

  w.heading(t('evaluations.report.activities'));
  w.table([t('evaluations.columns.session'), t('evaluations.columns.module'), t('evaluations.columns.format'), t('evaluations.columns.dates'), t('evaluations.columns.enrolled'), t('evaluations.columns.completed')],
    e.activities.map((a) => [a.code, `${a.moduleCode} · ${a.moduleTitle}`, translate(language, `trainingSessions.formats.${a.format}`),
      `${a.firstDay ?? '—'} – ${a.lastDay ?? '—'}`, count(a.enrolled), count(a.completed)]), [0.16, 0.34, 0.14, 0.2, 0.08, 0.08]);
  if (e.activities.length > 0) {
    w.bars(t('evaluations.report.participationChart'), e.activities.map((a) => ({ label: a.code, values: [a.enrolled, a.completed] })),
      [t('evaluations.columns.enrolled'), t('evaluations.columns.completed')], (v) => String(v));
  }
  w.heading(t('evaluations.report.participants'));
  w.table([t('evaluations.columns.institution'), t('evaluations.columns.enrolled'), t('evaluations.columns.completed')],
    e.participants.map((p) => [p.institution, count(p.enrolled), count(p.completed)]), [0.6, 0.2, 0.2]);

  for (const impact of impacts) {
    w.heading(t('evaluations.report.impact', { module: `${impact.module.code} · ${impact.module.title}` }));
    w.text(t('evaluations.report.impactMethod', { before: `${impact.windows.before.from} – ${impact.windows.before.to}`, after: `${impact.windows.after.from} – ${impact.windows.after.to}` }), { size: 9, color: MUTED });
    const days = impact.metrics.find((m) => m.metric === 'working_days')!;
    const within = impact.metrics.find((m) => m.metric === 'within_deadline')!;
    const series = [translate(language, 'trainingImpact.periods.before'), translate(language, 'trainingImpact.periods.after')];
    const groups = (m: typeof days, scale: number) => (['trained', 'untrained'] as const).map((g) => ({
      label: translate(language, `trainingImpact.groups.${g}`),
      values: [m.cells[`${g}_before`].mean, m.cells[`${g}_after`].mean].map((v) => (v === null ? null : Math.round(v * scale * 10) / 10)),
    }));
    w.bars(translate(language, 'trainingImpact.metrics.working_days'), groups(days, 1), series, (v) => v.toLocaleString(language));
    w.bars(translate(language, 'trainingImpact.metrics.within_deadline'), groups(within, 100), series, (v) => `${v.toLocaleString(language)} %`);
  }

  w.heading(t('evaluations.report.criteria'));
  for (const c of e.criteria) {
    w.room(60);
    w.text(`${t(`evaluations.criteria.${c.criterion}`)} — ${t(`evaluations.ratings.${c.rating}`)}`, { bold: true, size: 11 });
    if (c.assessment) w.text(c.assessment, { indent: 10 });
    if (c.evidence) w.text(`${t('evaluations.fields.evidence')}: ${c.evidence}`, { indent: 10 });
    if (c.fromData) {
      w.text(t('evaluations.report.fromData'), { indent: 10, size: 9, color: MUTED });
      for (const line of c.fromData) w.text(`• ${line}`, { indent: 18, size: 9 });
    }
    if (!c.assessment && !c.evidence && !c.fromData) w.text(t('evaluations.report.notWritten'), { indent: 10, color: MUTED });
  }

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = encodable(t('evaluations.report.footer', { date: options.generatedOn, page: i + 1, pages: pages.length }), w.regular);
    page.drawText(footer, { x: MARGIN, y: 28, size: 8, font: w.regular, color: MUTED });
  });
  return doc.save();
}
