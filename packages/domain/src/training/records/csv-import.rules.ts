/**
 * The two CSV files a coordinator brings back from outside tools (ADR 016): an LMS course
 * completion report (Moodle's report/completion export: ID, Name, identity fields such as
 * "Email address", one column per criterion, "Course complete" holding the completion date) and
 * a videoconference participant report (Zoom, Teams, Jitsi: name, email, join time, leave time,
 * duration; one person may have several rows). Both are checked whole: every bad line is
 * reported with its number and reason, and a file with any bad line imports nothing.
 */
import { parse } from 'csv-parse/sync';
import { minutesAttended, type Interval } from './records.rules.ts';

/** Why a line was refused; each has a message `trainingRecords.importErrors.<code>` in every catalog. */
export const IMPORT_ERROR_KEYS = {
  malformed_csv: 'trainingRecords.importErrors.malformed_csv',
  empty_file: 'trainingRecords.importErrors.empty_file',
  too_many_rows: 'trainingRecords.importErrors.too_many_rows',
  missing_column: 'trainingRecords.importErrors.missing_column',
  missing_value: 'trainingRecords.importErrors.missing_value',
  unknown_participant: 'trainingRecords.importErrors.unknown_participant',
  not_enrolled: 'trainingRecords.importErrors.not_enrolled',
  duplicate: 'trainingRecords.importErrors.duplicate',
  bad_date: 'trainingRecords.importErrors.bad_date',
  bad_datetime: 'trainingRecords.importErrors.bad_datetime',
  date_in_future: 'trainingRecords.importErrors.date_in_future',
  bad_score: 'trainingRecords.importErrors.bad_score',
  leave_before_join: 'trainingRecords.importErrors.leave_before_join',
  not_session_day: 'trainingRecords.importErrors.not_session_day',
} as const;
export type ImportErrorCode = keyof typeof IMPORT_ERROR_KEYS;

export interface ImportLineError {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** The column (as the file names it) or '' for the whole line. */
  field: string;
  code: ImportErrorCode;
  params?: Record<string, string | number>;
}

export const IMPORT_MAX_ROWS = 5000;

/** Who may appear in a file: enrolled participants, and others the file may name (trainers, hosts). */
export interface ImportRoster {
  /** Enrolled participants of the session. */
  participants: ReadonlyArray<{ enrolmentId: string; email: string | null; username: string; fullName: string }>;
  /** Users known but not enrolled: their lines say "not enrolled". */
  others: ReadonlyArray<{ email: string | null; username: string; fullName: string }>;
  /** Emails and usernames of the session's trainers: their lines are skipped, not refused. */
  skip: ReadonlySet<string>;
}

interface CsvLine {
  line: number;
  cells: Record<string, string>;
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the header and rows; a header cell is matched by its folded text (accents, case, spaces). */
function readCsv(content: string): { header: string[]; lines: CsvLine[] } | ImportLineError {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(content, {
      bom: true, delimiter: [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, trim: true, info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { line, field: '', code: 'malformed_csv' };
  }
  const [head, ...rows] = records;
  if (!head) return { line: 1, field: '', code: 'empty_file' };
  if (rows.length > IMPORT_MAX_ROWS) return { line: IMPORT_MAX_ROWS + 2, field: '', code: 'too_many_rows', params: { max: IMPORT_MAX_ROWS } };
  const header = head.record.map(fold);
  return {
    header,
    lines: rows.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
    })),
  };
}

/** The first header among `aliases` the file has, or null. */
function column(header: readonly string[], aliases: readonly string[]): string | null {
  return aliases.find((a) => header.includes(a)) ?? null;
}

const COLUMNS = {
  email: ['email address', 'email', 'user email', 'e-mail', 'correo electronico', 'correo', 'direccion de correo', 'adresse e-mail', 'adresse de courriel'],
  username: ['username', 'user name', 'nombre de usuario', 'usuario', "nom d'utilisateur"],
  name: ['name (original name)', 'name', 'full name', 'display name', 'participant', 'nombre', 'nombre completo', 'nom', 'nom complet'],
  completed: ['course complete', 'course completion', 'completion date', 'completed on', 'curso completo', 'curso completado', 'curso finalizado', 'fecha de finalizacion', 'cours termine', 'date d\'achevement'],
  score: ['grade', 'score', 'course total', 'calificacion', 'total del curso', 'note', 'total du cours'],
  join: ['join time', 'joined', 'first join', 'join', 'hora de entrada', 'hora de union', "heure d'arrivee", 'arrivee'],
  leave: ['leave time', 'left', 'last leave', 'leave', 'hora de salida', 'heure de depart', 'depart'],
} as const;

