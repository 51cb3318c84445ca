import type { Language } from '@refugio/domain';

/** Intl locale per UI language: Mexican Spanish, British English (day-month order), French. */
const INTL_LOCALE: Record<Language, string> = { 'es-MX': 'es-MX', en: 'en-GB', fr: 'fr-FR' };

/** A civil date (YYYY-MM-DD) is shown as that day everywhere; a timestamp in local time. */
export function formatDate(iso: string, language: Language): string {
  const civil = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'medium', ...(civil ? { timeZone: 'UTC' } : {}) })
    .format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
