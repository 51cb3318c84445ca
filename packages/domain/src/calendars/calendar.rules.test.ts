import { describe, expect, it } from 'vitest';
import {
  defineCalendar,
  extendCalendar,
  isWorkingDay,
  nonWorkingReason,
  validateCalendar,
  type Calendar,
  type CalendarRule,
} from './calendar.rules.ts';

const rules: CalendarRule[] = [
  { kind: 'fixed_date', id: 'independence', label: '16 de septiembre', source: 'LFPA art. 28', month: 9, day: 16 },
  { kind: 'nth_weekday', id: 'revolution', label: 'Tercer lunes de noviembre', source: 'LFT art. 74', month: 11, weekday: 1, n: 3 },
  { kind: 'nth_weekday', id: 'last_friday_may', label: 'Último viernes de mayo', source: 'test', month: 5, weekday: 5, n: -1 },
  { kind: 'periodic', id: 'transfer', label: '1 de diciembre', source: 'LFPA art. 28', month: 12, day: 1, everyYears: 6, anchorYear: 2018 },
  { kind: 'fixed_date', id: 'old_rule', label: 'Only until 2020', source: 'test', month: 6, day: 10, validTo: 2020 },
  { kind: 'date_range', id: 'summer', label: 'Vacaciones de verano', source: 'DOF 01/01/2026', from: '2026-07-13', to: '2026-07-24' },
  { kind: 'suspension', id: 'quake', label: 'Suspensión de plazos', source: 'DOF 20/09/2017', from: '2026-07-20', to: '2026-07-21' },
  { kind: 'working_day_override', id: 'open_saturday', label: 'Sábado hábil', source: 'DOF 02/01/2026', date: '2026-07-18' },
];
const calendar: Calendar = defineCalendar({ code: 'TEST', weekendSource: 'LFPA art. 28', rules });

describe('nonWorkingReason', () => {
  it('defaults the weekend to Saturday and Sunday', () => {
    expect(calendar.weekendDays).toEqual([6, 7]);
    expect(nonWorkingReason(calendar, '2026-03-07')).toEqual({ kind: 'weekend', source: 'LFPA art. 28' });
    expect(nonWorkingReason(calendar, '2026-03-08')?.kind).toBe('weekend');
    expect(nonWorkingReason(calendar, '2026-03-09')).toBeNull();
  });

  it('supports other weekends', () => {
    const fridays = defineCalendar({ code: 'FRI_SAT', weekendDays: [5, 6] });
    expect(isWorkingDay(fridays, '2026-03-06')).toBe(false);
    expect(isWorkingDay(fridays, '2026-03-08')).toBe(true);
  });

  it('reports fixed holidays with their source', () => {
    expect(nonWorkingReason(calendar, '2026-09-16')).toEqual({
      kind: 'holiday',
      ruleId: 'independence',
      label: '16 de septiembre',
      source: 'LFPA art. 28',
    });
  });

  it('finds the n-th and the last weekday of a month', () => {
    expect(nonWorkingReason(calendar, '2026-11-16')?.ruleId).toBe('revolution');
    expect(isWorkingDay(calendar, '2026-11-09')).toBe(true);
    expect(isWorkingDay(calendar, '2026-11-23')).toBe(true);
    expect(nonWorkingReason(calendar, '2026-05-29')?.ruleId).toBe('last_friday_may');
    expect(isWorkingDay(calendar, '2026-05-22')).toBe(true);
  });

  it('repeats periodic dates in both directions from the anchor', () => {
    for (const year of [2012, 2018, 2024, 2030, 2036]) {
      expect(nonWorkingReason(calendar, `${year}-12-01`)?.ruleId).toBe('transfer');
    }
    expect(isWorkingDay(calendar, '2025-12-01')).toBe(true);
  });

  it('respects validFrom and validTo years', () => {
    expect(nonWorkingReason(calendar, '2020-06-10')?.ruleId).toBe('old_rule');
    expect(isWorkingDay(calendar, '2021-06-10')).toBe(true);
  });

  it('prefers suspension over declared ranges over holidays over weekends', () => {
    expect(nonWorkingReason(calendar, '2026-07-13')?.kind).toBe('declared');
    expect(nonWorkingReason(calendar, '2026-07-19')?.kind).toBe('declared');
    expect(nonWorkingReason(calendar, '2026-07-20')).toMatchObject({ kind: 'suspension', ruleId: 'quake', source: 'DOF 20/09/2017' });
    expect(nonWorkingReason(calendar, '2024-12-01')?.kind).toBe('holiday');
  });

  it('lets a working-day override beat every other rule', () => {
    expect(nonWorkingReason(calendar, '2026-07-18')).toBeNull();
  });

  it('extends a base calendar with an authority’s own rules', () => {
    const office = extendCalendar(defineCalendar({ code: 'BASE', rules: [] }), {
      code: 'COMAR_CDMX',
      rules: [rules[5] as CalendarRule],
    });
    expect(office.code).toBe('COMAR_CDMX');
    expect(nonWorkingReason(office, '2026-07-15')?.ruleId).toBe('summer');
  });
});

describe('validateCalendar', () => {
  it('accepts a sound calendar', () => {
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it('names each broken rule', () => {
    const broken = defineCalendar({
      code: 'BROKEN',
      weekendDays: [1, 2, 3, 4, 5, 6, 7],
      rules: [
        { kind: 'fixed_date', id: 'a', label: 'a', source: 's', month: 2, day: 30 },
        { kind: 'fixed_date', id: 'a', label: 'dup', source: 's', month: 1, day: 1 },
        { kind: 'nth_weekday', id: 'b', label: 'b', source: 's', month: 1, weekday: 1, n: 0 },
        { kind: 'periodic', id: 'c', label: 'c', source: 's', month: 12, day: 1, everyYears: 0, anchorYear: 2018 },
        { kind: 'date_range', id: 'd', label: 'd', source: 's', from: '2026-02-01', to: '2026-01-01' },
        { kind: 'suspension', id: 'e', label: 'e', source: ' ', from: '2026-01-01', to: '2026-01-02' },
        { kind: 'working_day_override', id: 'f', label: 'f', source: 's', date: '2026-02-30' },
        { kind: 'fixed_date', id: 'g', label: 'g', source: 's', month: 1, day: 2, validFrom: 2030, validTo: 2020 },
      ],
    });
    const issues = validateCalendar(broken);
    expect(issues.map((i) => i.ruleId ?? '-')).toEqual(['-', 'a', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(issues[0]?.message).toMatch(/every weekday/);
  });

  it('allows 29 February', () => {
    const leap = defineCalendar({
      code: 'LEAP',
      rules: [{ kind: 'fixed_date', id: 'leap', label: '29 Feb', source: 's', month: 2, day: 29 }],
    });
    expect(validateCalendar(leap)).toEqual([]);
    expect(isWorkingDay(leap, '2028-02-29')).toBe(false);
  });
});
