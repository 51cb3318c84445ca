import { describe, expect, it } from 'vitest';
import { attachmentName, isAssessmentEditable, missingBodConditions, sniffEvidenceType } from './assessment.rules.ts';
import { isCoiOutdated, longDate } from './coi.rules.ts';
import { formatCoiCitation } from './server/coi-citation.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the age of a source', () => {
  it('is read on the calendar: published on the day three years back is not older than three years, the day before is', () => {
    expect(isCoiOutdated('2023-12-04', '2026-12-04', 3)).toBe(false);
    expect(isCoiOutdated('2023-12-03', '2026-12-04', 3)).toBe(true);
    expect(isCoiOutdated('2016-03-15', '2026-12-04', 11)).toBe(false);
    expect(isCoiOutdated('2016-03-15', '2026-12-04', 10)).toBe(true);
    expect(isCoiOutdated('2016-03-15', '2026-12-04', 3)).toBe(true);
  });

  it('handles 29 February without date arithmetic', () => {
    expect(isCoiOutdated('2025-02-28', '2028-02-29', 3)).toBe(false);
    expect(isCoiOutdated('2025-02-27', '2028-02-29', 3)).toBe(true);
  });
});

describe('the citation a decision prints', () => {
  const source = { publisher: 'ACNUR', title: 'Directrices de elegibilidad', publishedOn: '2016-03-15', url: 'https://www.refworld.org', accessedOn: '2026-11-20' };

  it('names publisher, title, date of publication, URL and date accessed, in each language', () => {
    expect(formatCoiCitation(source, 'es-MX')).toBe('ACNUR, «Directrices de elegibilidad», 15 de marzo de 2016, https://www.refworld.org (consultado el 20 de noviembre de 2026).');
    expect(formatCoiCitation(source, 'en')).toBe('ACNUR, “Directrices de elegibilidad”, 15 March 2016, https://www.refworld.org (accessed 20 November 2026).');
    expect(formatCoiCitation(source, 'fr')).toBe('ACNUR, « Directrices de elegibilidad », 15 mars 2016, https://www.refworld.org (consulté le 20 novembre 2026).');
  });

  it('leaves the URL out when there is none, and marks a source past the limit', () => {
    expect(formatCoiCitation({ ...source, url: null }, 'es-MX', { outdated: { maxAgeYears: 3 } }))
      .toBe('ACNUR, «Directrices de elegibilidad», 15 de marzo de 2016 (consultado el 20 de noviembre de 2026). [Fuente con más de 3 años]');
  });

  it('writes a civil day as that day whatever the zone', () => {
    expect(longDate('2024-01-01', 'es-MX')).toBe('1 de enero de 2024');
  });
});

describe('evidence files', () => {
  it('are told by their first bytes', () => {
    expect(sniffEvidenceType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidenceType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]))).toBe('image/png');
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBe('image/jpeg');
    expect(sniffEvidenceType(bytes('GIF89a...'))).toBeNull();
    expect(sniffEvidenceType(bytes('%PDF-'))).toBeNull();
  });

  it('keep their name without folders or quotes, with an ASCII fallback', () => {
    expect(attachmentName('C:\\docs\\Denuncia "policía".pdf', 'documento')).toEqual({ utf8: 'Denuncia policía.pdf', ascii: 'Denuncia policia.pdf' });
    expect(attachmentName('../', 'documento').utf8).toBe('documento');
  });
});

describe('the benefit of the doubt', () => {
  it('lists the conditions not ticked', () => {
    expect(missingBodConditions({ bodGenuineEffort: true, bodEvidenceSubmitted: false, bodCoherentPlausible: true, bodTimely: false, bodGenerallyCredible: true }))
      .toEqual(['bodEvidenceSubmitted', 'bodTimely']);
  });
});

describe('the assessment', () => {
  it('is written only while the claim is under assessment', () => {
    expect(isAssessmentEditable('under_assessment')).toBe(true);
    expect(isAssessmentEditable('decision_drafted')).toBe(false);
    expect(isAssessmentEditable('interviewed')).toBe(false);
  });
});
