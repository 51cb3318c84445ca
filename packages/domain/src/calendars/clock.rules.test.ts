import { describe, expect, it } from 'vitest';
import { CLOCK_DEFINITIONS, DUE_SOON_WORKING_DAYS, MATERIALIZED_SPAN, riskBand } from './clock.rules.ts';
import { LFPA_ART_28 } from './mexico-calendars.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

describe('claim clocks', () => {
  it('run the legal terms: 45 (+45 once), 30, 15 and 3 working days, 72 hours', () => {
    expect(CLOCK_DEFINITIONS.decision).toMatchObject({ workingDays: 45, extensionDays: 45 });
    expect(CLOCK_DEFINITIONS.filing_limit.workingDays).toBe(30);
    expect(CLOCK_DEFINITIONS.appeal.workingDays).toBe(15);
    expect(CLOCK_DEFINITIONS.ratification.workingDays).toBe(3);
    expect(CLOCK_DEFINITIONS.inm_notice).toMatchObject({ hours: 72 });
    expect(CLOCK_DEFINITIONS.inm_notice.workingDays).toBeUndefined();
  });

  it('materialize a span that holds the 2017 and 2020 suspensions and decades ahead', () => {
    expect(MATERIALIZED_SPAN.fromYear).toBeLessThanOrEqual(2017);
    expect(MATERIALIZED_SPAN.toYear).toBeGreaterThanOrEqual(2045);
  });
});

describe('risk band', () => {
  const today = '2026-09-14';
  const left = (due: string) => workingDaysBetween(LFPA_ART_28, today, due);

  it('is due soon with 10 working days or fewer left, the due day included', () => {
    const tenth = addWorkingDays(LFPA_ART_28, today, DUE_SOON_WORKING_DAYS);
    const eleventh = addWorkingDays(LFPA_ART_28, today, DUE_SOON_WORKING_DAYS + 1);
    // 16 September is skipped: ten working days from Monday 14 September end on Tuesday 29.
    expect(tenth).toBe('2026-09-29');
    expect(riskBand(tenth, today, left(tenth))).toBe('due_soon');
    expect(riskBand(eleventh, today, left(eleventh))).toBe('on_track');
    expect(riskBand(today, today, 0)).toBe('due_soon');
  });

  it('is overdue only once the due date has passed', () => {
    expect(riskBand('2026-09-11', today, left('2026-09-11'))).toBe('overdue');
    expect(left('2026-09-11')).toBe(-1);
  });
});
