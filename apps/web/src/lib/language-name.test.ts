import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { languageName } from './language-name.ts';

// Echoes the catalog key, so the test reads where each name came from.
const t = ((key: string) => key) as unknown as TFunction;

describe('language names', () => {
  it('names the languages met at COMAR from the catalogs, two- or three-letter codes alike', () => {
    expect(languageName(t, 'quc', 'es-MX')).toBe('scheduling.languages.quc');
    expect(languageName(t, 'mam', 'es-MX')).toBe('scheduling.languages.mam');
    expect(languageName(t, 'kek', 'es-MX')).toBe('scheduling.languages.kek');
    expect(languageName(t, 'cab', 'es-MX')).toBe('scheduling.languages.cab');
    expect(languageName(t, 'ht', 'es-MX')).toBe('scheduling.languages.hat');
    expect(languageName(t, 'es', 'en')).toBe('scheduling.languages.spa');
  });

  it('asks Intl for the others, in the reader\'s language, and never throws on a bad code', () => {
    expect(languageName(t, 'de', 'es-MX')).toBe('alemán');
    expect(languageName(t, 'de', 'fr')).toBe('allemand');
    expect(languageName(t, 'not a code', 'es-MX')).toBe('not a code');
  });
});
