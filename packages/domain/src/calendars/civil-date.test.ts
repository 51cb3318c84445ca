import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
} from './civil-date.ts';

const FIRST_DAY = toDayNumber('0001-01-01');
const LAST_DAY = toDayNumber('9999-12-31');

describe('civil dates', () => {
  it('counts days from 1970-01-01, a Thursday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday(-1)).toBe(3);
  });

  it('knows the weekdays of dates used in the clock tests', () => {
    expect(isoWeekday('2026-11-27')).toBe(5);
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-09-12')).toBe(6);
    expect(isoWeekday('2020-04-17')).toBe(5);
    expect(isoWeekday('2036-12-01')).toBe(1);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '2024-01-01T00:00Z', '']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(20240229)).toBe(false);
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it('handles leap years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('round-trips every day number and agrees with UTC date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (day) => {
        const iso = fromDayNumber(day);
        expect(toDayNumber(iso)).toBe(day);
        const utc = new Date(day * 86_400_000);
        if (utc.getUTCFullYear() >= 1000) expect(utc.toISOString().slice(0, 10)).toBe(iso);
        expect(isoWeekday(day)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
