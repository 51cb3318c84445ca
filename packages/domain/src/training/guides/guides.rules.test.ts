import { describe, expect, it } from 'vitest';
import { downloadName, isPdf } from './guides.rules.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('isPdf', () => {
  it('accepts a file starting with %PDF-', () => {
    expect(isPdf(bytes('%PDF-1.7\n%âãÏÓ'))).toBe(true);
  });
  it('refuses other files, a bare header and an empty body', () => {
    expect(isPdf(bytes('PK\u0003\u0004 a docx'))).toBe(false);
    expect(isPdf(bytes(' %PDF-1.7'))).toBe(false);
    expect(isPdf(bytes('%PDF-'))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });
});

describe('downloadName', () => {
  it('keeps the name, drops folders and quotes, and adds .pdf', () => {
    expect(downloadName('C:\\docs\\Guía "entrevista"')).toEqual({ utf8: 'Guía entrevista.pdf', ascii: 'Guia entrevista.pdf' });
    expect(downloadName('../../etc/passwd')).toEqual({ utf8: 'passwd.pdf', ascii: 'passwd.pdf' });
  });
  it('falls back to a name when nothing is left', () => {
    expect(downloadName('/').utf8).toBe('guia.pdf');
  });
  it('replaces what ASCII cannot say', () => {
    expect(downloadName('entretien-enfant-🧒.pdf').ascii).toBe('entretien-enfant-__.pdf');
  });
});
