/** Every PDF starts with `%PDF-` (ISO 32000-1 §7.5.2); the declared content type alone proves nothing. */
export function isPdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return bytes.length > magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * The name a downloaded file is saved under: the uploaded name without any folder, with a .pdf
 * ending, and an ASCII fallback for the plain `filename` parameter of Content-Disposition.
 */
export function downloadName(fileName: string): { utf8: string; ascii: string } {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}"]/gu, '').trim() || 'guia';
  const utf8 = /\.pdf$/i.test(base) ? base : `${base}.pdf`;
  const ascii = utf8.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
  return { utf8, ascii };
}
