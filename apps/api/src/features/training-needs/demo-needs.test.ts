import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCampaign, TTrainingPlan } from '@refugio/domain';
import { DEMO_CAMPAIGN_ID, seedDemoIntake, seedDemoNeedsAssessment } from '@refugio/domain/server';
import { call, createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIntake(t.db);
  await seedDemoNeedsAssessment(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo needs assessment', () => {
  it('is open with two answers, and its plan draws on the demo caseload at Tapachula', async () => {
    const coordinator = await loginAs(t.app, 'capacitacion');
    const campaign = (await call(t.app, 'GET', `/api/training/campaigns/${DEMO_CAMPAIGN_ID}`, { session: coordinator })).json<TCampaign>();
    expect(campaign).toMatchObject({ status: 'open', staffCount: 4, responseCount: 2 });
    const plan = (await call(t.app, 'GET', `/api/training/campaigns/${DEMO_CAMPAIGN_ID}/plan`, { session: coordinator })).json<TTrainingPlan>();
    expect(plan.basis.responded).toBe(2);
    const tapachula = plan.basis.offices.find((o) => o.officeName === 'COMAR Tapachula')!;
    expect(tapachula.claims).toBeGreaterThan(0);
    expect(plan.items.find((i) => i.fullName === 'Marta Supervisora Gómez' && i.moduleCode === 'DDM'))
      .toMatchObject({ format: 'blended', preferred: false, step: 1, reasons: [{ code: 'role_required' }] });
    // The eligibility officer is asked in her own questionnaire.
    const officer = await loginAs(t.app, 'elegibilidad');
    const mine = (await call(t.app, 'GET', '/api/training/me/campaigns', { session: officer })).json<Array<{ campaign: { id: string } }>>();
    expect(mine.map((m) => m.campaign.id)).toEqual([DEMO_CAMPAIGN_ID]);
  });
});
