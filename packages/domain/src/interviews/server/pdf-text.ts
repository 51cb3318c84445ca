/**
 * Text for pdf-lib's standard Helvetica (the approach of ADR 016): its WinAnsi set covers Spanish
 * and French; a letter outside it is written without its accent rather than failing the record.
 * Lines wrap by words at a width, and a word longer than the width is cut.
 */
import type { PDFFont } from 'pdf-lib';

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

/** The lines a text takes at `size` within `width` points. */
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
