import type { Language } from '@refugio/domain';

/** A language's name in the reader's language, with its ISO 639 code. */
export function languageLabel(code: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' }).of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
