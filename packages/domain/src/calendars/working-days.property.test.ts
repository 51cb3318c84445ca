import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendCalendar, isWorkingDay, validateCalendar, type Calendar } from './calendar.rules.ts';
import { addCalendarDays, toDayNumber } from './civil-date.ts';
import { LFPA_ART_28, LFT_ART_74, SAMPLE_COMAR_2024_HOLY_WEEK, SAMPLE_COVID_SUSPENSION_2020 } from './mexico-calendars.ts';
import { calendarArb, isoDateIn } from './test-arbitraries.ts';
import { addWorkingDays, explainDueDate, groupSkippedDays, workingDaysBetween } from './working-days.ts';

const COMAR = extendCalendar(LFPA_ART_28, {
  code: 'COMAR',
  rules: [SAMPLE_COVID_SUSPENSION_2020, SAMPLE_COMAR_2024_HOLY_WEEK],
});

// Shipped calendars plus random ones, so the properties hold for any sound data.
const anyCalendar: fc.Arbitrary<Calendar> = fc.oneof(
  fc.constantFrom(LFPA_ART_28, LFT_ART_74, COMAR),
  calendarArb(2015, 2030),
);
const date = isoDateIn(2015, 2030);
const count = fc.integer({ min: 0, max: 120 });

describe('working-day properties', () => {
  it('random calendars are sound data', () => {
    fc.assert(
      fc.property(calendarArb(2015, 2030), (calendar) => {
        expect(validateCalendar(calendar)).toEqual([]);
      }),
    );
  });

  it('adding N working days then counting them back gives N', () => {
    fc.assert(
      fc.property(anyCalendar, date, count, (calendar, from, n) => {
        expect(workingDaysBetween(calendar, from, addWorkingDays(calendar, from, n))).toBe(n);
      }),
    );
  });

  it('no due date (N >= 1) falls on a non-working day, and none comes earlier', () => {
    fc.assert(
      fc.property(anyCalendar, date, fc.integer({ min: 1, max: 120 }), (calendar, from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(due > from).toBe(true);
        expect(isWorkingDay(calendar, due)).toBe(true);
        // The day before still lacks one working day: the due date is the first day that fits.
        expect(workingDaysBetween(calendar, from, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('is monotonic in the start date', () => {
    fc.assert(
      fc.property(anyCalendar, date, date, count, (calendar, a, b, n) => {
        const [from1, from2] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, from1, n) <= addWorkingDays(calendar, from2, n)).toBe(true);
      }),
    );
  });

  it('is monotonic in N', () => {
    fc.assert(
      fc.property(anyCalendar, date, count, count, (calendar, from, n1, n2) => {
        const [low, high] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(addWorkingDays(calendar, from, low) <= addWorkingDays(calendar, from, high)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(anyCalendar, date, date, date, (calendar, a, b, c) => {
        expect(workingDaysBetween(calendar, a, b) + workingDaysBetween(calendar, b, a)).toBe(0);
        expect(workingDaysBetween(calendar, a, b) + workingDaysBetween(calendar, b, c)).toBe(
          workingDaysBetween(calendar, a, c),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('the explanation accounts for every calendar day between start and due date', () => {
    fc.assert(
      fc.property(anyCalendar, date, count, (calendar, from, n) => {
        const explanation = explainDueDate(calendar, from, n);
        expect(explanation.due).toBe(addWorkingDays(calendar, from, n));
        expect(toDayNumber(explanation.due) - toDayNumber(from)).toBe(n + explanation.skipped.length);
        for (const skipped of explanation.skipped) expect(isWorkingDay(calendar, skipped.date)).toBe(false);
        const ranges = groupSkippedDays(explanation.skipped);
        expect(ranges.reduce((sum, r) => sum + r.days, 0)).toBe(explanation.skipped.length);
        for (const r of ranges) expect(toDayNumber(r.to) - toDayNumber(r.from) + 1).toBe(r.days);
      }),
    );
  });
});
