/**
 * Files exactly as the tools export them (ADR 023): decoding (UTF-8 with or without BOM, UTF-16
 * as Teams and Moodle's "Excel" export write it, Windows-1252 from a spreadsheet), tables found
 * wherever they sit in the file (Zoom's meeting block, Teams' numbered sections), one delimiter
 * per table, and dates as each tool and locale writes them. Pure: used by the web app to read the
 * chosen file and by the API to check it.
 */
import { parse } from 'csv-parse/sync';

/** Headers are compared folded: no accents, lower case, single spaces. */
export const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

export interface TableRow {
  /** 1-based line of the file. */
  line: number;
  cells: Record<string, string>;
}

export interface ImportTable {
  /** 1-based line of the header row. */
  headerLine: number;
  /** Folded header cells. */
  header: string[];
  rows: TableRow[];
}

export type TableReadError = { line: number; code: 'malformed_csv' | 'empty_file' };

const DELIMITERS = ['\t', ';', ','] as const;

/** The delimiter of a table: the one its header uses most, outside quotes (a tab wins a tie). */
function delimiterOf(header: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), DELIMITERS[0]);
}

const hasDelimiter = (line: string) => DELIMITERS.some((d) => line.includes(d));
const isBlank = (line: string) => /^[\s,;]*$/.test(line);

/**
 * Every table in the file: blocks of lines separated by blank lines, each block's first line its
 * header (a lone title above it, such as Teams' "2. Participants", is passed over). A Zoom report
 * with its meeting block has two tables; a Teams attendance report three.
 */
export function readTables(content: string): ImportTable[] | TableReadError {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const tables: ImportTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i]!)) { i++; continue; }
    let start = i;
    let end = i;
    while (end < lines.length && !isBlank(lines[end]!)) end++;
    // A title line (no delimiter) heading a block of several lines: Teams' section names.
    if (end - start > 1 && !hasDelimiter(lines[start]!)) start++;
    const delimiter = delimiterOf(lines[start]!);
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(lines.slice(start, end).join('\n'), {
        delimiter, relax_column_count: true, relax_quotes: true, trim: true, info: true, skip_empty_lines: true,
      }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    } catch (error) {
      const at = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
      return { line: start + at, code: 'malformed_csv' };
    }
    const [head, ...rows] = records;
    if (head) {
      const header = head.record.map(fold);
      tables.push({
        headerLine: start + 1,
        header,
        rows: rows.map(({ record, info }) => ({
          line: start + info.lines,
          cells: Object.fromEntries(header.map((h, k) => [h, record[k] ?? ''])),
        })),
      });
    }
    i = end;
  }
  if (tables.length === 0) return { line: 1, code: 'empty_file' };
  return tables;
}

/** The first of `aliases` (folded) that the header has, or null. */
export function findColumn(header: readonly string[], aliases: readonly string[]): string | null {
  return aliases.find((a) => header.includes(a)) ?? null;
}

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since midnight. */
  minutes: number;
}

/** Day and month order of slash dates: day first as Mexico writes them, month first as the US does. */
export type SlashOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'enero', 'ene', 'janvier', 'janv'], ['february', 'feb', 'febrero', 'fevrier', 'fevr', 'fev'],
  ['march', 'mar', 'marzo', 'mars'], ['april', 'apr', 'abril', 'abr', 'avril', 'avr'], ['may', 'mayo', 'mai'],
  ['june', 'jun', 'junio', 'juin'], ['july', 'jul', 'julio', 'juillet', 'juil'], ['august', 'aug', 'agosto', 'ago', 'aout'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'septembre'], ['october', 'oct', 'octubre', 'octobre'],
  ['november', 'nov', 'noviembre', 'novembre'], ['december', 'dec', 'diciembre', 'dic', 'decembre'],
].forEach((names, index) => names.forEach((name) => { MONTHS[name] = index + 1; }));

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A time of day with an optional meridiem (`9:05`, `09:05:12 PM`, `5:45 p. m.`), or null. */
function timeOfDay(h: string | undefined, min: string | undefined, s: string | undefined, meridiem: string | undefined): number | null {
  if (h === undefined) return 0;
  let hours = Number(h);
  const minutes = Number(min ?? 0);
  const seconds = Number(s ?? 0);
  const m = meridiem?.replace(/[.\s]/g, '').toLowerCase();
  if (m) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return hours * 60 + minutes + seconds / 60;
}

const TIME = String.raw`(?:,?\s*(?:a las\s+|a\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp]\.?\s?[Mm]\.?)?)?`;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const SLASH = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})${TIME}$`);
// "Friday, 15 March 2024, 10:32 AM", "viernes, 15 de marzo de 2024, 10:32", "vendredi 15 mars 2024, 10:32".
const DAY_MONTH = new RegExp(String.raw`^(?:[a-z]+,?\s+)?(\d{1,2})(?:er)?\s+(?:de\s+)?([a-z]+)\.?\s+(?:de\s+)?(\d{4})${TIME}$`);
// "Friday, March 15, 2024, 10:32 AM" (Moodle's US English).
const MONTH_DAY = new RegExp(String.raw`^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);

/**
 * A date and time as the exporting tool wrote it, in the session's local time: ISO; slashes,
 * day first (Mexico, Moodle's `15/03/24, 10:32`, Teams in a European locale) or month first (US,
 * Zoom's `03/15/2026 09:01:23 AM`), as `order` says or else month first only with AM/PM; or a
 * month name in English, Spanish or French (Moodle's long forms), the weekday optional. With
 * only a date, midnight. Null when it is none of these or not a real date and time.
 */
export function parseWallClock(text: string, order?: SlashOrder): WallClock | null {
  const value = fold(text.replace(/\u202f|\u00a0/g, ' '));
  let y: number, m: number, d: number;
  let minutes: number | null;
  const iso = ISO.exec(value);
  const slash = SLASH.exec(value);
  const dayMonth = DAY_MONTH.exec(value);
  const monthDay = MONTH_DAY.exec(value);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    minutes = timeOfDay(iso[4], iso[5], iso[6], undefined);
  } else if (slash) {
    const monthFirst = order ? order === 'mdy' : Boolean(slash[7]);
    [m, d] = monthFirst ? [Number(slash[1]), Number(slash[2])] : [Number(slash[2]), Number(slash[1])];
    y = fullYear(slash[3]!);
    minutes = timeOfDay(slash[4], slash[5], slash[6], slash[7]);
  } else if (dayMonth && MONTHS[dayMonth[2]!]) {
    [d, m, y] = [Number(dayMonth[1]), MONTHS[dayMonth[2]!]!, Number(dayMonth[3])];
    minutes = timeOfDay(dayMonth[4], dayMonth[5], dayMonth[6], dayMonth[7]);
  } else if (monthDay && MONTHS[monthDay[1]!]) {
    [m, d, y] = [MONTHS[monthDay[1]!]!, Number(monthDay[2]), Number(monthDay[3])];
    minutes = timeOfDay(monthDay[4], monthDay[5], monthDay[6], monthDay[7]);
  } else {
    return null;
  }
  if (minutes === null || !validDate(y, m, d)) return null;
  return { date: `${y}-${pad(m)}-${pad(d)}`, minutes };
}

/**
 * The order of a column's slash dates, from the column as a whole: one value with a first part
 * above 12 means day first, one with a second part above 12 month first; none tells, null.
 */
export function inferSlashOrder(values: Iterable<string>): SlashOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = SLASH.exec(fold(value));
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return null;
  return dayFirst ? 'dmy' : 'mdy';
}
