import { describe, expect, it } from 'vitest';
import { nonWorkingReason, validateCalendar, type Calendar } from './calendar.rules.ts';
import { civilToDayNumber, fromDayNumber, isoWeekday } from './civil-date.ts';
import {
  DEFAULT_CLAIM_CALENDAR_CODE,
  LFPA_ART_28,
  LFT_ART_74,
  MEXICO_CALENDARS,
  SAMPLE_COMAR_2024_HOLY_WEEK,
  SAMPLE_COVID_SUSPENSION_2020,
} from './mexico-calendars.ts';

/** Holidays (not weekends) of a year, as ISO dates. */
function holidays(calendar: Calendar, year: number): string[] {
  const out: string[] = [];
  for (let day = civilToDayNumber(year, 1, 1); day <= civilToDayNumber(year, 12, 31); day += 1) {
    const iso = fromDayNumber(day);
    if (nonWorkingReason(calendar, iso)?.kind === 'holiday') out.push(iso);
  }
  return out;
}

describe('Mexican calendars', () => {
  it('are valid data and LFPA art. 28 is the default for claims', () => {
    for (const calendar of MEXICO_CALENDARS) expect(validateCalendar(calendar)).toEqual([]);
    expect(DEFAULT_CLAIM_CALENDAR_CODE).toBe('LFPA_ART_28');
  });

  it('LFPA art. 28 keeps nominal dates', () => {
    expect(holidays(LFPA_ART_28, 2026)).toEqual([
      '2026-01-01',
      '2026-02-05',
      '2026-03-21',
      '2026-05-01',
      '2026-05-05',
      '2026-09-01',
      '2026-09-16',
      '2026-11-20',
      '2026-12-25',
    ]);
    expect(nonWorkingReason(LFPA_ART_28, '2026-11-16')).toBeNull();
    expect(nonWorkingReason(LFPA_ART_28, '2026-05-05')).toEqual({
      kind: 'holiday',
      ruleId: 'lfpa28.puebla',
      label: '5 de mayo',
      source: 'LFPA art. 28',
    });
  });

  it('LFPA art. 28 includes 1 December of transfer years', () => {
    expect(holidays(LFPA_ART_28, 2036)).toContain('2036-12-01');
    expect(isoWeekday('2036-12-01')).toBe(1);
    expect(holidays(LFPA_ART_28, 2018)).toContain('2018-12-01');
    expect(holidays(LFPA_ART_28, 2026)).not.toContain('2026-12-01');
  });

  it('LFT art. 74 moves three holidays to Mondays', () => {
    expect(holidays(LFT_ART_74, 2026)).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
  });

  it('LFT art. 74 moved the transfer of power from 1 December to 1 October in 2024', () => {
    expect(holidays(LFT_ART_74, 2024)).toContain('2024-10-01');
    expect(holidays(LFT_ART_74, 2024)).not.toContain('2024-12-01');
    expect(holidays(LFT_ART_74, 2018)).toContain('2018-12-01');
    expect(holidays(LFT_ART_74, 2018)).not.toContain('2018-10-01');
    expect(holidays(LFT_ART_74, 2030)).toContain('2030-10-01');
  });

  it('LFT art. 74 used nominal dates before the 2006 reform', () => {
    expect(holidays(LFT_ART_74, 2005)).toEqual(
      expect.arrayContaining(['2005-02-05', '2005-03-21', '2005-11-20']),
    );
    expect(holidays(LFT_ART_74, 2006)).toEqual(expect.arrayContaining(['2006-02-06', '2006-03-21', '2006-11-20']));
    expect(holidays(LFT_ART_74, 2007)).toContain('2007-03-19');
  });

  it('ships the sample authority declarations with citations', () => {
    expect(SAMPLE_COMAR_2024_HOLY_WEEK).toMatchObject({ kind: 'date_range', from: '2024-03-28', to: '2024-03-29' });
    expect(SAMPLE_COVID_SUSPENSION_2020).toMatchObject({
      kind: 'suspension',
      from: '2020-03-24',
      to: '2020-04-17',
      source: 'DOF 24/03/2020',
    });
  });
});
