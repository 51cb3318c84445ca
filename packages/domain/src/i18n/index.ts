/**
 * Catalogs shared by API errors and the UI. Each JSON file is one top-level section of the
 * single `translation` tree (`errors.NOT_FOUND.title`); add a section in all three languages, and
 * name it in each language's `catalog-<lang>.ts`.
 *
 * This surface is client-safe and holds no catalog: the web app loads the one language it shows
 * with `loadCatalog` (each language is its own chunk, ~70 KB compressed, instead of all three in
 * the first download). The server's synchronous `catalogs` and `translate` are in `catalogs.ts`.
 */
import { DEFAULT_LANGUAGE, type Language } from '../shared/limits.ts';
import type { Catalog } from './catalog.ts';

export { flattenCatalog, type Catalog } from './catalog.ts';

/** One language's whole catalog, fetched on demand. */
export async function loadCatalog(language: Language): Promise<Catalog> {
  switch (language) {
    case 'en': return (await import('./catalog-en.ts')).catalog;
    case 'fr': return (await import('./catalog-fr.ts')).catalog;
    default: return (await import('./catalog-es-mx.ts')).catalog;
  }
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
