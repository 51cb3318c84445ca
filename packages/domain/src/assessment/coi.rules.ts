/**
 * The country-of-origin information library (ADR 029): what a source is, when it is too old to
 * rely on without saying so, and the dates a citation prints. Shared by the server and the web app
 * (the citation itself: server/coi-citation.ts).
 */
import type { Language } from '../shared/limits.ts';

/**
 * Topics a source is filed under: a closed list, so a filter finds every source on a theme
 * whoever filed it (EUAA COI report methodology: research by theme and country).
 */
export const COI_TOPICS = [
  'security_situation', 'armed_conflict', 'gangs_organised_crime', 'extortion', 'forced_recruitment', 'gender_based_violence',
  'domestic_violence', 'sogi', 'children', 'indigenous_peoples', 'political_opposition', 'journalists_defenders', 'religion',
  'state_protection', 'internal_relocation', 'human_trafficking', 'health', 'documents_identity', 'return', 'other',
] as const;
export type CoiTopic = (typeof COI_TOPICS)[number];

export const COI_SOURCE_STATUSES = ['active', 'retired'] as const;
export type CoiSourceStatus = (typeof COI_SOURCE_STATUSES)[number];

/** Languages a source may be written in (ISO 639-1); the search reads Spanish and English. */
export const COI_LANGUAGES = ['es', 'en', 'fr', 'pt', 'ht', 'other'] as const;

/** The age past which a source is marked when an authority has not chosen its own. */
export const DEFAULT_COI_MAX_AGE_YEARS = 3;
export const COI_MAX_AGE_LIMITS = { min: 1, max: 20 } as const;

/**
 * A search reads at most this many matches, newest first, and ranks those (ADR 056): a word most
 * sources contain would otherwise make every search read the whole library. Past it the total is
 * a lower bound ("more than 1,000") and the reader narrows the search.
 */
export const COI_SEARCH_CAP = 1000;

/** A source's PDF, like a training guide's (ADR 016): at most 10 MiB, sent as the request body. */
export const COI_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Whether a source published on `publishedOn` is older than `maxAgeYears` on `today` (both civil
 * days, YYYY-MM-DD). Years, not days: "three years old" is read on the calendar.
 */
export function isCoiOutdated(publishedOn: string, today: string, maxAgeYears: number): boolean {
  const year = Number(today.slice(0, 4)) - maxAgeYears;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // 29 February goes back to the 28th in a common year, as PostgreSQL's `date - interval 'n years'` does.
  const monthDay = today.slice(4) === '-02-29' && !leap ? '-02-28' : today.slice(4);
  return publishedOn < `${String(year).padStart(4, '0')}${monthDay}`;
}

/** What a citation needs of a source. */
export interface CitableSource {
  publisher: string;
  title: string;
  publishedOn: string;
  url: string | null;
  accessedOn: string;
}

const INTL_LOCALE: Record<Language, string> = { 'es-MX': 'es-MX', en: 'en-GB', fr: 'fr-FR' };

/** A civil day written out in the language (12 de marzo de 2024; 12 March 2024; 12 mars 2024). */
export function longDate(day: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
}
