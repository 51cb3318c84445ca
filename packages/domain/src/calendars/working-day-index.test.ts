import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendCalendar, isWorkingDay } from './calendar.rules.ts';
import { LFPA_ART_28, SAMPLE_COVID_SUSPENSION_2020 } from './mexico-calendars.ts';
import { calendarArb, isoDateIn } from './test-arbitraries.ts';
import { WorkingDayIndex, workingDayOrdinals } from './working-day-index.ts';
import { addWorkingDays, explainDueDate, workingDaysBetween } from './working-days.ts';

const COMAR_2020 = extendCalendar(LFPA_ART_28, { code: 'COMAR_2020', rules: [SAMPLE_COVID_SUSPENSION_2020] });

describe('WorkingDayIndex', () => {
  const index = new WorkingDayIndex(COMAR_2020, 2010, 2040);

  it('answers the concrete cases in O(1)', () => {
    expect(index.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(index.addWorkingDays('2026-03-03', 45)).toBe('2026-05-07');
    expect(index.addWorkingDays('2020-03-25', 1)).toBe('2020-04-20');
    expect(index.addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
    expect(index.workingDaysBetween('2026-03-03', '2026-05-07')).toBe(45);
    expect(index.workingDaysBetween('2026-05-07', '2026-03-03')).toBe(-45);
    expect(index.isWorkingDay('2026-09-16')).toBe(false);
    expect(index.isWorkingDay('2010-01-04')).toBe(true);
    expect(index.explainDueDate('2020-03-25', 1).skipped).toHaveLength(25);
  });

  it('exposes ordinals that count working days from the span start', () => {
    expect(index.covers('2010-01-01')).toBe(true);
    expect(index.covers('2041-01-01')).toBe(false);
    // 1 January 2010 is a holiday, 2–3 January a weekend: the first working day is Monday 4.
    expect(index.ordinalOf('2010-01-01')).toBe(0);
    expect(index.ordinalOf('2010-01-03')).toBe(0);
    expect(index.ordinalOf('2010-01-04')).toBe(1);
    expect(index.ordinalOf('2009-12-31')).toBeUndefined();
    expect(index.workingDayCount).toBe(index.ordinalOf('2040-12-31'));
  });

  it('falls back to day-by-day counting outside its span', () => {
    const small = new WorkingDayIndex(LFPA_ART_28, 2026, 2026);
    expect(small.addWorkingDays('2026-12-30', 5)).toBe(addWorkingDays(LFPA_ART_28, '2026-12-30', 5));
    expect(small.addWorkingDays('2025-12-30', 5)).toBe(addWorkingDays(LFPA_ART_28, '2025-12-30', 5));
    expect(small.workingDaysBetween('2025-06-01', '2026-06-01')).toBe(
      workingDaysBetween(LFPA_ART_28, '2025-06-01', '2026-06-01'),
    );
    expect(small.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('rejects impossible spans', () => {
    expect(() => new WorkingDayIndex(LFPA_ART_28, 2040, 2010)).toThrow(RangeError);
    expect(() => new WorkingDayIndex(LFPA_ART_28, 1000, 2000)).toThrow(RangeError);
  });

  it('agrees with the day-by-day implementation on random calendars and dates', () => {
    const date = isoDateIn(2013, 2027);
    fc.assert(
      fc.property(
        calendarArb(2015, 2025),
        fc.array(fc.tuple(date, date, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 10 }),
        (calendar, cases) => {
          const random = new WorkingDayIndex(calendar, 2015, 2025);
          for (const [from, to, n] of cases) {
            expect(random.addWorkingDays(from, n)).toBe(addWorkingDays(calendar, from, n));
            expect(random.workingDaysBetween(from, to)).toBe(workingDaysBetween(calendar, from, to));
            expect(random.isWorkingDay(to)).toBe(isWorkingDay(calendar, to));
          }
        },
      ),
      { numRuns: 50 },
    );
    // Fifty 11-year indexes of random calendars: ~1 s alone, several times that on a busy 2-core machine.
  }, 30_000);
});

describe('workingDayOrdinals', () => {
  it('returns one row per day for the materialized table', () => {
    const rows = workingDayOrdinals(LFPA_ART_28, 2026, 2026);
    expect(rows).toHaveLength(365);
    expect(rows.slice(0, 6)).toEqual([
      { date: '2026-01-01', ordinal: 0, isWorking: false },
      { date: '2026-01-02', ordinal: 1, isWorking: true },
      { date: '2026-01-03', ordinal: 1, isWorking: false },
      { date: '2026-01-04', ordinal: 1, isWorking: false },
      { date: '2026-01-05', ordinal: 2, isWorking: true },
      { date: '2026-01-06', ordinal: 3, isWorking: true },
    ]);
    // 365 days − 104 weekend days − 8 holidays on weekdays (21 March 2026 is a Saturday).
    expect(rows.at(-1)).toEqual({ date: '2026-12-31', ordinal: 253, isWorking: true });
  });

  it('finds due dates the way the SQL table will: the working row with ordinal o + n', () => {
    const rows = workingDayOrdinals(LFPA_ART_28, 2026, 2026);
    const from = rows.find((r) => r.date === '2026-03-03');
    const due = rows.find((r) => r.isWorking && r.ordinal === (from?.ordinal ?? 0) + 45);
    expect(due?.date).toBe('2026-05-07');
    expect(explainDueDate(LFPA_ART_28, '2026-03-03', 45).due).toBe(due?.date);
  });
});
