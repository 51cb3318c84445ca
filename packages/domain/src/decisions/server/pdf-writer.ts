/**
 * A small page writer over pdf-lib's standard Helvetica (the approach of ADR 016; the interview
 * acta's writer, ADR 025, is private to its feature): its WinAnsi set covers Spanish and French, a
 * letter outside it is written without its accent rather than failing the document; lines wrap
 * by words, and a word longer than the width is cut.
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
export const WIDTH = A4[0] - MARGIN * 2;
export const INK = rgb(0.1, 0.12, 0.2);
export const MUTED = rgb(0.35, 0.38, 0.45);

const charsets = new WeakMap<PDFFont, Set<number>>();

export function encodable(text: string, font: PDFFont): string {
  let supported = charsets.get(font);
  if (!supported) {
    supported = new Set(font.getCharacterSet());
    charsets.set(font, supported);
  }
  const set = supported;
  let out = '';
  for (const c of text) {
    if (set.has(c.codePointAt(0)!)) { out += c; continue; }
    if (c === '\t') { out += ' '; continue; }
    const base = c.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((b) => set.has(b.codePointAt(0)!)) ? base : '?';
  }
  return out;
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of encodable(text.replace(/\r\n?/g, '\n'), font).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut = Math.floor(cut * 0.9);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** A cursor over pages: writes wrapped paragraphs, starting a new page when one is full. */
export class PdfWriter {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  private constructor(readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {
    this.newPage();
  }

  static async create(title: string): Promise<PdfWriter> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setLanguage('es-MX');
    pdf.setProducer('Refugio');
    const [regular, bold] = await Promise.all([pdf.embedFont(StandardFonts.Helvetica), pdf.embedFont(StandardFonts.HelveticaBold)]);
    return new PdfWriter(pdf, regular, bold);
  }

  private newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  text(content: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(content, font, size, WIDTH - indent)) {
      this.ensure(size + 4);
      this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 4;
  }

  rule(): void {
    this.ensure(10);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5, color: MUTED });
    this.y -= 10;
  }

  /** Page numbers and a footer line on every page; a diagonal mark on each when given (a draft). */
  async finish(footer: string, watermark: string | null): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = encodable(`${footer} · ${i + 1}/${total}`, this.regular);
      page.drawText(text, { x: MARGIN, y: MARGIN - 24, size: 8, font: this.regular, color: MUTED });
      if (watermark) {
        page.drawText(encodable(watermark, this.bold), { x: 120, y: 300, size: 72, font: this.bold, color: rgb(0.85, 0.3, 0.3), opacity: 0.25, rotate: degrees(35) });
      }
    });
    return this.pdf.save();
  }
}
