import type { TFunction } from 'i18next';
import { LANGUAGE_NAME_KEYS, type LanguageCode } from '@refugio/domain';

/** A roster language by name in the reader's language (catalog names: Intl lacks several Mayan languages). */
export function languageName(t: TFunction, code: string): string {
  const key = LANGUAGE_NAME_KEYS[code as LanguageCode];
  return key ? t(key) : code;
}

/** Wall-clock 'YYYY-MM-DDTHH:MM' shown as the office shows it: a date and a time, in the reader's language. */
export function formatLocal(local: string, language: string): string {
  const [day = '', time = ''] = local.split('T');
  const date = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return `${date}, ${time}`;
}
