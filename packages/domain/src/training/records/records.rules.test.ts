import { describe, expect, it } from 'vitest';
import { addMonths, evaluateCompletion, grantExpiry, mergeIntervals, minutesAttended, type CompletionRule } from './records.rules.ts';

describe('mergeIntervals', () => {
  it('merges overlapping and touching intervals, drops empty ones, sorts', () => {
    expect(mergeIntervals([{ start: 60, end: 90 }, { start: 0, end: 30 }, { start: 30, end: 45 }, { start: 80, end: 120 }, { start: 50, end: 50 }]))
      .toEqual([{ start: 0, end: 45 }, { start: 60, end: 120 }]);
  });
});

describe('minutesAttended', () => {
  const day = { start: 9 * 60, end: 13 * 60 };
  it('counts a rejoin once and clips to the day', () => {
    // Waiting room from 8:50, dropped at 10:00, back 9:55–11:00 (overlap), then 12:30–13:20.
    const rows = [{ start: 8 * 60 + 50, end: 10 * 60 }, { start: 9 * 60 + 55, end: 11 * 60 }, { start: 12 * 60 + 30, end: 13 * 60 + 20 }];
    expect(minutesAttended(rows, day)).toBe(120 + 30);
  });
  it('gives 0 outside the day and for nobody', () => {
    expect(minutesAttended([{ start: 14 * 60, end: 15 * 60 }], day)).toBe(0);
    expect(minutesAttended([], day)).toBe(0);
  });
  it('rounds partial minutes down', () => {
    expect(minutesAttended([{ start: 9 * 60, end: 9 * 60 + 10.9 }], day)).toBe(10);
  });
});

const days = (a: number | null, b: number | null) => [
  { day: '2026-03-10', scheduledMinutes: 480, minutesAttended: a },
  { day: '2026-03-11', scheduledMinutes: 480, minutesAttended: b },
];

describe('evaluateCompletion', () => {
  const blended: CompletionRule = { online: true, attendance: true, attendancePct: 80, passMark: 70 };

  it('requires both parts of a blended module and the pass mark', () => {
    expect(evaluateCompletion(blended, { onlineCompletedOn: null, days: days(null, null), assessmentScore: null }))
      .toEqual({ complete: false, missing: ['online', 'attendance', 'assessment'], attendancePct: 0, completedOn: null });
    expect(evaluateCompletion(blended, { onlineCompletedOn: '2026-02-20', days: days(480, 200), assessmentScore: 90 }))
      .toMatchObject({ complete: false, missing: ['attendance'], attendancePct: 70 });
  });

  it('dates completion by the later of the last day attended and the online completion', () => {
    const status = evaluateCompletion(blended, { onlineCompletedOn: '2026-02-20', days: days(480, 400), assessmentScore: 70 });
    expect(status).toEqual({ complete: true, missing: [], attendancePct: 91, completedOn: '2026-03-11' });
    const lateOnline = evaluateCompletion(blended, { onlineCompletedOn: '2026-03-20', days: days(480, 400), assessmentScore: 70 });
    expect(lateOnline.completedOn).toBe('2026-03-20');
    const absentSecondDay = evaluateCompletion({ ...blended, attendancePct: 50 }, { onlineCompletedOn: '2026-02-20', days: days(480, 0), assessmentScore: 70 });
    expect(absentSecondDay.completedOn).toBe('2026-03-10');
  });

  it('fails a score under the pass mark and accepts one without assessment', () => {
    expect(evaluateCompletion(blended, { onlineCompletedOn: '2026-02-20', days: days(480, 480), assessmentScore: 69.5 }).missing).toEqual(['assessment']);
    const noExam = { ...blended, passMark: null };
    expect(evaluateCompletion(noExam, { onlineCompletedOn: '2026-02-20', days: days(480, 480), assessmentScore: null }).complete).toBe(true);
  });

  it('an online-only module needs no attendance; zero attendance never completes an attendance module', () => {
    const online: CompletionRule = { online: true, attendance: false, attendancePct: 0, passMark: null };
    expect(evaluateCompletion(online, { onlineCompletedOn: '2026-02-20', days: [], assessmentScore: null }))
      .toEqual({ complete: true, missing: [], attendancePct: null, completedOn: '2026-02-20' });
    const inPerson: CompletionRule = { online: false, attendance: true, attendancePct: 0, passMark: null };
    expect(evaluateCompletion(inPerson, { onlineCompletedOn: null, days: days(0, 0), assessmentScore: null }).missing).toEqual(['attendance']);
  });
});

describe('grant expiry', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2026-03-11', 36)).toBe('2029-03-11');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 2)).toBe('2028-02-15');
    expect(grantExpiry('2026-03-11', null)).toBeNull();
    expect(grantExpiry('2024-02-29', 12)).toBe('2025-02-28');
  });
});
