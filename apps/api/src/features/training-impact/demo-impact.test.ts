// The demo data give the coordinator's impact and evaluation pages something to say on first start (ADR 049).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoImpact } from '@refugio/domain/server';
import { call, createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let evaluationId: string;
beforeAll(async () => {
  t = await createTestApp();
  evaluationId = await seedDemoImpact(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo impact data', () => {
  it('shows the trained officers of "Entrevista a niñas, niños y adolescentes" deciding faster, with enough decisions to tell', async () => {
    const coordinator = await loginAs(t.app, 'capacitacion');
    const actions = (await call(t.app, 'GET', '/api/training/impact/actions', { session: coordinator })).json<Array<{ sessionCode: string; moduleId: string; from: string; to: string; trained: number }>>();
    const itc = actions.find((a) => a.sessionCode.startsWith('ITC-MIEUX-'))!;
    expect(itc.trained).toBe(8);
    const res = await call(t.app, 'GET', `/api/training/impact?moduleId=${itc.moduleId}&from=${itc.from}&to=${itc.to}`, { session: coordinator });
    expect(res.statusCode, res.body).toBe(200);
    const impact = res.json<{ officers: { trained: number; untrained: number }; metrics: Array<{ metric: string; verdict: string; estimate: number; cells: Record<string, { n: number }> }> }>();
    expect(impact.officers).toEqual({ trained: 8, untrained: 8 });
    const days = impact.metrics.find((m) => m.metric === 'working_days')!;
    expect(Math.min(...Object.values(days.cells).map((c) => c.n))).toBeGreaterThanOrEqual(20);
    expect(days.estimate).toBeLessThan(-3);
    expect(days.verdict).toBe('improved');
  });

  it('records the evaluated action with its sessions, participants and evidence', async () => {
    const coordinator = await loginAs(t.app, 'capacitacion');
    const e = (await call(t.app, 'GET', `/api/evaluations/${evaluationId}`, { session: coordinator })).json<{
      activities: unknown[]; participants: Array<{ institution: string }>; criteria: Array<{ criterion: string; rating: string; fromData: string[] | null }> }>();
    expect(e.activities).toHaveLength(2);
    expect(e.participants.map((p) => p.institution)).toEqual(['Comisión Mexicana de Ayuda a Refugiados', 'Instituto Nacional de Migración']);
    expect(e.criteria.every((c) => c.rating !== 'not_assessed')).toBe(true);
    expect(e.criteria.find((c) => c.criterion === 'replicability')!.fromData![0]).toBe('1 formadores nacionales formados en la acción; impartieron después 1 sesiones que concluyeron 3 personas.');
    const pdf = await call(t.app, 'GET', `/api/evaluations/${evaluationId}/report?language=fr`, { session: coordinator });
    expect(pdf.statusCode).toBe(200);
  });
});
