/**
 * The files a coordinator brings back from outside tools (ADR 016, ADR 023): an LMS course
 * completion report (Moodle's report/completion export: ID, Name, identity fields such as
 * "Email address", two columns per activity, "Course complete" holding the completion date) and a
 * videoconference participants report (Zoom with or without its meeting block, Teams' attendance
 * report with its sections, Jitsi: name, email, join time, leave time; one person may have several
 * rows). Real errors (a broken date, a leave before its join, a day outside the session) reject the
 * file, each named with its line. Rows that match nobody enrolled (guests, people who joined under
 * another name) do not: they are listed for the coordinator, who matches each to a participant or
 * ignores it, and the file is applied once every one is settled.
 */
import { IMPORT_MAX_ROWS, minutesAttended, type Interval, type UnmatchedReason } from './records.rules.ts';
import {
  findColumn, fold, inferSlashOrder, parseWallClock, readTables, type ImportTable, type SlashOrder,
} from './import-files.rules.ts';

export { parseWallClock, type WallClock } from './import-files.rules.ts';
export { IMPORT_MAX_ROWS, UNMATCHED_REASONS, type UnmatchedReason } from './records.rules.ts';

/** Why a line was refused; each has a message `trainingRecords.importErrors.<code>` in every catalog. */
export const IMPORT_ERROR_KEYS = {
  malformed_csv: 'trainingRecords.importErrors.malformed_csv',
  empty_file: 'trainingRecords.importErrors.empty_file',
  too_many_rows: 'trainingRecords.importErrors.too_many_rows',
  missing_column: 'trainingRecords.importErrors.missing_column',
  missing_value: 'trainingRecords.importErrors.missing_value',
  // Verdicts stored before ADR 023 carry these two; such rows are now listed for review instead.
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
  /** 1-based line of the file. */
  line: number;
  /** The column (as the file names it) or '' for the whole line. */
  field: string;
  code: ImportErrorCode;
  params?: Record<string, string | number>;
}

/** Who may appear in a file: enrolled participants, and others the file may name (trainers, hosts). */
export interface ImportRoster {
  /** Enrolled participants of the session. */
  participants: ReadonlyArray<{ enrolmentId: string; email: string | null; username: string; fullName: string }>;
  /** Users known but not enrolled: their lines are listed for review as such. */
  others: ReadonlyArray<{ email: string | null; username: string; fullName: string }>;
  /** Emails and usernames of the session's trainers: their lines are skipped, not listed. */
  skip: ReadonlySet<string>;
}

/** One identity of the file that matched nobody, with every line it appears on. */
export interface UnmatchedEntry {
  /** Stable within the file: `email:…`, `user:…` or `name:…` (folded). */
  key: string;
  /** The name as the file writes it. */
  name: string;
  email: string | null;
  lines: number[];
  reason: UnmatchedReason;
  /** The participant the name most likely is, proposed (never applied) for the coordinator to confirm. */
  suggestion: string | null;
  /** Minutes within the session's hours (attendance), or the completion date (LMS). */
  minutes: number | null;
  completedOn: string | null;
}

/** The coordinator's decision per unmatched key: an enrolment, or null to ignore its lines. */
export type ImportResolutions = ReadonlyMap<string, string | null>;

export type ImportCheck<T> =
  /** Every row matched or settled when `unmatched` is empty: the rows can be applied. */
  | { ok: true; rows: T[]; unmatched: UnmatchedEntry[]; ignoredLines: number }
  | { ok: false; errors: ImportLineError[] };

