// A precomputed snapshot of one calendar over a span of years: the in-memory twin of the
// per-calendar SQL table of working-day ordinals. Rebuild it whenever the calendar's rules change.
import { isWorkingDayNumber, type Calendar } from './calendar.rules.ts';
import { civilToDayNumber, fromDayNumber, toDayNumber, type IsoDate } from './civil-date.ts';
import {
  addWorkingDaysToDayNumber,
  assertWorkingDayCount,
  explainDueDate,
  workingDaysBetweenDayNumbers,
  type DueDateExplanation,
} from './working-days.ts';

/** One row of the materialized table; ordinals count working days from the span's first day. */
export interface WorkingDayOrdinalRow {
  date: IsoDate;
  /** Working days from the first day of the span up to and including this date. */
  ordinal: number;
  isWorking: boolean;
}

const MAX_SPAN_YEARS = 400;

function assertSpan(fromYear: number, toYear: number): void {
  const valid =
    Number.isInteger(fromYear) &&
    Number.isInteger(toYear) &&
    fromYear >= 1 &&
    toYear <= 9999 &&
    fromYear <= toYear &&
    toYear - fromYear < MAX_SPAN_YEARS;
  if (!valid) throw new RangeError(`Invalid year span ${fromYear}–${toYear} (at most ${MAX_SPAN_YEARS} years)`);
}

export class WorkingDayIndex {
  readonly calendar: Calendar;
  readonly fromYear: number;
  readonly toYear: number;
  private readonly firstDay: number;
  private readonly lastDay: number;
  // ordinals[i]: working days in [firstDay, firstDay + i].
  private readonly ordinals: Int32Array;
  // workingDays[k]: day number of the (k + 1)-th working day of the span, so a due date is one lookup.
  private readonly workingDays: Int32Array;

  constructor(calendar: Calendar, fromYear: number, toYear: number) {
    assertSpan(fromYear, toYear);
    this.calendar = calendar;
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.firstDay = civilToDayNumber(fromYear, 1, 1);
    this.lastDay = civilToDayNumber(toYear, 12, 31);
    const length = this.lastDay - this.firstDay + 1;
    this.ordinals = new Int32Array(length);
    const working = new Int32Array(length);
    let count = 0;
    for (let i = 0; i < length; i += 1) {
      const day = this.firstDay + i;
      if (isWorkingDayNumber(calendar, day)) {
        working[count] = day;
        count += 1;
      }
      this.ordinals[i] = count;
    }
    this.workingDays = working.slice(0, count);
  }

  get workingDayCount(): number {
    return this.workingDays.length;
  }

  private ordinalAt(dayNumber: number): number | undefined {
    if (dayNumber < this.firstDay || dayNumber > this.lastDay) return undefined;
    return this.ordinals[dayNumber - this.firstDay];
  }

  covers(isoDate: IsoDate): boolean {
    return this.ordinalAt(toDayNumber(isoDate)) !== undefined;
  }

  /** Working days from the span's first day up to and including the date; undefined outside the span. */
  ordinalOf(isoDate: IsoDate): number | undefined {
    return this.ordinalAt(toDayNumber(isoDate));
  }

  isWorkingDay(isoDate: IsoDate): boolean {
    const day = toDayNumber(isoDate);
    const ordinal = this.ordinalAt(day);
    if (ordinal === undefined) return isWorkingDayNumber(this.calendar, day);
    const before = day === this.firstDay ? 0 : (this.ordinalAt(day - 1) ?? 0);
    return ordinal > before;
  }

  /** O(1) inside the span; day by day when the start or the due date falls outside it. */
  addWorkingDays(fromIso: IsoDate, n: number): IsoDate {
    assertWorkingDayCount(n);
    const fromDay = toDayNumber(fromIso);
    if (n === 0) return fromIso;
    const ordinal = this.ordinalAt(fromDay);
    const due = ordinal === undefined ? undefined : this.workingDays[ordinal + n - 1];
    return fromDayNumber(due ?? addWorkingDaysToDayNumber(this.calendar, fromDay, n));
  }

  /** O(1) inside the span; same convention as the free function (from < d <= to, antisymmetric). */
  workingDaysBetween(fromIso: IsoDate, toIso: IsoDate): number {
    const fromDay = toDayNumber(fromIso);
    const toDay = toDayNumber(toIso);
    const fromOrdinal = this.ordinalAt(fromDay);
    const toOrdinal = this.ordinalAt(toDay);
    if (fromOrdinal !== undefined && toOrdinal !== undefined) return toOrdinal - fromOrdinal;
    return workingDaysBetweenDayNumbers(this.calendar, fromDay, toDay);
  }

  /** Explanations are rare and need every reason, so they walk the days. */
  explainDueDate(fromIso: IsoDate, n: number): DueDateExplanation {
    return explainDueDate(this.calendar, fromIso, n);
  }

  rows(): WorkingDayOrdinalRow[] {
    const rows: WorkingDayOrdinalRow[] = [];
    let previous = 0;
    this.ordinals.forEach((ordinal, i) => {
      rows.push({ date: fromDayNumber(this.firstDay + i), ordinal, isWorking: ordinal > previous });
      previous = ordinal;
    });
    return rows;
  }
}

/**
 * Rows for the per-calendar materialized table. In SQL, the due date n working days after a date
 * with ordinal o is the working row with ordinal o + n, and working days left is a subtraction.
 */
export function workingDayOrdinals(calendar: Calendar, fromYear: number, toYear: number): WorkingDayOrdinalRow[] {
  return new WorkingDayIndex(calendar, fromYear, toYear).rows();
}
