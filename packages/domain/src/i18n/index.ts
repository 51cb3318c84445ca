/**
 * Catalogs shared by API errors and the UI. Each JSON file is one top-level section of the
 * single `translation` tree (`errors.NOT_FOUND.title`); add a section in all three languages.
 */
import { DEFAULT_LANGUAGE, type Language } from '../shared/limits.ts';
import esErrors from './es-MX/errors.json' with { type: 'json' };
import esValidation from './es-MX/validation.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enValidation from './en/validation.json' with { type: 'json' };
import frErrors from './fr/errors.json' with { type: 'json' };
import frValidation from './fr/validation.json' with { type: 'json' };
import { uiCatalogs } from './ui.ts';

export type Catalog = { [key: string]: string | Catalog };

export const catalogs: Record<Language, Catalog> = {
  'es-MX': { errors: esErrors, validation: esValidation, ...uiCatalogs['es-MX'] },
  en: { errors: enErrors, validation: enValidation, ...uiCatalogs.en },
  fr: { errors: frErrors, validation: frValidation, ...uiCatalogs.fr },
};

/** Flattens a catalog to dotted keys, for lookups and for the completeness test. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenCatalog(value, path)) out.set(k, v);
  }
  return out;
}

const flat = new Map<Language, Map<string, string>>();

/** Server-side lookup with i18next's `{{param}}` interpolation; falls back to Spanish. */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  if (!flat.has(language)) flat.set(language, flattenCatalog(catalogs[language]));
  if (!flat.has(DEFAULT_LANGUAGE)) flat.set(DEFAULT_LANGUAGE, flattenCatalog(catalogs[DEFAULT_LANGUAGE]));
  const template = flat.get(language)?.get(key) ?? flat.get(DEFAULT_LANGUAGE)?.get(key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Picks the best supported language from an Accept-Language header. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .toSorted((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('es')) return 'es-MX';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('fr')) return 'fr';
  }
  return DEFAULT_LANGUAGE;
}
