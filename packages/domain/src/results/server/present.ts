import { translate } from '../../i18n/catalogs.ts';
import { share, suppressCount, suppressRate, type ResultColumnKey } from '../results.rules.ts';
import type { TResultTable } from '../results.schemas.ts';
import type { ResultsReader } from './results-reader.ts';

/** Presentation helpers bound to one reader: labels in their language, small numbers suppressed when they must be. */
export function presenter(reader: ResultsReader) {
  const lang = reader.actor.language;
  return {
    t: (key: string, params?: Record<string, string | number>) => translate(lang, key, params),
    /** A count, suppressed below the threshold for observers and outside exports. */
    n: (value: number) => (reader.suppress ? suppressCount(value, reader.threshold) : value),
    /** A percentage of `whole`, withheld when fewer than the threshold stand behind it. */
    pct: (part: number, whole: number) => (reader.suppress ? suppressRate(share(part, whole), whole, reader.threshold) : share(part, whole)),
    /** A statistic of `count` decisions (median, p90), withheld like a rate. */
    stat: (value: number | null, count: number) => (reader.suppress ? suppressRate(value, count, reader.threshold) : value),
    headers: (keys: readonly ResultColumnKey[]) => keys.map((k) => translate(lang, `results.columns.${k}`)),
  };
}

export type Presenter = ReturnType<typeof presenter>;

export function table(key: string, title: string, headers: string[], rows: TResultTable['rows'], chart: TResultTable['chart'] = null): TResultTable {
  return { key, title, headers, rows, chart };
}

/** `2025-07-01` → `2025-07`. */
export const monthLabel = (month: string | Date) => (typeof month === 'string' ? month : month.toISOString()).slice(0, 7);
