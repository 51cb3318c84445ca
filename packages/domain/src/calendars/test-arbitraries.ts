// fast-check generators shared by the property tests: random but sound calendars and dates.
import * as fc from 'fast-check';
import { defineCalendar, type Calendar, type CalendarRule } from './calendar.rules.ts';
import { civilToDayNumber, fromDayNumber } from './civil-date.ts';

export const dayNumberIn = (fromYear: number, toYear: number): fc.Arbitrary<number> =>
  fc.integer({ min: civilToDayNumber(fromYear, 1, 1), max: civilToDayNumber(toYear, 12, 31) });

export const isoDateIn = (fromYear: number, toYear: number): fc.Arbitrary<string> =>
  dayNumberIn(fromYear, toYear).map(fromDayNumber);

const validity = fc.record(
  { validFrom: fc.integer({ min: 2005, max: 2035 }), validTo: fc.integer({ min: 2035, max: 2045 }) },
  { requiredKeys: [] },
);

// Ranges are kept short so that no random calendar closes for years; real data is checked by
// validateCalendar and by the run guard in the day-by-day walk.
const range = (fromYear: number, toYear: number) =>
  fc.tuple(dayNumberIn(fromYear, toYear), fc.integer({ min: 0, max: 40 })).map(([start, length]) => ({
    from: fromDayNumber(start),
    to: fromDayNumber(start + length),
  }));

// Ids are renumbered per calendar; label and source only need to be present.
const NAMED_VALUES = { id: '', label: 'rule', source: 'test' };
const NAMED = { id: fc.constant(''), label: fc.constant('rule'), source: fc.constant('test') };

const ruleArb = (fromYear: number, toYear: number): fc.Arbitrary<CalendarRule> =>
  fc.oneof<fc.Arbitrary<CalendarRule>[]>(
    fc.record({
      ...NAMED,
      kind: fc.constant('fixed_date' as const),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
    fc.record({
      ...NAMED,
      kind: fc.constant('nth_weekday' as const),
      month: fc.integer({ min: 1, max: 12 }),
      weekday: fc.integer({ min: 1, max: 7 }),
      n: fc.constantFrom(-1, 1, 2, 3, 4, 5),
    }),
    fc.record({
      ...NAMED,
      kind: fc.constant('periodic' as const),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      everyYears: fc.integer({ min: 1, max: 7 }),
      anchorYear: fc.integer({ min: 2000, max: 2040 }),
    }),
    range(fromYear, toYear).map((r) => ({ ...NAMED_VALUES, kind: 'date_range' as const, ...r })),
    range(fromYear, toYear).map((r) => ({ ...NAMED_VALUES, kind: 'suspension' as const, ...r })),
    isoDateIn(fromYear, toYear).map((date) => ({ ...NAMED_VALUES, kind: 'working_day_override' as const, date })),
  );

/** A calendar with at most five weekend days and up to 15 rules of every kind. */
export const calendarArb = (fromYear: number, toYear: number): fc.Arbitrary<Calendar> =>
  fc
    .record({
      weekendDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 5 }),
      rules: fc.array(fc.tuple(ruleArb(fromYear, toYear), validity), { maxLength: 15 }),
    })
    .map(({ weekendDays, rules }) =>
      defineCalendar({
        code: 'RANDOM',
        weekendDays,
        rules: rules.map(([rule, years], i): CalendarRule => ({ ...rule, ...years, id: `r${i}` })),
      }),
    );
