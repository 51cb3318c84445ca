// Training impact before and after (ADR 045): a small data set whose figures were computed by hand —
// two trained officers, two untrained, one left out (trained otherwise), decisions before, during and
// after the action — matches the API exactly; scope, suppression (ADR 046), exports and bad input.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';
import { addDecision, addOfficer, officeId, trainedIn, type HistoricDecision } from './decision-history.testing.ts';

let t: TestApp;
let coordinator: TestSession;
let moduleId: string;
let sessionId: string;
const action = 'from=2026-03-01&to=2026-03-31&months=2';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  moduleId = (await t.db.query<{ id: string }>(`SELECT id FROM training_modules WHERE code = 'ITC'`)).rows[0]!.id;
  const tap = await officeId(t.db, 'COMAR-TAP');
  const [t1, t2, u1, u2, x1] = await Promise.all(['t1', 't2', 'u1', 'u2', 'x1'].map((name) => addOfficer(t.db, `impacto.${name}`, 'COMAR-TAP')));
  sessionId = await trainedIn(t.db, 'ITC', 'ITC-2026-03', '2026-03-02', [t1!, t2!]);
  // Trained outside the action (an external certificate): in neither group.
  await t.db.query(`INSERT INTO competency_grants (user_id, competency_code, source, granted_on) VALUES ($1, 'interviewing_children', 'external_certificate', '2025-06-01')`, [x1]);
  // Before window 2026-01-01..2026-02-28 (clocks started 2025-11-17); after window 2026-04-01..2026-05-31 (started 2026-03-02).
  const before = '2025-11-17';
  const after = '2026-03-02';
  const history: HistoricDecision[] = [
    { officer: t1!, officeId: tap, start: before, workingDays: 50, reviewRounds: 2, appeal: 'revoked', guarantees: ['pending', 'met'] },
    { officer: t1!, officeId: tap, start: before, workingDays: 46 },
    { officer: t2!, officeId: tap, start: before, workingDays: 44, reviewRounds: 3, guarantees: ['met', 'not_applicable'] },
    { officer: t1!, officeId: tap, start: after, workingDays: 40, appeal: 'confirmed', guarantees: ['met'] },
    { officer: t1!, officeId: tap, start: after, workingDays: 38, guarantees: ['met_late'] },
    { officer: t2!, officeId: tap, start: after, workingDays: 42 },
    { officer: u1!, officeId: tap, start: before, workingDays: 45, appeal: 'confirmed', guarantees: ['met'] },
    { officer: u1!, officeId: tap, start: before, workingDays: 47, reviewRounds: 2 },
    { officer: u2!, officeId: tap, start: before, workingDays: 43 },
    { officer: u1!, officeId: tap, start: after, workingDays: 46, reviewRounds: 2, appeal: 'lodged' },
    { officer: u1!, officeId: tap, start: after, workingDays: 44 },
    { officer: u2!, officeId: tap, start: after, workingDays: 41, appeal: 'revoked', guarantees: ['pending'] },
    // Left out: the officer trained otherwise; a closure recorded as abandoned; a decision signed
    // during the action; one signed before the before window.
    { officer: x1!, officeId: tap, start: before, workingDays: 30 },
    { officer: x1!, officeId: tap, start: after, workingDays: 30 },
    { officer: u2!, officeId: tap, start: after, workingDays: 44, outcome: 'abandoned' },
    { officer: t2!, officeId: tap, start: '2026-02-16', workingDays: 15 },
    { officer: u2!, officeId: tap, start: '2025-10-01', workingDays: 30 },
  ];
  const signed = [];
  for (const d of history) signed.push(await addDecision(t.db, d));
  // The fixture's dates fall where the comment says (the calendar decides the exact days).
  for (const day of signed.slice(0, 3).concat(signed.slice(6, 9))) expect(day >= '2026-01-01' && day <= '2026-02-28', day).toBe(true);
  for (const day of signed.slice(3, 6).concat(signed.slice(9, 12))) expect(day >= '2026-04-01' && day <= '2026-05-31', day).toBe(true);
  expect(signed[15]! >= '2026-03-01' && signed[15]! <= '2026-03-31', signed[15]).toBe(true);
  expect(signed[16]! < '2026-01-01', signed[16]).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

type Impact = {
  officers: { trained: number | null; untrained: number | null };
  windows: unknown;
  suppressed: boolean;
  metrics: Array<{ metric: string; estimate: number | null; standardError: number | null; low: number | null; high: number | null; verdict: string;
    cells: Record<string, { n: number | null; officers: number | null; mean: number | null }> }>;
};
const impact = async (session: TestSession | null = coordinator, query = `moduleId=${moduleId}&${action}`) => call(t.app, 'GET', `/api/training/impact?${query}`, { session });
const metric = (body: Impact, name: string) => body.metrics.find((m) => m.metric === name)!;

