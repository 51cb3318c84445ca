/**
 * Training records (ADR 016): minutes attended from videoconference join/leave times,
 * and the module's completion rule applied to one enrolment's separate records.
 */

/** A stretch of wall-clock time in minutes since midnight of the session day. */
export interface Interval {
  start: number;
  end: number;
}

/** Overlapping or touching intervals merged, sorted by start; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).toSorted((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Minutes attended of a session day: a person's join/leave intervals merged (a dropped
 * connection rejoined counts once), clipped to the day's start and end (waiting-room time before
 * the start and chat after the end do not count), rounded down to whole minutes.
 */
export function minutesAttended(intervals: readonly Interval[], day: Interval): number {
  const clipped = intervals.map((i) => ({ start: Math.max(i.start, day.start), end: Math.min(i.end, day.end) }));
  return Math.floor(mergeIntervals(clipped).reduce((sum, i) => sum + (i.end - i.start), 0));
}

/** `HH:MM[:SS]` (Postgres `time`) as minutes since midnight. */
export function minutesOfDay(time: string): number {
  const [h = '0', m = '0', s = '0'] = time.split(':');
  return Number(h) * 60 + Number(m) + Number(s) / 60;
}

export interface CompletionRule {
  online: boolean;
  attendance: boolean;
  /** Share of the session days' scheduled minutes to attend, 0–100. */
  attendancePct: number;
  /** Minimum assessment score, or null when the module has no assessment. */
  passMark: number | null;
}

export const COMPLETION_PARTS = ['online', 'attendance', 'assessment'] as const;
export type CompletionPart = (typeof COMPLETION_PARTS)[number];

export interface EnrolmentRecords {
  onlineCompletedOn: string | null;
  /** One entry per session day: the day, its scheduled minutes, the minutes recorded (null: none yet). */
  days: ReadonlyArray<{ day: string; scheduledMinutes: number; minutesAttended: number | null }>;
  assessmentScore: number | null;
}

export interface CompletionStatus {
  complete: boolean;
  /** The parts the rule requires that are not met yet. */
  missing: CompletionPart[];
  /** Minutes attended over minutes scheduled, 0–100 (rounded down), or null without session days. */
  attendancePct: number | null;
  /** The completion date (the later of the last day attended and the online completion); null until complete. */
  completedOn: string | null;
}

/** Applies a module's completion rule to one enrolment's records. */
export function evaluateCompletion(rule: CompletionRule, records: EnrolmentRecords): CompletionStatus {
  const scheduled = records.days.reduce((sum, d) => sum + d.scheduledMinutes, 0);
  const attended = records.days.reduce((sum, d) => sum + (d.minutesAttended ?? 0), 0);
  const attendancePct = scheduled > 0 ? Math.floor((attended * 100) / scheduled) : null;
  const missing: CompletionPart[] = [];
  if (rule.online && records.onlineCompletedOn === null) missing.push('online');
  if (rule.attendance && (attendancePct === null || attended === 0 || attendancePct < rule.attendancePct)) missing.push('attendance');
  if (rule.passMark !== null && (records.assessmentScore === null || records.assessmentScore < rule.passMark)) missing.push('assessment');
  if (missing.length > 0) return { complete: false, missing, attendancePct, completedOn: null };
  const dates: string[] = [];
  if (rule.online && records.onlineCompletedOn) dates.push(records.onlineCompletedOn);
  if (rule.attendance) {
    const lastAttended = records.days.filter((d) => (d.minutesAttended ?? 0) > 0).map((d) => d.day).toSorted().at(-1);
    if (lastAttended) dates.push(lastAttended);
  }
  // A rule requires the online part, the attendance or both (the module schema refuses neither).
  const completedOn = dates.toSorted().at(-1) ?? null;
  return { complete: completedOn !== null, missing, attendancePct, completedOn };
}

/** `YYYY-MM-DD` plus whole months; the last day of a shorter month when the day does not exist (31 Jan + 1 → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The expiry of a competency granted on `grantedOn` by a module valid `validityMonths` (null: never). */
export function grantExpiry(grantedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addMonths(grantedOn, validityMonths);
}

/** The most rows an imported file may hold (ADR 016). */
export const IMPORT_MAX_ROWS = 5000;

/** Why a row of an imported file matched nobody: an unknown name or address, a user not enrolled, or a name several participants share (ADR 023). */
export const UNMATCHED_REASONS = ['unknown', 'not_enrolled', 'ambiguous'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];
