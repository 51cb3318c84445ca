/** Limits shared by server schemas and UI inputs. */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  nameMax: 200,
  emailMax: 254,
  passwordMin: 12,
  passwordMax: 128,
  codeMax: 32,
  reasonMax: 2000,
  /** A place as a header shows it (a training venue): a line, not a paragraph. */
  placeMax: 200,
  pageSizeMax: 200,
} as const;

export const LANGUAGES = ['es-MX', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es-MX';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
