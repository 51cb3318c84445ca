import type { TFunction } from 'i18next';
import { LANGUAGE_NAME_KEYS, toLanguage639_3, type Language } from '@refugio/domain';

/**
 * A language's name in the reader's language, never its code on screen: the catalogs name the
 * languages met at COMAR (K'iche', Mam, Q'eqchi', Garifuna, Haitian Creole…: `Intl.DisplayNames`
 * does not know them all in every browser); other codes are named by `Intl.DisplayNames`; only a
 * code that neither knows is shown as it is.
 */
export function languageName(t: TFunction, code: string, language: Language): string {
  const known = toLanguage639_3(code);
  if (known) return t(LANGUAGE_NAME_KEYS[known]);
  try {
    return new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    // Not a well-formed language code: shown as it is.
    return code;
  }
}