const COLUMNS = {
  email: ['email address', 'email', 'user email', 'e-mail', 'correo electronico', 'correo', 'direccion de correo', 'adresse e-mail', 'adresse de courriel', 'courriel'],
  // Teams' sign-in name: an address too, and the one to try when "Email" is a personal one.
  upn: ['participant id (upn)', 'id de participante (upn)', 'identifiant du participant (upn)'],
  username: ['username', 'user name', 'nombre de usuario', 'usuario', "nom d'utilisateur"],
  name: ['name (original name)', 'name', 'full name', 'display name', 'participant', 'nombre (nombre original)', 'nombre', 'nombre completo', 'nom (nom d\'origine)', 'nom', 'nom complet'],
  completed: ['course complete', 'course completion', 'completion date', 'completed on', 'curso completo', 'curso completado', 'curso finalizado', 'fecha de finalizacion', 'cours termine', 'cours acheve', 'date d\'achevement'],
  score: ['grade', 'score', 'course total', 'calificacion', 'total del curso', 'note', 'total du cours'],
  // One row per connection (Zoom, Jitsi, Teams' "In-Meeting Activities"): preferred.
  join: ['join time', 'joined', 'join', 'hora de entrada', 'hora de union', 'hora de conexion', "heure d'arrivee", 'heure de connexion', 'arrivee'],
  leave: ['leave time', 'left', 'leave', 'hora de salida', 'hora de desconexion', 'heure de depart', 'heure de deconnexion', 'depart'],
  // One row per person (Teams' "Participants"): used when the file has nothing finer.
  firstJoin: ['first join', 'primera union', 'primera entrada', 'premiere arrivee', 'premiere connexion'],
  lastLeave: ['last leave', 'ultima salida', 'dernier depart', 'derniere deconnexion'],
  waitingRoom: ['in waiting room', 'en la sala de espera', "en salle d'attente"],
} as const;

type Participant = ImportRoster['participants'][number];
type Match = { enrolmentId: string } | { skip: true } | { ignore: true } | { unmatched: Omit<UnmatchedEntry, 'lines' | 'minutes' | 'completedOn'> };

/** The names a cell may stand for: itself; Zoom's "Name (Original Name)" either part; "Last, First" turned round. */
function nameCandidates(name: string): string[] {
  const out = [name];
  const original = /^(.*\S)\s*\((.+)\)\s*$/.exec(name);
  if (original) out.push(original[2]!, original[1]!);
  // Iterates a copy: the turned-round forms are appended to `out` as they are found.
  const bases = out.slice();
  for (const n of bases) {
    const parts = n.split(',');
    if (parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()) out.push(`${parts[1]!.trim()} ${parts[0]!.trim()}`);
  }
  return [...new Set(out.map(fold).filter((n) => n !== ''))];
}

const tokens = (folded: string) => new Set(folded.split(/[\s.,-]+/).filter((t) => t.length > 1));

/** A participant whose name holds every word of the file's name (or the other way round), if only one does. */
function suggest(participants: readonly Participant[], names: readonly string[]): string | null {
  for (const name of names) {
    const wanted = tokens(name);
    if (wanted.size === 0) continue;
    const fits = participants.filter((p) => {
      const have = tokens(fold(p.fullName));
      return [...wanted].every((t) => have.has(t)) || (have.size >= 2 && [...have].every((t) => wanted.has(t)));
    });
    if (fits.length === 1) return fits[0]!.enrolmentId;
  }
  return null;
}

/**
 * Whom a line names: by email (or Teams' UPN), then username, then a full name only one
 * participant has (when the line gives no address). The coordinator's resolutions settle the rest.
 */