type Match = { enrolmentId: string } | { skip: true } | ImportLineError;

/** Finds the participant a line names: by email, then username, then (unique) full name. */
function matchParticipant(roster: ImportRoster, line: number, email: string, username: string, name: string): Match {
  const e = fold(email);
  const u = fold(username);
  const n = fold(name);
  if ((e && roster.skip.has(e)) || (u && roster.skip.has(u))) return { skip: true };
  const byIdentity = (p: { email: string | null; username: string; fullName: string }) =>
    (e !== '' && p.email !== null && fold(p.email) === e) || (u !== '' && fold(p.username) === u);
  const found = roster.participants.find(byIdentity);
  if (found) return { enrolmentId: found.enrolmentId };
  if (!e && !u && n) {
    const named = roster.participants.filter((p) => fold(p.fullName) === n);
    if (named.length === 1) return { enrolmentId: named[0]!.enrolmentId };
  }
  const label = email || username || name;
  if (roster.others.some(byIdentity)) return { line, field: email ? 'email' : 'username', code: 'not_enrolled', params: { who: label } };
  if (!label) return { line, field: 'email', code: 'missing_value' };
  return { line, field: email ? 'email' : username ? 'username' : 'name', code: 'unknown_participant', params: { who: label } };
}

const isError = (value: unknown): value is ImportLineError => typeof value === 'object' && value !== null && 'code' in value && 'line' in value;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since midnight. */
  minutes: number;
}

/**
 * A date and time as the exporting tool wrote it, in the session's local time: ISO
 * (`2026-03-15 09:01:23`), US with AM/PM as Zoom and Teams write it (`03/15/2026 09:01:23 AM`),
 * or day first in 24 hours as Mexico writes it (`15/03/2026 09:01`). With only a date, midnight.
 */
export function parseWallClock(text: string): WallClock | null {
  const value = text.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}),? ?(?:(\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.? ?[Mm]\.?)?)?$/.exec(value);
  let y: number, m: number, d: number, h: number, min: number, s: number;
  if (iso) {
    [y, m, d, h, min, s] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
  } else if (slash) {
    const meridiem = slash[7]?.replace(/[.\s]/g, '').toLowerCase();
    // AM/PM means a US export, month first; without it the Mexican order, day first.
    [m, d] = meridiem ? [Number(slash[1]), Number(slash[2])] : [Number(slash[2]), Number(slash[1])];
    y = fullYear(slash[3]!);
    [h, min, s] = [Number(slash[4] ?? 0), Number(slash[5] ?? 0), Number(slash[6] ?? 0)];
    if (meridiem) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
    }
  } else {
    return null;
  }
  if (!validDate(y, m, d) || h > 23 || min > 59 || s > 59) return null;
  return { date: `${y}-${pad(m)}-${pad(d)}`, minutes: h * 60 + min + s / 60 };
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export interface OnlineCompletionRow {
  line: number;
  enrolmentId: string;
  completedOn: string;
  score: number | null;
}

export type ImportCheck<T> = { ok: true; rows: T[] } | { ok: false; errors: ImportLineError[] };

/**
 * An LMS completion report: one line per participant; an empty completion cell means "not
 * completed yet" and is skipped. Participants are matched by email or username.
 */
