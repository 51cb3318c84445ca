import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIntake } from '@refugio/domain/server';
import { call, createTestApp, loginAs, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIntake(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('demo intake data', () => {
  it('gives each role something to open: the queue, "my claims" and the referral inbox', async () => {
    const supervisor = await loginAs(t.app, 'supervisor');
    const queue = (await call(t.app, 'GET', '/api/claims', { session: supervisor })).json<{ items: Array<{ status: string; decisionDueOn: string | null }> }>();
    expect(queue.items.map((c) => c.status).toSorted()).toEqual(['admitted', 'late_filing_review', 'registered']);
    expect(queue.items.every((c) => c.decisionDueOn !== null)).toBe(true);
    const officer = await loginAs(t.app, 'elegibilidad');
    expect((await call(t.app, 'GET', '/api/claims?mine=true', { session: officer })).json<{ items: unknown[] }>().items).toHaveLength(1);
    const registro = await loginAs(t.app, 'registro');
    const inbox = (await call(t.app, 'GET', '/api/referrals?box=inbox&status=pending', { session: registro })).json<{ items: Array<{ noticeState: string }> }>();
    expect(inbox.items.map((r) => r.noticeState).toSorted()).toEqual(['pending', 'pending']);
  });
});
