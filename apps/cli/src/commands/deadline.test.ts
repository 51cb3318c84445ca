import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededTarget, type CliTarget } from '../testing/cli-harness.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await seededTarget();
});
afterAll(async () => {
  await target?.destroy();
});

describe('refugio deadline', () => {
  it('prints one "FROM DUE" line per --from on the default claim calendar (LFPA art. 28)', async () => {
    const result = await target.run(['deadline', '--working-days', '3', '--from', '2026-09-15', '--from', '2024-03-27', '--from', '2026-12-24']);
    expect(result.code, result.stderr).toBe(0);
    // 16 September skipped; Holy Week is not in the statutory list; 25 December and the weekend skipped.
    expect(result.stdout).toBe('2026-09-15 2026-09-21\n2024-03-27 2024-04-01\n2026-12-24 2026-12-30\n');
  });

  it('counts 45 working days with day 0 the event day, and 0 days returns the date itself', async () => {
    const result = await target.run(['deadline', '--working-days', '45', '--from', '2026-09-15']);
    expect(result.stdout).toBe('2026-09-15 2026-11-18\n');
    const zero = await target.run(['deadline', '--working-days', '0', '--from', '2026-09-19']);
    expect(zero.stdout).toBe('2026-09-19 2026-09-19\n');
  });

  it('takes --calendar as a code or an id; LFT art. 74 moves 16 November 2026 (third Monday) instead of 20 November', async () => {
    const lfpa = await target.run(['deadline', '--working-days', '1', '--from', '2026-11-13', '--from', '2026-11-19']);
    expect(lfpa.stdout).toBe('2026-11-13 2026-11-16\n2026-11-19 2026-11-23\n');
    const lft = await target.run(['deadline', '--working-days', '1', '--from', '2026-11-13', '--from', '2026-11-19', '--calendar', 'LFT_ART_74']);
    expect(lft.stdout).toBe('2026-11-13 2026-11-17\n2026-11-19 2026-11-20\n');
    const id = await target.withDb(async (db) => (await db.query<{ id: string }>(`SELECT id FROM calendars WHERE code = 'LFT_ART_74'`)).rows[0]!.id);
    const byId = await target.run(['deadline', '--working-days', '1', '--from', '2026-11-13', '--calendar', id]);
    expect(byId.stdout).toBe('2026-11-13 2026-11-17\n');
  });

  it('--explain lists the skipped days under each line with reason and source', async () => {
    const result = await target.run(['deadline', '--working-days', '3', '--from', '2026-09-15', '--explain']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe([
      '2026-09-15 2026-09-21',
      '  2026-09-16 holiday: 16 de septiembre (LFPA art. 28)',
      '  2026-09-19 weekend (LFPA art. 28)',
      '  2026-09-20 weekend (LFPA art. 28)',
      '',
    ].join('\n'));
  });

  it('counts outside the materialized span with the same rules', async () => {
    const result = await target.run(['deadline', '--working-days', '1', '--from', '1999-12-31', '--from', '2060-09-15']);
    expect(result.stdout).toBe('1999-12-31 2000-01-03\n2060-09-15 2060-09-17\n');
  });

  it('--json prints one document', async () => {
    const result = await target.run(['deadline', '--working-days', '3', '--from', '2026-09-15', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ calendar: 'LFPA_ART_28', workingDays: 3, results: [{ from: '2026-09-15', due: '2026-09-21' }] });
  });

  it.each([
    [['deadline', '--from', '2026-09-15'], /--working-days is required/],
    [['deadline', '--working-days', '3'], /--from is required/],
    [['deadline', '--working-days', 'three', '--from', '2026-09-15'], /--working-days must be a whole number/],
    [['deadline', '--working-days', '-2', '--from', '2026-09-15'], /working-days/],
    [['deadline', '--working-days', '3', '--from', '2026-02-30'], /--from must be a date YYYY-MM-DD, got "2026-02-30"/],
    [['deadline', '--working-days', '3', '--from', '15/09/2026'], /--from must be a date/],
  ])('refuses %j with exit 2', async (argv, message) => {
    const result = await target.run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unknown calendar with exit 1', async () => {
    const result = await target.run(['deadline', '--working-days', '3', '--from', '2026-09-15', '--calendar', 'NOPE']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No calendar with code or id "NOPE"/);
  });
});
