/**
 * The text of an uploaded file as the tool wrote it (ADR 023), read in the browser before upload
 * (the API takes text; kept apart from the parsers so the web app loads nothing else). A
 * byte-order mark decides; without one, NUL bytes in every other position mean UTF-16 (Teams'
 * attendance report); else UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (a CSV saved
 * by a spreadsheet in Mexico).
 */
export function decodeImportFile(bytes: Uint8Array): string {
  const text = (encoding: string, start: number) => new TextDecoder(encoding).decode(bytes.subarray(start));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return text('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return text('utf-16be', 2);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return text('utf-8', 3);
  const sample = bytes.subarray(0, 512);
  let evenNuls = 0;
  let oddNuls = 0;
  sample.forEach((b, i) => { if (b === 0) { if (i % 2 === 0) evenNuls++; else oddNuls++; } });
  if (sample.length >= 4 && oddNuls > sample.length / 4 && evenNuls === 0) return text('utf-16le', 0);
  if (sample.length >= 4 && evenNuls > sample.length / 4 && oddNuls === 0) return text('utf-16be', 0);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text('windows-1252', 0);
  }
}
