import { describe, expect, it } from 'vitest';
import { checkLmsCompletionCsv, checkVideoconferenceCsv, parseWallClock, type ImportRoster } from './csv-import.rules.ts';

const roster: ImportRoster = {
  participants: [
    { enrolmentId: 'e-ana', email: 'ana@demo.mx', username: 'ana', fullName: 'Ana Torres' },
    { enrolmentId: 'e-luis', email: 'luis@demo.mx', username: 'luis', fullName: 'Luis Pérez' },
  ],
  others: [{ email: 'eva@demo.mx', username: 'eva', fullName: 'Eva Ruiz' }],
  skip: new Set(['formador@demo.mx']),
};

describe('parseWallClock', () => {
  it('reads ISO, US with AM/PM (month first) and Mexican day-first forms', () => {
    expect(parseWallClock('2026-03-15 09:01:30')).toEqual({ date: '2026-03-15', minutes: 541.5 });
    expect(parseWallClock('03/15/2026 01:05:00 PM')).toEqual({ date: '2026-03-15', minutes: 785 });
    expect(parseWallClock('3/15/26, 12:10 AM')).toEqual({ date: '2026-03-15', minutes: 10 });
    expect(parseWallClock('15/03/2026 13:05')).toEqual({ date: '2026-03-15', minutes: 785 });
    expect(parseWallClock('15/03/26')).toEqual({ date: '2026-03-15', minutes: 0 });
  });
  it('refuses impossible dates and times', () => {
    for (const bad of ['2026-02-30 10:00', '31/31/2026', '13:00 2026-03-15', '03/15/2026 13:00 PM', 'ayer', '2026-03-15 24:00']) {
      expect(parseWallClock(bad), bad).toBeNull();
    }
  });
});

describe('checkLmsCompletionCsv (Moodle course completion export)', () => {
  const header = 'ID,Name,Email address,Quiz 1,Quiz 1 - Completion date,Course complete\n';
  it('reads completion dates and skips participants not yet complete', () => {
    const csv = `${header}7,Ana Torres,ANA@demo.mx,Completed,"10/03/26, 09:00","12/03/26, 18:30"\n8,Luis Pérez,luis@demo.mx,Not completed,,\n`;
    expect(checkLmsCompletionCsv(csv, roster, '2026-04-01'))
      .toEqual({ ok: true, rows: [{ line: 2, enrolmentId: 'e-ana', completedOn: '2026-03-12', score: null }], unmatched: [], ignoredLines: 0 });
  });
  it('reports every bad line with its number; strangers are listed for review, not refused', () => {
    const csv = `${header}1,Ana,ana@demo.mx,,,2026-03-12\n2,X,nadie@demo.mx,,,2026-03-12\n3,Eva,eva@demo.mx,,,2026-03-12\n`
      + `4,Ana,ana@demo.mx,,,2026-03-12\n5,Luis,luis@demo.mx,,,2026-13-40\n6,Luis,formador@demo.mx,,,2026-03-12\n`;
    const result = checkLmsCompletionCsv(csv, roster, '2026-04-01');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.line, e.code])).toEqual([[5, 'duplicate'], [6, 'bad_date']]);
    const clean = checkLmsCompletionCsv(`${header}1,Ana,ana@demo.mx,,,2026-03-12\n2,X,nadie@demo.mx,,,2026-03-12\n3,Eva,eva@demo.mx,,,2026-03-12\n`, roster, '2026-04-01');
    expect(clean.ok && clean.unmatched.map((u) => [u.key, u.lines, u.reason, u.completedOn])).toEqual([
      ['email:nadie@demo.mx', [3], 'unknown', '2026-03-12'], ['email:eva@demo.mx', [4], 'not_enrolled', '2026-03-12'],
    ]);
  });
  it('names a missing column on line 1 and refuses future dates', () => {
    const noDate = checkLmsCompletionCsv('Name,Email address\nAna,ana@demo.mx\n', roster, '2026-04-01');
    expect(!noDate.ok && noDate.errors).toEqual([{ line: 1, field: 'completed', code: 'missing_column', params: { column: 'Course complete' } }]);
    const future = checkLmsCompletionCsv(`${header}1,Ana,ana@demo.mx,,,2026-05-01\n`, roster, '2026-04-01');
    expect(!future.ok && future.errors[0]?.code).toBe('date_in_future');
  });
  it('reports a broken quote as malformed at its line', () => {
    const broken = checkLmsCompletionCsv(`${header}1,"Ana,ana@demo.mx,,,2026-03-12\n`, roster, '2026-04-01');
    expect(!broken.ok && broken.errors[0]?.code).toBe('malformed_csv');
  });
});

describe('checkVideoconferenceCsv (Zoom participants report)', () => {
  const days = [{ id: 'd1', day: '2026-03-10', start: 9 * 60, end: 13 * 60 }, { id: 'd2', day: '2026-03-11', start: 9 * 60, end: 13 * 60 }];
  const header = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n';
  it('merges rejoins, clips to the day and marks the absent with 0 for the days the file covers', () => {
    const csv = `${header}Ana Torres,ana@demo.mx,03/10/2026 08:50:00 AM,03/10/2026 10:00:00 AM,70,No\n`
      + `Ana Torres,ana@demo.mx,03/10/2026 09:55:00 AM,03/10/2026 01:30:00 PM,215,No\n`
      + `Carlos (host),formador@demo.mx,03/10/2026 08:30:00 AM,03/10/2026 01:30:00 PM,300,No\n`;
    expect(checkVideoconferenceCsv(csv, roster, days)).toEqual({ ok: true, rows: [
      { enrolmentId: 'e-ana', sessionDayId: 'd1', minutes: 240 },
      { enrolmentId: 'e-luis', sessionDayId: 'd1', minutes: 0 },
    ], unmatched: [], ignoredLines: 0 });
  });
  it('matches a guest without email by unique full name', () => {
    const csv = `${header}luis pérez,,2026-03-11 09:00,2026-03-11 10:00,60,Yes\n`;
    const result = checkVideoconferenceCsv(csv, roster, days);
    expect(result.ok && result.rows.find((r) => r.enrolmentId === 'e-luis')).toEqual({ enrolmentId: 'e-luis', sessionDayId: 'd2', minutes: 60 });
  });
  it('reports leave before join, bad times and other days, each with its line; a stranger is not an error', () => {
    const csv = `${header}Ana,ana@demo.mx,2026-03-10 11:00,2026-03-10 10:00,0,No\nAna,ana@demo.mx,ayer,2026-03-10 10:00,0,No\n`
      + `Ana,ana@demo.mx,2026-03-12 09:00,2026-03-12 10:00,60,No\nZed,zed@x.mx,2026-03-10 09:00,2026-03-10 10:00,60,No\n`;
    const result = checkVideoconferenceCsv(csv, roster, days);
    expect(!result.ok && result.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'leave', 'leave_before_join'], [3, 'join', 'bad_datetime'], [4, 'join', 'not_session_day'],
    ]);
  });
});
