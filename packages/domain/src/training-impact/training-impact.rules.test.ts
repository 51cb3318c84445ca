import { describe, expect, it } from 'vitest';
import { differenceInDifferences, impactWindows, type OfficerCell } from './training-impact.rules.ts';

/** `officers` officers per group, each with `n` decisions per period whose values sum to the given mean × n. */
function cells(officers: number, n: number, means: { tb: number; ta: number; ub: number; ua: number }, jitter = 0): OfficerCell[] {
  const rows: OfficerCell[] = [];
  for (let i = 0; i < officers; i++) {
    const wobble = (i % 2 === 0 ? 1 : -1) * jitter;
    rows.push({ officer: `t${i}`, group: 'trained', period: 'before', n, sum: (means.tb + wobble) * n });
    rows.push({ officer: `t${i}`, group: 'trained', period: 'after', n, sum: (means.ta - wobble) * n });
    rows.push({ officer: `u${i}`, group: 'untrained', period: 'before', n, sum: (means.ub + wobble) * n });
    rows.push({ officer: `u${i}`, group: 'untrained', period: 'after', n, sum: (means.ua - wobble) * n });
  }
  return rows;
}

describe('difference in differences', () => {
  it('reads fewer working days among the trained as an improvement when the interval excludes zero', () => {
    const result = differenceInDifferences('working_days', cells(6, 10, { tb: 46, ta: 38, ub: 45, ua: 44 }, 1));
    expect(result.estimate).toBeCloseTo(-7, 9);
    expect(result.high!).toBeLessThan(0);
    expect(result.verdict).toBe('improved');
  });

  it('reads a lower share within the deadline as a worsening', () => {
    const result = differenceInDifferences('within_deadline', cells(6, 10, { tb: 0.8, ta: 0.5, ub: 0.8, ua: 0.8 }, 0.05));
    expect(result.verdict).toBe('worsened');
  });

  it('says no clear difference when the interval spans zero', () => {
    const result = differenceInDifferences('working_days', cells(6, 10, { tb: 45, ta: 44.5, ub: 45, ua: 45 }, 5));
    expect(result.low!).toBeLessThan(0);
    expect(result.high!).toBeGreaterThan(0);
    expect(result.verdict).toBe('no_clear_difference');
  });

  it('says too few to tell under 20 decisions in a cell or 3 officers in a group, and has no estimate with an empty cell', () => {
    expect(differenceInDifferences('working_days', cells(6, 3, { tb: 46, ta: 30, ub: 45, ua: 45 }, 1)).verdict).toBe('too_few');
    expect(differenceInDifferences('working_days', cells(2, 30, { tb: 46, ta: 30, ub: 45, ua: 45 }, 1)).verdict).toBe('too_few');
    const empty = differenceInDifferences('working_days', cells(6, 10, { tb: 46, ta: 30, ub: 45, ua: 45 }).filter((r) => r.group === 'trained' || r.period === 'before'));
    expect(empty).toMatchObject({ estimate: null, low: null, high: null, verdict: 'too_few' });
    expect(empty.cells.untrained_after).toEqual({ n: 0, officers: 0, mean: null });
  });
});

describe('impact windows', () => {
  it('takes whole months before the first day and after the last, clamped to the month\'s end', () => {
    expect(impactWindows('2026-03-31', '2026-05-31', 1)).toEqual({
      before: { from: '2026-02-28', to: '2026-03-30' }, after: { from: '2026-06-01', to: '2026-06-30' },
    });
    expect(impactWindows('2025-03-10', '2025-03-11', 12)).toEqual({
      before: { from: '2024-03-10', to: '2025-03-09' }, after: { from: '2025-03-12', to: '2026-03-11' },
    });
  });
});
