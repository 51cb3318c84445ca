/**
 * Sign-in under attack (ADR 021): parallel guesses, one address trying to keep a person out,
 * unknown versus real accounts, a spray over many accounts, several API processes sharing the
 * limits. Each test uses its own usernames and addresses so that their counts do not mix.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSettings } from '@refugio/domain/server';
import { buildApp } from '../../app.ts';
import {
  TEST_PASSWORD, auditEvents, call, createTestApp, expectProblem, testConfig, userIdOf, type TestApp,
} from '../../testing/test-app.ts';
import type { App } from '../../types.ts';

let t: TestApp;
const apps: App[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.close();
});

/** Another API process on the same database, with its own settings. */
async function instance(auth: Partial<AuthSettings> = {}): Promise<App> {
  const config = testConfig();
  const app = await buildApp({ db: t.db, config: { ...config, auth: { ...config.auth, ...auth } }, logger: false });
  apps.push(app);
  return app;
}

const signIn = (app: App, username: string, password: string, remoteAddress: string) =>
  call(app, 'POST', '/api/auth/login', { body: { username, password }, remoteAddress });

/** What a caller can compare between two answers: status, code, title, detail and the cookie. */
function visible(res: LightMyRequestResponse) {
  const body = res.json<Record<string, unknown>>();
  return { status: res.statusCode, code: body.code, title: body.title, detail: body.detail, cookie: res.headers['set-cookie'] ?? null };
}

describe('parallel guesses', () => {
  it('20 wrong passwords at once: only 5 reach the check, the rest are held; the right password right after is refused', async () => {
    const address = '203.0.113.10';
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(t.app, 'supervisor', `wrong guess ${i}`, address)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(16);
    for (const res of answers.filter((r) => r.statusCode === 423)) expectProblem(res, 423, 'ACCOUNT_LOCKED');

    expectProblem(await signIn(t.app, 'supervisor', TEST_PASSWORD, address), 423, 'ACCOUNT_LOCKED');

    // Every refusal left an event: 5 checked passwords and 16 held attempts (the last one included).
    const userId = await userIdOf(t.db, 'supervisor');
    const refusals = (await auditEvents(t.db, 'auth.login_failed')).filter((e) => e.entity_id === userId);
    expect(refusals.map((e) => e.details.reason).toSorted()).toEqual([
      ...Array<string>(16).fill('held'), ...Array<string>(5).fill('wrong_password'),
    ]);
    expect(refusals.every((e) => e.details.address === address)).toBe(true);
    expect((await auditEvents(t.db, 'auth.locked')).filter((e) => e.entity_id === userId)).toHaveLength(1);
  });

  it('one address cannot keep the account locked against another address', async () => {
    // supervisor is held off from 203.0.113.10 (previous test); from the office it signs in.
    const res = await signIn(t.app, 'supervisor', TEST_PASSWORD, '198.51.100.20');
    expect(res.statusCode, res.body).toBe(200);
    // And that success does not lift the hold on the attacker's address.
    expectProblem(await signIn(t.app, 'supervisor', TEST_PASSWORD, '203.0.113.10'), 423, 'ACCOUNT_LOCKED');
  });

  it('each new hold of the same address lasts twice as long', async () => {
    const address = '203.0.113.11';
    const holdOnce = async () => {
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 5; i++) last = await signIn(t.app, 'acnur', `nope ${i}`, address);
      return expectProblem(last!, 423, 'ACCOUNT_LOCKED');
    };
    expect((await holdOnce()).detail).toMatch(/\b15\b/);
    await t.db.query(`UPDATE login_throttles SET held_until = now() - interval '1 second' WHERE username = 'acnur' AND address = $1`, [address]);
    expect((await holdOnce()).detail).toMatch(/\b30\b/);
    await t.db.query(`UPDATE login_throttles SET held_until = now() - interval '1 second' WHERE username = 'acnur' AND address = $1`, [address]);
    expect((await holdOnce()).detail).toMatch(/\b60\b/);
  });
});

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('unknown, wrong and held accounts', () => {
  it('answer alike, attempt by attempt, and a held account never says whether the password was right', async () => {
    const address = '203.0.113.12';
    const real: ReturnType<typeof visible>[] = [];
    const unknown: ReturnType<typeof visible>[] = [];
    for (let i = 0; i < 7; i++) {
      // The last two attempts on the real account use its right password.
      real.push(visible(await signIn(t.app, 'formador', i >= 5 ? TEST_PASSWORD : `bad ${i}`, address)));
      unknown.push(visible(await signIn(t.app, 'no-such-person', `bad ${i}`, address)));
    }
    expect(real).toEqual(unknown);
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
  });

  it('take about the same time: a held or unknown attempt costs a password hash like a wrong one', async () => {
    const address = '203.0.113.13';
    const time = async (username: string, password: string) => {
      const started = performance.now();
      await signIn(t.app, username, password, address);
      return performance.now() - started;
    };
    // Hold the address off 'capacitacion' first.
    for (let i = 0; i < 5; i++) await signIn(t.app, 'capacitacion', `bad ${i}`, address);
    const wrong: number[] = [];
    const unknown: number[] = [];
    const held: number[] = [];
    for (let i = 0; i < 4; i++) {
      wrong.push(await time('interprete', `bad ${i}`));
      unknown.push(await time(`ghost-${i}`, `bad ${i}`));
      held.push(await time('capacitacion', TEST_PASSWORD));
    }
    // argon2id dominates each answer (≈ 50 ms here); without it a held answer would take a tenth.
    const [w, u, h] = [median(wrong), median(unknown), median(held)];
    expect(u / w, `unknown ${u} ms, wrong ${w} ms`).toBeGreaterThan(0.5);
    expect(h / w, `held ${h} ms, wrong ${w} ms`).toBeGreaterThan(0.5);
    expect(w / h, `wrong ${w} ms, held ${h} ms`).toBeGreaterThan(0.5);
  });
});

