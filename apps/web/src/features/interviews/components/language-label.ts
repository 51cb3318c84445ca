import type { TFunction } from 'i18next';
import type { Language } from '@refugio/domain';
import { languageName } from '../../../lib/language-name.ts';

/** A language's name in the reader's language (K'iche', Mam… from the catalogs), with its ISO 639 code. */
export function languageLabel(t: TFunction, code: string, language: Language): string {
  const name = languageName(t, code, language);
  return name === code ? code : `${name} (${code})`;
}
