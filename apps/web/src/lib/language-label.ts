// The UI languages by name, for content kept per language (guides, module titles, session
// languages). Catalog keys written out, so the catalog test sees each one used.
export const LANGUAGE_LABEL = { 'es-MX': 'common.languages.es-MX', en: 'common.languages.en', fr: 'common.languages.fr' } as const;
