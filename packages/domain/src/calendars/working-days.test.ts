import { describe, expect, it } from 'vitest';
import { defineCalendar, extendCalendar } from './calendar.rules.ts';
import { LFPA_ART_28, SAMPLE_COMAR_2024_HOLY_WEEK, SAMPLE_COVID_SUSPENSION_2020 } from './mexico-calendars.ts';
import {
  addWorkingDays,
  explainDueDate,
  groupSkippedDays,
  hoursClockDue,
  workingDaysBetween,
} from './working-days.ts';

const COMAR_2020 = extendCalendar(LFPA_ART_28, { code: 'COMAR_2020', rules: [SAMPLE_COVID_SUSPENSION_2020] });
const COMAR_2024 = extendCalendar(LFPA_ART_28, { code: 'COMAR_2024', rules: [SAMPLE_COMAR_2024_HOLY_WEEK] });

describe('addWorkingDays', () => {
  it('day 1 is the first working day after the event', () => {
    expect(addWorkingDays(LFPA_ART_28, '2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays(LFPA_ART_28, '2026-11-30', 1)).toBe('2026-12-01');
  });

  it('n = 0 is the event day itself, even on a non-working day', () => {
    expect(addWorkingDays(LFPA_ART_28, '2026-11-28', 0)).toBe('2026-11-28');
  });

  it('skips 16 September', () => {
    expect(addWorkingDays(LFPA_ART_28, '2026-09-15', 1)).toBe('2026-09-17');
  });

  it('counts an event on a Saturday from the next working day', () => {
    expect(addWorkingDays(LFPA_ART_28, '2026-09-12', 1)).toBe('2026-09-14');
    expect(addWorkingDays(LFPA_ART_28, '2026-09-12', 3)).toBe('2026-09-17');
    expect(explainDueDate(LFPA_ART_28, '2026-09-12', 3).skipped.map((s) => [s.date, s.kind])).toEqual([
      ['2026-09-13', 'weekend'],
      ['2026-09-16', 'holiday'],
    ]);
  });

  it('45 working days from Tuesday 3 March 2026 is Thursday 7 May 2026 (checked by hand)', () => {
    // March 4–31: 20 working days (21 March is a Saturday); April 1–30: 22 (Holy Thursday and
    // Good Friday are not in art. 28); May: 1 holiday, 4 → 43, 5 holiday, 6 → 44, 7 → 45.
    expect(addWorkingDays(LFPA_ART_28, '2026-03-03', 45)).toBe('2026-05-07');
    const explanation = explainDueDate(LFPA_ART_28, '2026-03-03', 45);
    expect(explanation.due).toBe('2026-05-07');
    expect(explanation.workingDays).toBe(45);
    expect(groupSkippedDays(explanation.skipped).map((r) => `${r.from}..${r.to} ${r.kind} ${r.ruleId ?? ''}`.trim())).toEqual([
      '2026-03-07..2026-03-08 weekend',
      '2026-03-14..2026-03-15 weekend',
      '2026-03-21..2026-03-21 holiday lfpa28.juarez',
      '2026-03-22..2026-03-22 weekend',
      '2026-03-28..2026-03-29 weekend',
      '2026-04-04..2026-04-05 weekend',
      '2026-04-11..2026-04-12 weekend',
      '2026-04-18..2026-04-19 weekend',
      '2026-04-25..2026-04-26 weekend',
      '2026-05-01..2026-05-01 holiday lfpa28.labour_day',
      '2026-05-02..2026-05-03 weekend',
      '2026-05-05..2026-05-05 holiday lfpa28.puebla',
    ]);
  });

  it('skips an authority’s Holy Week declaration', () => {
    expect(addWorkingDays(LFPA_ART_28, '2024-03-26', 3)).toBe('2024-03-29');
    expect(addWorkingDays(COMAR_2024, '2024-03-26', 3)).toBe('2024-04-02');
  });

  it('COVID 2020: a claim lodged on 25 March 2020 starts counting on 20 April 2020', () => {
    expect(addWorkingDays(COMAR_2020, '2020-03-25', 1)).toBe('2020-04-20');
    expect(addWorkingDays(COMAR_2020, '2020-03-20', 1)).toBe('2020-03-23');
    expect(addWorkingDays(COMAR_2020, '2020-03-20', 2)).toBe('2020-04-20');
    // 20–24 April: 5, 27–30 April: 9, 1 May holiday, 4 May: 10, 5 May holiday, 6–8 May: 13,
    // then five a week: 15 May 18, 22 May 23, 29 May 28, 5 June 33, 12 June 38, 19 June 43.
    expect(addWorkingDays(COMAR_2020, '2020-03-25', 45)).toBe('2020-06-23');
    const ranges = groupSkippedDays(explainDueDate(COMAR_2020, '2020-03-25', 1).skipped);
    expect(ranges).toEqual([
      {
        from: '2020-03-26',
        to: '2020-04-17',
        days: 23,
        kind: 'suspension',
        ruleId: 'covid.2020.suspension',
        label: 'Suspensión de plazos por COVID-19',
        source: 'DOF 24/03/2020',
      },
      { from: '2020-04-18', to: '2020-04-19', days: 2, kind: 'weekend', source: 'LFPA art. 28' },
    ]);
  });

  it('rejects negative or fractional counts and malformed dates', () => {
    expect(() => addWorkingDays(LFPA_ART_28, '2026-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(LFPA_ART_28, '2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(LFPA_ART_28, '2026-02-30', 1)).toThrow(RangeError);
  });

  it('fails loudly on a calendar without working days', () => {
    const closed = defineCalendar({ code: 'CLOSED', weekendDays: [1, 2, 3, 4, 5, 6, 7] });
    expect(() => addWorkingDays(closed, '2026-01-01', 1)).toThrow(/no working day/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from, up to and including to', () => {
    expect(workingDaysBetween(LFPA_ART_28, '2026-03-03', '2026-05-07')).toBe(45);
    expect(workingDaysBetween(LFPA_ART_28, '2026-11-27', '2026-11-29')).toBe(0);
    expect(workingDaysBetween(LFPA_ART_28, '2026-11-27', '2026-11-30')).toBe(1);
    expect(workingDaysBetween(LFPA_ART_28, '2026-11-27', '2026-11-27')).toBe(0);
  });

  it('is negative when to is before from', () => {
    expect(workingDaysBetween(LFPA_ART_28, '2026-05-07', '2026-03-03')).toBe(-45);
    // toBe uses Object.is: an empty backwards count must be 0, not -0.
    expect(workingDaysBetween(LFPA_ART_28, '2026-11-29', '2026-11-28')).toBe(0);
  });
});

describe('groupSkippedDays', () => {
  it('returns nothing for nothing', () => {
    expect(groupSkippedDays([])).toEqual([]);
    expect(explainDueDate(LFPA_ART_28, '2026-11-28', 0)).toEqual({
      from: '2026-11-28',
      due: '2026-11-28',
      workingDays: 0,
      skipped: [],
    });
  });

  it('keeps a declared range whole across its weekend', () => {
    const summer = extendCalendar(LFPA_ART_28, {
      code: 'SUMMER',
      rules: [{ kind: 'date_range', id: 'summer', label: 'Vacaciones', source: 'DOF', from: '2026-07-13', to: '2026-07-24' }],
    });
    const ranges = groupSkippedDays(explainDueDate(summer, '2026-07-10', 1).skipped);
    expect(ranges.map((r) => [r.from, r.to, r.days, r.kind])).toEqual([
      ['2026-07-11', '2026-07-12', 2, 'weekend'],
      ['2026-07-13', '2026-07-24', 12, 'declared'],
      ['2026-07-25', '2026-07-26', 2, 'weekend'],
    ]);
  });
});

describe('hoursClockDue', () => {
  it('adds plain elapsed hours across weekends and holidays', () => {
    expect(hoursClockDue('2026-09-14T10:30:00Z', 72)).toBe('2026-09-17T10:30:00.000Z');
    expect(hoursClockDue('2026-09-14T10:30:00-06:00', 72)).toBe('2026-09-17T16:30:00.000Z');
    expect(hoursClockDue('2026-09-14T10:30Z', 0)).toBe('2026-09-14T10:30:00.000Z');
  });

  it('requires an explicit zone and a real date', () => {
    expect(() => hoursClockDue('2026-09-14T10:30:00', 72)).toThrow(RangeError);
    expect(() => hoursClockDue('2026-02-30T10:30:00Z', 72)).toThrow(RangeError);
    expect(() => hoursClockDue('2026-09-14T10:30:00Z', -1)).toThrow(RangeError);
  });
});