describe('training impact', () => {
  it('matches the hand-computed difference in differences, cells and clustered interval', async () => {
    const res = await impact();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Impact>();
    expect(body.windows).toEqual({ before: { from: '2026-01-01', to: '2026-02-28' }, after: { from: '2026-04-01', to: '2026-05-31' } });
    expect(body.officers).toEqual({ trained: 2, untrained: 2 });
    expect(body.suppressed).toBe(false);

    // Working days: trained 140/3 → 120/3, untrained 135/3 → 131/3; (40 − 46.67) − (43.67 − 45) = −5.33.
    const days = metric(body, 'working_days');
    expect(days.cells).toEqual({
      trained_before: { n: 3, officers: 2, mean: expect.closeTo(140 / 3, 9) }, trained_after: { n: 3, officers: 2, mean: 40 },
      untrained_before: { n: 3, officers: 2, mean: 45 }, untrained_after: { n: 3, officers: 2, mean: expect.closeTo(131 / 3, 9) },
    });
    expect(days.estimate).toBeCloseTo(-16 / 3, 9);
    // Officers' influences −14/9, 14/9, −2/9, 2/9: variance 4/3 × 400/81 = 1600/243.
    expect(days.standardError).toBeCloseTo(Math.sqrt(1600 / 243), 9);
    expect(days.low).toBeCloseTo(-16 / 3 - 1.959963984540054 * Math.sqrt(1600 / 243), 9);
    expect(days.verdict).toBe('too_few');

    // Within 45 working days: 1/3 → 3/3 against 2/3 → 2/3.
    expect(metric(body, 'within_deadline').estimate).toBeCloseTo(2 / 3, 9);
    // Returned at review: 2/3 → 0 against 1/3 → 1/3.
    expect(metric(body, 'returned_at_review').estimate).toBeCloseTo(-2 / 3, 9);
    // Revoked among resolved appeals (the lodged one is not counted): 1/1 → 0/1 against 0/1 → 1/1.
    const revoked = metric(body, 'revoked_on_appeal');
    expect(Object.values(revoked.cells).map((c) => c.n)).toEqual([1, 1, 1, 1]);
    expect(revoked.estimate).toBe(-2);
    // Guarantees met by the signature (not-applicable ignored; met after it counts as unmet): 1/2 → 1/2 against 1/1 → 0/1.
    const guarantees = metric(body, 'guarantees_met');
    expect(guarantees.cells.trained_before).toEqual({ n: 2, officers: 2, mean: 0.5 });
    expect(guarantees.cells.trained_after).toEqual({ n: 2, officers: 1, mean: 0.5 });
    expect(guarantees.estimate).toBe(1);
  });

  it('narrows to the reader\'s offices: a supervisor elsewhere sees no decisions', async () => {
    await t.db.query(`UPDATE user_offices SET office_id = (SELECT id FROM offices WHERE code = 'COMAR-PAL') WHERE user_id = (SELECT id FROM users WHERE username = 'supervisor')`);
    const supervisor = await loginAs(t.app, 'supervisor');
    const body = (await impact(supervisor)).json<Impact>();
    expect(metric(body, 'working_days').cells.trained_before).toEqual({ n: 0, officers: 0, mean: null });
    expect(metric(body, 'working_days').verdict).toBe('too_few');
    await t.db.query(`UPDATE user_offices SET office_id = (SELECT id FROM offices WHERE code = 'COMAR-TAP') WHERE user_id = (SELECT id FROM users WHERE username = 'supervisor')`);
  });

  it('suppresses counts under 5 for the observer and in every export', async () => {
    const observer = await loginAs(t.app, 'acnur');
    const body = (await impact(observer)).json<Impact>();
    expect(body.suppressed).toBe(true);
    expect(body.officers).toEqual({ trained: null, untrained: null });
    expect(metric(body, 'working_days').cells.trained_before).toEqual({ n: null, officers: null, mean: null });
    expect(metric(body, 'working_days').estimate).toBeCloseTo(-16 / 3, 9);

    const csv = await impact(coordinator, `moduleId=${moduleId}&${action}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="refugio-impacto-ITC-2026-03-01-2026-03-31.csv"');
    expect(csv.body).toContain('Días hábiles hasta la resolución,,<5,,<5,,<5,,<5,-5.3,');
    expect(csv.body).toContain('Muy pocos datos para saberlo');
    const xlsx = await impact(coordinator, `moduleId=${moduleId}&${action}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('Días hábiles hasta la resolución');
  });

  it('offers each session that trained someone as an action', async () => {
    const res = await call(t.app, 'GET', '/api/training/impact/actions', { session: coordinator });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([{ sessionId, sessionCode: 'ITC-2026-03', moduleId, moduleCode: 'ITC', moduleTitle: 'Entrevista a niñas, niños y adolescentes',
      from: '2026-03-02', to: '2026-03-02', trained: 2 }]);
  });

  it('refuses bad input with localized field errors, an unknown module with 404, and readers without a report permission', async () => {
    const bad = await impact(coordinator, `moduleId=nope&from=2026-03-31&to=2026-03-01&months=99`);
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(bad).map((e) => e.field).toSorted()).toEqual(['querystring:moduleId', 'querystring:months', 'querystring:to']);
    const reversed = await impact(coordinator, `moduleId=${moduleId}&from=2026-03-31&to=2026-03-01`);
    expect(fieldErrors(reversed)).toEqual([{ field: 'querystring:to', code: 'validation.range_reversed' }]);
    expectProblem(await impact(coordinator, `moduleId=00000000-0000-4000-8000-000000000000&${action}`), 404, 'NOT_FOUND');
    expectProblem(await impact(await loginAs(t.app, 'elegibilidad')), 403, 'FORBIDDEN');
    expectProblem(await impact(null), 401, 'UNAUTHENTICATED');
  });
});