export function checkLmsCompletionCsv(content: string, roster: ImportRoster, today: string): ImportCheck<OnlineCompletionRow> {
  const csv = readCsv(content);
  if (isError(csv)) return { ok: false, errors: [csv] };
  const errors: ImportLineError[] = [];
  const email = column(csv.header, COLUMNS.email);
  const username = column(csv.header, COLUMNS.username);
  const completed = column(csv.header, COLUMNS.completed);
  const score = column(csv.header, COLUMNS.score);
  if (!email && !username) errors.push({ line: 1, field: 'email', code: 'missing_column', params: { column: 'Email address / Username' } });
  if (!completed) errors.push({ line: 1, field: 'completed', code: 'missing_column', params: { column: 'Course complete' } });
  if (errors.length > 0) return { ok: false, errors };
  const rows: OnlineCompletionRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of csv.lines) {
    const match = matchParticipant(roster, line, email ? cells[email]! : '', username ? cells[username]! : '', '');
    if (isError(match)) { errors.push(match); continue; }
    if ('skip' in match) continue;
    const first = seen.get(match.enrolmentId);
    if (first !== undefined) { errors.push({ line, field: email ? 'email' : 'username', code: 'duplicate', params: { first } }); continue; }
    seen.set(match.enrolmentId, line);
    const completedText = cells[completed!]!;
    if (completedText === '') continue;
    const when = parseWallClock(completedText.replace(/,/g, ''));
    if (!when) { errors.push({ line, field: 'completed', code: 'bad_date', params: { value: completedText } }); continue; }
    if (when.date > today) { errors.push({ line, field: 'completed', code: 'date_in_future', params: { value: completedText } }); continue; }
    const scoreText = score ? cells[score]!.replace(',', '.').replace('%', '') : '';
    const scoreValue = scoreText === '' || scoreText === '-' ? null : Number(scoreText);
    if (scoreValue !== null && (!Number.isFinite(scoreValue) || scoreValue < 0 || scoreValue > 100)) {
      errors.push({ line, field: 'score', code: 'bad_score', params: { value: cells[score!]! } });
      continue;
    }
    rows.push({ line, enrolmentId: match.enrolmentId, completedOn: when.date, score: scoreValue });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export interface SessionDaySlot {
  id: string;
  day: string;
  /** Minutes since midnight. */
  start: number;
  end: number;
}

export interface AttendanceRow {
  enrolmentId: string;
  sessionDayId: string;
  minutes: number;
}

/**
 * A videoconference participant report: join/leave rows per person, in local time. Each line is
 * placed on the session day of its join date; a person's rows on a day are merged and clipped to
 * the day's hours. Every enrolled participant not in the file gets 0 minutes for each day the
 * file covers (absent), so one file is the whole attendance of its days.
 */
export function checkVideoconferenceCsv(content: string, roster: ImportRoster, days: readonly SessionDaySlot[]): ImportCheck<AttendanceRow> {
  const csv = readCsv(content);
  if (isError(csv)) return { ok: false, errors: [csv] };
  const errors: ImportLineError[] = [];
  const email = column(csv.header, COLUMNS.email);
  const name = column(csv.header, COLUMNS.name);
  const join = column(csv.header, COLUMNS.join);
  const leave = column(csv.header, COLUMNS.leave);
  if (!email && !name) errors.push({ line: 1, field: 'email', code: 'missing_column', params: { column: 'Email / Name' } });
  if (!join) errors.push({ line: 1, field: 'join', code: 'missing_column', params: { column: 'Join time' } });
  if (!leave) errors.push({ line: 1, field: 'leave', code: 'missing_column', params: { column: 'Leave time' } });
  if (errors.length > 0) return { ok: false, errors };
  const dayByDate = new Map(days.map((d) => [d.day, d]));
  const intervals = new Map<string, Interval[]>();
  for (const { line, cells } of csv.lines) {
    const match = matchParticipant(roster, line, email ? cells[email]! : '', '', name ? cells[name]! : '');
    if (isError(match)) { errors.push(match); continue; }
    if ('skip' in match) continue;
    const joined = parseWallClock(cells[join!]!);
    const left = parseWallClock(cells[leave!]!);
    if (!joined) { errors.push({ line, field: 'join', code: 'bad_datetime', params: { value: cells[join!]! } }); continue; }
    if (!left) { errors.push({ line, field: 'leave', code: 'bad_datetime', params: { value: cells[leave!]! } }); continue; }
    const end = (dayNumber(left.date) - dayNumber(joined.date)) * 1440 + left.minutes;
    if (end < joined.minutes) { errors.push({ line, field: 'leave', code: 'leave_before_join' }); continue; }
    const day = dayByDate.get(joined.date);
    if (!day) { errors.push({ line, field: 'join', code: 'not_session_day', params: { value: joined.date } }); continue; }
    const key = `${match.enrolmentId}|${day.id}`;
    intervals.set(key, [...(intervals.get(key) ?? []), { start: joined.minutes, end }]);
  }
  if (errors.length > 0) return { ok: false, errors };
  const covered = days.filter((d) => [...intervals.keys()].some((k) => k.endsWith(`|${d.id}`)));
  const rows = covered.flatMap((day) => roster.participants.map((p) => ({
    enrolmentId: p.enrolmentId,
    sessionDayId: day.id,
    minutes: minutesAttended(intervals.get(`${p.enrolmentId}|${day.id}`) ?? [], day),
  })));
  return { ok: true, rows };
}
