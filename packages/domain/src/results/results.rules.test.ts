import { describe, expect, it } from 'vitest';
import { ageBand, parsePeriod, percentileDays, recognitionRate, suppressCount, suppressRate, totalProtectionRate, trailingMonths } from './results.rules.ts';

describe('results rules', () => {
  it('reads a year, a quarter and a month, and nothing else', () => {
    expect(parsePeriod('2025')).toEqual({ kind: 'year', from: '2025-01-01', toMonth: '2025-12-01', until: '2026-01-01', label: '2025' });
    expect(parsePeriod('2025-Q4')).toEqual({ kind: 'quarter', from: '2025-10-01', toMonth: '2025-12-01', until: '2026-01-01', label: '2025-Q4' });
    expect(parsePeriod('2025-02')).toMatchObject({ from: '2025-02-01', toMonth: '2025-02-01', until: '2025-03-01' });
    for (const bad of ['2025-13', '2025-Q5', '25', '2025-1', '']) expect(parsePeriod(bad)).toBeNull();
    expect(trailingMonths('2025-03-01', 4)).toEqual(['2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01']);
  });

  it('computes UNHCR rates without the otherwise closed, and none without decisions', () => {
    expect(recognitionRate({ recognised: 3, complementary: 1, rejected: 2 })).toBe(50);
    expect(totalProtectionRate({ recognised: 3, complementary: 1, rejected: 2 })).toBe(66.7);
    expect(recognitionRate({ recognised: 0, complementary: 0, rejected: 0 })).toBeNull();
  });

  it('takes nearest-rank percentiles from a histogram of working days', () => {
    const bins = [{ days: 66, n: 1 }, { days: 41, n: 1 }, { days: 45, n: 1 }, { days: 46, n: 1 }];
    expect(percentileDays(bins, 50)).toBe(45);
    expect(percentileDays(bins, 90)).toBe(66);
    expect(percentileDays([{ days: 10, n: 9 }, { days: 80, n: 1 }], 90)).toBe(10);
    expect(percentileDays([], 50)).toBeNull();
  });

  it('suppresses counts from 1 to threshold − 1 and rates on too few decisions', () => {
    expect([0, 1, 4, 5].map((n) => suppressCount(n, 5))).toEqual([0, '<5', '<5', 5]);
    expect(suppressRate(50, 4, 5)).toBe('<5');
    expect(suppressRate(50, 6, 5)).toBe(50);
    expect(suppressRate(null, 0, 5)).toBeNull();
  });

  it('bands working days around the 45-day term and its extension', () => {
    expect([0, 15, 16, 45, 46, 90, 91].map(ageBand)).toEqual(['0-15', '0-15', '16-30', '31-45', '46-90', '46-90', '91+']);
  });
});
