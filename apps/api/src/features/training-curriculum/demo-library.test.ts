import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TGuide, TTrainer } from '@refugio/domain';
import { seedDemoTrainingLibrary, seedDemoTrainingRecords } from '@refugio/domain/server';
import { call, createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The order of the start-up seed: the records' demo session reuses the roster's trainer.
  await seedDemoTrainingLibrary(t.db);
  await seedDemoTrainingRecords(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo guides library and trainer roster', () => {
  it('gives the officer guides to read for Interviewing children and the coordinator certified trainers', async () => {
    const officer = await loginAs(t.app, 'elegibilidad');
    const guides = (await call(t.app, 'GET', '/api/training/guides', { session: officer })).json<TGuide[]>();
    expect(guides.filter((g) => g.modules.some((m) => m.code === 'ITC')).map((g) => g.code)).toEqual(['euaa-personal-interview', 'unhcr-child-asylum-claims']);
    const coordinator = await loginAs(t.app, 'capacitacion');
    const trainers = (await call(t.app, 'GET', '/api/training/trainers', { session: coordinator })).json<TTrainer[]>();
    expect(trainers.map((tr) => [tr.fullName, tr.certifications.map((c) => c.moduleCode)])).toEqual([
      ['Carlos Formador Vega', ['IT', 'ITC']],
      ['Elena Marković', ['EA', 'IT', 'ITC', 'TTT']],
    ]);
  });
});
