/**
 * Interpreters and scheduling as pure rules (ADR 027), shared by the server and the web app:
 * the languages of the roster, which language a notice is printed in, the days an agenda spans,
 * the weeks of missed signatures, and the `.ics` text for staff calendars.
 */
import type { Language } from '../shared/limits.ts';

/**
 * Languages interpreted in Mexico's asylum offices, as ISO 639-3 codes: the official ones of the
 * procedure and of COMAR's largest nationalities (Haiti, Honduras, Cuba, Venezuela, Brazil…),
 * and the Mayan and Garifuna languages of Guatemala and Honduras, which Intl does not name in
 * every browser: their names come from the catalogs (`scheduling.languages.<code>`).
 */
export const LANGUAGE_CODES_639_3 = ['spa', 'eng', 'fra', 'hat', 'por', 'quc', 'mam', 'kek', 'cab', 'ara', 'rus', 'ukr', 'wol', 'lin',
  'pus', 'fas', 'zho', 'hin', 'ben', 'nep', 'tzo', 'tzh', 'kaq', 'miq'] as const;
export type LanguageCode = (typeof LANGUAGE_CODES_639_3)[number];

/** Persons' languages are recorded at intake with two-letter codes where one exists (ISO 639-1). */
const FROM_639_1: Record<string, LanguageCode> = {
  es: 'spa', en: 'eng', fr: 'fra', ht: 'hat', pt: 'por', ar: 'ara', ru: 'rus', uk: 'ukr', wo: 'wol', ln: 'lin', ps: 'pus', fa: 'fas',
  zh: 'zho', hi: 'hin', bn: 'ben', ne: 'nep',
};

/** An intake language code (two or three letters) as ISO 639-3, or null when it is not on the list. */
export function toLanguage639_3(code: string): LanguageCode | null {
  const lower = code.toLowerCase();
  if ((LANGUAGE_CODES_639_3 as readonly string[]).includes(lower)) return lower as LanguageCode;
  return FROM_639_1[lower] ?? null;
}

/** The notice is translated into these; any other language gets the Spanish one, saying so. */
const NOTICE_TRANSLATIONS: Partial<Record<LanguageCode, Language>> = { spa: 'es-MX', eng: 'en', fra: 'fr' };

/**
 * Which language the applicant's notice is printed in: their first language that has a
 * translation, else Spanish, with `fallback` naming the language they speak (LRPCPAP art. 23:
 * the applicant is entitled to an interpreter; the notice is read to them by one).
 */
export function noticeLanguageFor(languages: readonly string[]): { language: Language; fallback: LanguageCode | null } {
  const codes = languages.map(toLanguage639_3).filter((c): c is LanguageCode => c !== null);
  for (const code of codes) {
    const translated = NOTICE_TRANSLATIONS[code];
    if (translated) return { language: translated, fallback: null };
  }
  return { language: 'es-MX', fallback: codes[0] ?? null };
}

/**
 * Weeks missed in a row before abandonment is proposed to the supervisor, unless the authority
 * sets its own: Reglamento art. 24 says a missed signature may lead to abandonment but gives no
 * number (domain §10, unverified), so the UI shows this default as unverified.
 */
export const DEFAULT_MISSED_SIGNATURES_THRESHOLD = 3;

export const AGENDA_VIEWS = ['day', 'week', 'month'] as const;
export type AgendaView = (typeof AGENDA_VIEWS)[number];

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The civil days [from, to) an agenda view shows around a day: the day, its Monday-to-Sunday week, or its month. */
export function agendaRange(view: AgendaView, day: string): { from: string; to: string } {
  if (view === 'day') return { from: day, to: addDays(day, 1) };
  if (view === 'week') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const from = addDays(day, -weekday);
    return { from, to: addDays(from, 7) };
  }
  const from = `${day.slice(0, 7)}-01`;
  const next = new Date(`${from}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { from, to: next.toISOString().slice(0, 10) };
}

/** Monday of the week of a civil day. */
export function weekStart(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * Whole weeks (Monday to Sunday) without a signature between the week of `since` (the last
 * signature, or the lodging of the claim) and the current week, which is not over yet and so
 * never counts as missed (Reglamento art. 24: the applicant reports once a week).
 */
export function missedWeeks(since: string, today: string): number {
  const days = (Date.parse(`${weekStart(today)}T00:00:00Z`) - Date.parse(`${weekStart(since)}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days / 7) - 1);
}

/**
 * Whether a dismissed proposal still covers the run of missed weeks: the same run (same last
 * signature) that has not grown by another full threshold since the supervisor looked at it.
 */
export function dismissalCovers(dismissal: { streakFrom: string; missedWeeks: number } | null, streakFrom: string, missed: number, threshold: number): boolean {
  return dismissal !== null && dismissal.streakFrom === streakFrom && missed < dismissal.missedWeeks + threshold;
}

/** Weekly availability of an interpreter: weekday 1 (Monday) to 7, from and to 'HH:MM'. */
export interface AvailabilitySlot {
  weekday: number;
  from: string;
  to: string;
}

/**
 * Whether a booking [start, end) in the office's wall-clock time (weekday 1–7, 'HH:MM') falls in
 * one slot of the interpreter's week. No slots recorded: no restriction known.
 */
export function withinAvailability(slots: readonly AvailabilitySlot[], weekday: number, start: string, end: string): boolean {
  if (slots.length === 0) return true;
  return slots.some((s) => s.weekday === weekday && s.from <= start && end <= s.to);
}

const icsText = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const icsInstant = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/** RFC 5545 lines are folded at 75 octets; continuation lines start with a space. */
function fold(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (octets(current + char) > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface CalendarEvent {
  uid: string;
  /** When the file is produced (DTSTAMP). */
  stamp: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location: string;
  description: string;
  /** Bumped on every change, so calendars replace the event instead of adding another. */
  sequence: number;
  cancelled: boolean;
}

/** One VEVENT in a VCALENDAR (RFC 5545), times in UTC so every calendar shows the office's hour right. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Refugio//Scheduling//ES', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsInstant(event.stamp)}`,
    `DTSTART:${icsInstant(event.startsAt)}`,
    `DTEND:${icsInstant(event.endsAt)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${icsText(event.summary)}`,
    `LOCATION:${icsText(event.location)}`,
    `DESCRIPTION:${icsText(event.description)}`,
    'END:VEVENT', 'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