function matchParticipant(
  roster: ImportRoster, resolutions: ImportResolutions, who: { email: string; upn: string; username: string; name: string },
): Match {
  const emails = [fold(who.email), fold(who.upn)].filter((e) => e !== '');
  const u = fold(who.username);
  if (emails.some((e) => roster.skip.has(e)) || (u && roster.skip.has(u))) return { skip: true };
  const byIdentity = (p: { email: string | null; username: string }) =>
    (p.email !== null && emails.includes(fold(p.email))) || (u !== '' && fold(p.username) === u);
  const found = roster.participants.find(byIdentity);
  if (found) return { enrolmentId: found.enrolmentId };
  const names = nameCandidates(who.name);
  const key = emails[0] ? `email:${emails[0]}` : u ? `user:${u}` : `name:${names[0] ?? ''}`;
  if (resolutions.has(key)) {
    const settled = resolutions.get(key);
    return settled ? { enrolmentId: settled } : { ignore: true };
  }
  let ambiguous = false;
  for (const name of names) {
    const named = roster.participants.filter((p) => fold(p.fullName) === name);
    // Without an address the name is all the line has: a unique match is the person.
    if (named.length === 1 && emails.length === 0 && !u) return { enrolmentId: named[0]!.enrolmentId };
    if (named.length > 1) ambiguous = true;
  }
  const exact = names.map((n) => roster.participants.filter((p) => fold(p.fullName) === n)).find((list) => list.length === 1);
  const notEnrolled = roster.others.some((o) => byIdentity(o) || names.includes(fold(o.fullName)));
  return {
    unmatched: {
      key, name: who.name || who.email || who.username, email: who.email || who.upn || null,
      reason: notEnrolled ? 'not_enrolled' : ambiguous ? 'ambiguous' : 'unknown',
      suggestion: exact?.[0]?.enrolmentId ?? suggest(roster.participants, names),
    },
  };
}

/** Collects the lines of each unmatched identity into one entry. */
class UnmatchedList {
  private readonly entries = new Map<string, UnmatchedEntry>();
  add(entry: Omit<UnmatchedEntry, 'lines' | 'minutes' | 'completedOn'>, line: number): UnmatchedEntry {
    const existing = this.entries.get(entry.key);
    if (existing) {
      existing.lines.push(line);
      return existing;
    }
    const created: UnmatchedEntry = { ...entry, lines: [line], minutes: null, completedOn: null };
    this.entries.set(entry.key, created);
    return created;
  }
  list(): UnmatchedEntry[] {
    return [...this.entries.values()];
  }
}

const cell = (row: { cells: Record<string, string> }, column: string | null) => (column ? (row.cells[column] ?? '') : '');

function pickTable(tables: ImportTable[], needs: ReadonlyArray<readonly string[]>): ImportTable | null {
  return tables.find((t) => needs.every((aliases) => findColumn(t.header, aliases) !== null)) ?? null;
}

const identityColumns = (t: ImportTable) => [COLUMNS.email, COLUMNS.name, COLUMNS.username].filter((a) => findColumn(t.header, a)).length;

/** The table that names people best, to say which of its columns is missing. */
function closestTable(tables: ImportTable[]): ImportTable {
  const score = identityColumns;
  return tables.reduce((best, t) => (score(t) > score(best) ? t : best), tables[0]!);
}

function tooMany(tables: ImportTable[]): ImportLineError | null {
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  return rows > IMPORT_MAX_ROWS ? { line: 1, field: '', code: 'too_many_rows', params: { max: IMPORT_MAX_ROWS } } : null;
}

function readOrError(content: string): ImportTable[] | ImportLineError {
  const tables = readTables(content);
  if ('code' in tables) return { line: tables.line, field: '', code: tables.code };
  return tooMany(tables) ?? tables;
}

export interface OnlineCompletionRow {
  line: number;
  enrolmentId: string;
  completedOn: string;
  score: number | null;
}

/**
 * An LMS completion report: one line per learner; an empty completion cell means "not completed
 * yet" and is skipped, as is a learner not in this session who has not completed (a course
 * shared by several cohorts lists them all).
 */
