// Civil dates (no time, no zone) as ISO strings, and their arithmetic on integer day numbers.
// Day numbers count days since 1970-01-01 and are computed without Date objects, so a
// server's or browser's time zone can never shift a deadline by one day.

/** A civil date `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function parseIsoDate(iso: IsoDate): CivilDate | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Days since 1970-01-01 for a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dayNumberToCivil(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Throws RangeError on anything but a valid `YYYY-MM-DD`: a silently wrong deadline is worse. */
export function toDayNumber(iso: IsoDate): number {
  const civil = parseIsoDate(iso);
  if (!civil) throw new RangeError(`Not a valid ISO civil date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return civilToDayNumber(civil.year, civil.month, civil.day);
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Not an integer day number: ${dayNumber}`);
  const { year, month, day } = dayNumberToCivil(dayNumber);
  return formatIsoDate(year, month, day);
}

/** ISO weekday of a civil date or of a day number (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate | number): IsoWeekday {
  const dayNumber = typeof date === 'number' ? date : toDayNumber(date);
  const mondayBased = (((dayNumber + 3) % 7) + 7) % 7;
  return (mondayBased + 1) as IsoWeekday;
}

export function addCalendarDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}
