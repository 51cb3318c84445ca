// The counting convention for every clock (ADR 009; LFPA art. 28): the event day is day 0, day 1 is the
// first working day after it, the due date is the N-th working day. An event on a non-working day
// counts the same way. These are the reference day-by-day implementations; WorkingDayIndex gives
// the same answers faster and must agree with them.
import { nonWorkingReasonForDay, type Calendar, type NonWorkingKind, type NonWorkingReason } from './calendar.rules.ts';
import { fromDayNumber, parseIsoDate, toDayNumber, type IsoDate } from './civil-date.ts';

// A calendar with no working day for ten years is broken data (e.g. a suspension typed with the
// wrong year); fail loudly instead of looping.
const MAX_NON_WORKING_RUN = 3660;

export function assertWorkingDayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Working-day count must be an integer >= 0, got ${n}`);
}

function noWorkingDayError(calendar: Calendar, fromDay: number): RangeError {
  return new RangeError(
    `Calendar ${calendar.code} has no working day within ${MAX_NON_WORKING_RUN} days after ${fromDayNumber(fromDay)}`,
  );
}

/** Visits each day after `fromDay` until the n-th working day; returns that day number. */
function walkWorkingDays(
  calendar: Calendar,
  fromDay: number,
  n: number,
  onSkipped?: (dayNumber: number, reason: NonWorkingReason) => void,
): number {
  let day = fromDay;
  let counted = 0;
  let run = 0;
  while (counted < n) {
    day += 1;
    const reason = nonWorkingReasonForDay(calendar, day);
    if (reason === null) {
      counted += 1;
      run = 0;
    } else {
      onSkipped?.(day, reason);
      run += 1;
      if (run > MAX_NON_WORKING_RUN) throw noWorkingDayError(calendar, fromDay);
    }
  }
  return day;
}

export function addWorkingDaysToDayNumber(calendar: Calendar, fromDay: number, n: number): number {
  assertWorkingDayCount(n);
  return walkWorkingDays(calendar, fromDay, n);
}

/** The due date n working days after `fromIso`; n = 0 returns `fromIso` itself. */
export function addWorkingDays(calendar: Calendar, fromIso: IsoDate, n: number): IsoDate {
  return fromDayNumber(addWorkingDaysToDayNumber(calendar, toDayNumber(fromIso), n));
}

export function workingDaysBetweenDayNumbers(calendar: Calendar, fromDay: number, toDay: number): number {
  // 0 - x rather than -x, which would turn an empty count into -0.
  if (toDay < fromDay) return 0 - workingDaysBetweenDayNumbers(calendar, toDay, fromDay);
  let count = 0;
  for (let day = fromDay + 1; day <= toDay; day += 1) {
    if (nonWorkingReasonForDay(calendar, day) === null) count += 1;
  }
  return count;
}

/**
 * Working days d with from < d <= to, so that workingDaysBetween(from, addWorkingDays(from, n)) = n;
 * negative when to < from (between(a, b) = -between(b, a)).
 */
export function workingDaysBetween(calendar: Calendar, fromIso: IsoDate, toIso: IsoDate): number {
  return workingDaysBetweenDayNumbers(calendar, toDayNumber(fromIso), toDayNumber(toIso));
}

export interface SkippedDay extends NonWorkingReason {
  date: IsoDate;
}

export interface DueDateExplanation {
  from: IsoDate;
  due: IsoDate;
  workingDays: number;
  /** Every non-working day after `from` up to `due`, in order. */
  skipped: SkippedDay[];
}

/** The due date with every non-working day passed over and why, so the UI can justify it. */
export function explainDueDate(calendar: Calendar, fromIso: IsoDate, n: number): DueDateExplanation {
  assertWorkingDayCount(n);
  const skipped: SkippedDay[] = [];
  const dueDay = walkWorkingDays(calendar, toDayNumber(fromIso), n, (day, reason) => {
    skipped.push({ date: fromDayNumber(day), ...reason });
  });
  return { from: fromIso, due: fromDayNumber(dueDay), workingDays: n, skipped };
}

export interface SkippedRange {
  from: IsoDate;
  to: IsoDate;
  /** Calendar days in the range. */
  days: number;
  kind: NonWorkingKind;
  ruleId?: string;
  label?: string;
  source?: string;
}

/** Consecutive skipped days with the same reason become one range ("13–17 July vacation"). */
export function groupSkippedDays(skipped: readonly SkippedDay[]): SkippedRange[] {
  const ranges: SkippedRange[] = [];
  let last: { range: SkippedRange; dayNumber: number } | null = null;
  for (const { date, ...reason } of skipped) {
    const dayNumber = toDayNumber(date);
    if (
      last !== null &&
      dayNumber === last.dayNumber + 1 &&
      reason.kind === last.range.kind &&
      reason.ruleId === last.range.ruleId
    ) {
      last.range.to = date;
      last.range.days += 1;
      last.dayNumber = dayNumber;
      continue;
    }
    const range: SkippedRange = { from: date, to: date, days: 1, ...reason };
    ranges.push(range);
    last = { range, dayNumber };
  }
  return ranges;
}

// An explicit offset is required: an instant without one would be read in the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_HOUR = 3_600_000;

/** Plain elapsed-hours clock (the 72-hour INM notice): weekends and holidays do not stop it. */
export function hoursClockDue(startInstantIso: string, hours: number): string {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Hours must be a finite number >= 0, got ${hours}`);
  // Date.parse rolls 30 February over to March, so the civil date part is checked first.
  const wellFormed = ISO_INSTANT.test(startInstantIso) && parseIsoDate(startInstantIso.slice(0, 10)) !== null;
  const start = wellFormed ? Date.parse(startInstantIso) : Number.NaN;
  if (Number.isNaN(start)) {
    throw new RangeError(`Not an ISO instant with a zone offset: ${JSON.stringify(startInstantIso)}`);
  }
  return new Date(start + Math.round(hours * MS_PER_HOUR)).toISOString();
}