describe('per address', () => {
  it('locks an address after too many failures over any usernames, and that address only', async () => {
    const app = await instance({ addressMaxFailedLogins: 6 });
    const address = '203.0.113.14';
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    for (const name of names.slice(0, 5)) expectProblem(await signIn(app, name, 'guess', address), 401, 'INVALID_CREDENTIALS');
    expectProblem(await signIn(app, names[5]!, 'guess', address), 401, 'INVALID_CREDENTIALS');
    // The address is locked: even a right password from it is refused, for everyone.
    const refused = await signIn(app, 'auditor', TEST_PASSWORD, address);
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    expect(await auditEvents(t.db, 'auth.address_locked')).toMatchObject([{ entity_id: address, details: { address, minutes: 15 } }]);
    expect((await auditEvents(t.db, 'auth.login_failed')).at(-1)).toMatchObject({ actor_username: 'auditor', details: { reason: 'address_locked' } });
    // Another address is not concerned.
    expect((await signIn(app, 'auditor', TEST_PASSWORD, '198.51.100.21')).statusCode).toBe(200);
  });

  it('raises one administrator alert when many usernames fail from one address (a spray)', async () => {
    const app = await instance({ sprayAccounts: 4 });
    const address = '203.0.113.15';
    for (const name of ['admin', 'registro', 'inm', 'elegibilidad', 'capacitacion', 'formador']) {
      expectProblem(await signIn(app, name, 'Winter2026!', address), 401, 'INVALID_CREDENTIALS');
    }
    const alerts = (await auditEvents(t.db, 'auth.spray_detected')).filter((e) => e.entity_id === address);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.details).toMatchObject({ address, accounts: 4, minutes: 15 });
  });

  it('is shared by every API process on the database: two instances enforce one limit', async () => {
    // Failures on one username alternate between two instances and add up to one hold.
    const [a, b] = [await instance(), await instance()];
    const pairAddress = '203.0.113.17';
    for (let i = 0; i < 4; i++) expectProblem(await signIn(i % 2 ? a : b, 'inm', `bad ${i}`, pairAddress), 401, 'INVALID_CREDENTIALS');
    expectProblem(await signIn(a, 'inm', 'bad 5', pairAddress), 423, 'ACCOUNT_LOCKED');
    expectProblem(await signIn(b, 'inm', TEST_PASSWORD, pairAddress), 423, 'ACCOUNT_LOCKED');
    // Attempts per minute from one address, counted across both.
    const [c, d] = [await instance({ loginRateLimitPerMinute: 4 }), await instance({ loginRateLimitPerMinute: 4 })];
    const address = '203.0.113.16';
    for (let i = 0; i < 4; i++) expect((await signIn(i % 2 ? c : d, 'registro', `x ${i}`, address)).statusCode).toBe(401);
    expectProblem(await signIn(c, 'registro', TEST_PASSWORD, address), 429, 'RATE_LIMITED');
    expectProblem(await signIn(d, 'registro', TEST_PASSWORD, address), 429, 'RATE_LIMITED');
  });
});