export function checkLmsCompletionCsv(
  content: string, roster: ImportRoster, today: string, resolutions: ImportResolutions = new Map(),
): ImportCheck<OnlineCompletionRow> {
  const tables = readOrError(content);
  if (!Array.isArray(tables)) return { ok: false, errors: [tables] };
  const table = pickTable(tables, [COLUMNS.completed]);
  if (!table) {
    const near = closestTable(tables);
    return { ok: false, errors: [{ line: near.headerLine, field: 'completed', code: 'missing_column', params: { column: 'Course complete' } }] };
  }
  const email = findColumn(table.header, COLUMNS.email);
  const username = findColumn(table.header, COLUMNS.username);
  const name = findColumn(table.header, COLUMNS.name);
  const completed = findColumn(table.header, COLUMNS.completed)!;
  const score = findColumn(table.header, COLUMNS.score);
  if (!email && !username && !name) {
    return { ok: false, errors: [{ line: table.headerLine, field: 'email', code: 'missing_column', params: { column: 'Email address / Username / Name' } }] };
  }
  const order = inferSlashOrder(table.rows.map((r) => cell(r, completed))) ?? undefined;
  const errors: ImportLineError[] = [];
  const rows: OnlineCompletionRow[] = [];
  const unmatched = new UnmatchedList();
  const seen = new Map<string, number>();
  let ignoredLines = 0;
  for (const row of table.rows) {
    const { line } = row;
    const who = { email: cell(row, email), upn: '', username: cell(row, username), name: cell(row, name) };
    if (!who.email && !who.username && !who.name) { errors.push({ line, field: 'email', code: 'missing_value' }); continue; }
    const completedText = cell(row, completed);
    const when = completedText === '' ? null : parseWallClock(completedText, order);
    if (completedText !== '' && !when) { errors.push({ line, field: 'completed', code: 'bad_date', params: { value: completedText } }); continue; }
    if (when && when.date > today) { errors.push({ line, field: 'completed', code: 'date_in_future', params: { value: completedText } }); continue; }
    const scoreText = cell(row, score).replace(',', '.').replace('%', '');
    const scoreValue = scoreText === '' || scoreText === '-' ? null : Number(scoreText);
    if (scoreValue !== null && (!Number.isFinite(scoreValue) || scoreValue < 0 || scoreValue > 100)) {
      errors.push({ line, field: 'score', code: 'bad_score', params: { value: cell(row, score) } });
      continue;
    }
    const match = matchParticipant(roster, resolutions, who);
    if ('skip' in match) continue;
    if ('ignore' in match) { ignoredLines++; continue; }
    if ('unmatched' in match) {
      // Someone not in this session who has not completed changes nothing: not worth a question.
      if (when) unmatched.add(match.unmatched, line).completedOn = when.date;
      continue;
    }
    const first = seen.get(match.enrolmentId);
    if (first !== undefined) { errors.push({ line, field: email ? 'email' : 'name', code: 'duplicate', params: { first } }); continue; }
    seen.set(match.enrolmentId, line);
    if (when) rows.push({ line, enrolmentId: match.enrolmentId, completedOn: when.date, score: scoreValue });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows, unmatched: unmatched.list(), ignoredLines };
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
 * A videoconference participants report: join/leave rows per person, in local time. Each line is
 * placed on the session day of its join date; a person's rows on a day are merged and clipped to
 * the day's hours. Every enrolled participant not in the file gets 0 minutes for each day the
 * file covers (absent), so one file is the whole attendance of its days. Time in Zoom's waiting
 * room is not attendance.
 */
export function checkVideoconferenceCsv(
  content: string, roster: ImportRoster, days: readonly SessionDaySlot[], resolutions: ImportResolutions = new Map(),
): ImportCheck<AttendanceRow> {
  const tables = readOrError(content);
  if (!Array.isArray(tables)) return { ok: false, errors: [tables] };
  const table = pickTable(tables, [COLUMNS.join, COLUMNS.leave]) ?? pickTable(tables, [COLUMNS.firstJoin, COLUMNS.lastLeave]);
  if (!table) {
    const near = closestTable(tables);
    const errors: ImportLineError[] = [];
    if (!findColumn(near.header, COLUMNS.join) && !findColumn(near.header, COLUMNS.firstJoin)) {
      errors.push({ line: near.headerLine, field: 'join', code: 'missing_column', params: { column: 'Join time' } });
    }
    if (!findColumn(near.header, COLUMNS.leave) && !findColumn(near.header, COLUMNS.lastLeave)) {
      errors.push({ line: near.headerLine, field: 'leave', code: 'missing_column', params: { column: 'Leave time' } });
    }
    return { ok: false, errors };
  }
  const email = findColumn(table.header, COLUMNS.email);
  const upn = findColumn(table.header, COLUMNS.upn);
  const name = findColumn(table.header, COLUMNS.name);
  const join = findColumn(table.header, COLUMNS.join) ?? findColumn(table.header, COLUMNS.firstJoin)!;
  const leave = findColumn(table.header, COLUMNS.leave) ?? findColumn(table.header, COLUMNS.lastLeave)!;
  const waiting = findColumn(table.header, COLUMNS.waitingRoom);
  if (!email && !name) {
    return { ok: false, errors: [{ line: table.headerLine, field: 'email', code: 'missing_column', params: { column: 'Email / Name' } }] };
  }
  const order: SlashOrder | undefined = inferSlashOrder(table.rows.flatMap((r) => [cell(r, join), cell(r, leave)])) ?? undefined;
  const dayByDate = new Map(days.map((d) => [d.day, d]));
  const intervals = new Map<string, Interval[]>();
  const unmatchedIntervals = new Map<UnmatchedEntry, Map<string, Interval[]>>();
  const covered = new Set<string>();
  const unmatched = new UnmatchedList();
  const errors: ImportLineError[] = [];
  let ignoredLines = 0;
  for (const row of table.rows) {
    const { line } = row;
    if (waiting && /^(yes|si|oui)$/.test(fold(cell(row, waiting)))) continue;
    const who = { email: cell(row, email), upn: cell(row, upn), username: '', name: cell(row, name) };
    if (!who.email && !who.upn && !who.name) { errors.push({ line, field: 'email', code: 'missing_value' }); continue; }
    const joined = parseWallClock(cell(row, join), order);
    const left = parseWallClock(cell(row, leave), order);
    if (!joined) { errors.push({ line, field: 'join', code: 'bad_datetime', params: { value: cell(row, join) } }); continue; }
    if (!left) { errors.push({ line, field: 'leave', code: 'bad_datetime', params: { value: cell(row, leave) } }); continue; }
    const end = (Date.parse(`${left.date}T00:00:00Z`) - Date.parse(`${joined.date}T00:00:00Z`)) / 60_000 + left.minutes;
    if (end < joined.minutes) { errors.push({ line, field: 'leave', code: 'leave_before_join' }); continue; }
    const day = dayByDate.get(joined.date);
    if (!day) { errors.push({ line, field: 'join', code: 'not_session_day', params: { value: joined.date } }); continue; }
    covered.add(day.id);
    const interval = { start: joined.minutes, end };
    const match = matchParticipant(roster, resolutions, who);
    if ('skip' in match) continue;
    if ('ignore' in match) { ignoredLines++; continue; }
    if ('unmatched' in match) {
      const entry = unmatched.add(match.unmatched, line);
      const perDay = unmatchedIntervals.get(entry) ?? new Map<string, Interval[]>();
      perDay.set(day.id, [...(perDay.get(day.id) ?? []), interval]);
      unmatchedIntervals.set(entry, perDay);
      continue;
    }
    const key = `${match.enrolmentId}|${day.id}`;
    intervals.set(key, [...(intervals.get(key) ?? []), interval]);
  }
  if (errors.length > 0) return { ok: false, errors };
  const slot = new Map(days.map((d) => [d.id, d]));
  for (const [entry, perDay] of unmatchedIntervals) {
    entry.minutes = [...perDay].reduce((sum, [dayId, list]) => sum + minutesAttended(list, slot.get(dayId)!), 0);
  }
  const rows = days.filter((d) => covered.has(d.id)).flatMap((day) => roster.participants.map((p) => ({
    enrolmentId: p.enrolmentId,
    sessionDayId: day.id,
    minutes: minutesAttended(intervals.get(`${p.enrolmentId}|${day.id}`) ?? [], day),
  })));
  return { ok: true, rows, unmatched: unmatched.list(), ignoredLines };
}
