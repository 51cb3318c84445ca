/**
 * All three catalogs at once, for the server: API errors are answered in the caller's language
 * without waiting for a load. The web app loads one language at a time (`loadCatalog`).
 */
import { DEFAULT_LANGUAGE, type Language } from '../shared/limits.ts';
import { flattenCatalog, type Catalog } from './catalog.ts';
import { catalog as en } from './catalog-en.ts';
import { catalog as esMX } from './catalog-es-mx.ts';
import { catalog as fr } from './catalog-fr.ts';

export const catalogs: Record<Language, Catalog> = { 'es-MX': esMX, en, fr };

const flat = new Map<Language, Map<string, string>>();

/** Server-side lookup with i18next's `{{param}}` interpolation; falls back to Spanish. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  if (!flat.has(language)) flat.set(language, flattenCatalog(catalogs[language]));
  if (!flat.has(DEFAULT_LANGUAGE)) flat.set(DEFAULT_LANGUAGE, flattenCatalog(catalogs[DEFAULT_LANGUAGE]));
  const template = flat.get(language)?.get(key) ?? flat.get(DEFAULT_LANGUAGE)?.get(key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
