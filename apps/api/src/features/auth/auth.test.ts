import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '@refugio/domain/server';
import {
  TEST_PASSWORD, auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, sessionCookie, sessionFrom,
  testConfig, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';
import { nextTotpCode, totpCodeAtStep, wrongTotpCode } from '../../testing/totp.ts';
import { buildApp } from '../../app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const me = (session: TestSession | null) => call(t.app, 'GET', '/api/auth/me', { session });

describe('login', () => {
  it('opens a session: httpOnly SameSite=Lax cookie, CSRF token in header and body, audited', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'admin', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = res.json<{ status: string; csrfToken: string; user: { username: string; roles: string[] } }>();
    expect(body.status).toBe('authenticated');
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(res.headers['x-csrf-token']).toBe(body.csrfToken);
    expect(body.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    const logins = await auditEvents(t.db, 'auth.login');
    expect(logins.at(-1)).toMatchObject({ actor_username: 'admin', entity_id: await userIdOf(t.db, 'admin') });
  });

  it('accepts the username in any case', async () => {
    const session = await loginAs(t.app, 'ADMIN');
    expect((await me(session)).json()).toMatchObject({ username: 'admin' });
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS and audits it', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'registro', password: 'not the password' } });
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
    expect(sessionCookie(res)).toBeUndefined();
    const failures = await auditEvents(t.db, 'auth.login_failed');
    expect(failures.at(-1)).toMatchObject({ actor_username: 'registro', details: { reason: 'wrong_password', failures: 1 } });
  });

  it('refuses an unknown user the same way and audits the attempted name', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'nadie', password: 'whatever password' } });
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
    const failures = await auditEvents(t.db, 'auth.login_failed');
    expect(failures.at(-1)).toMatchObject({ actor_username: 'nadie', entity_id: null, details: { reason: 'unknown_user' } });
  });

  it('holds the address off the username after 5 failures: 423 even with the right password, audited', async () => {
    const attempt = (password: string) =>
      call(t.app, 'POST', '/api/auth/login', { body: { username: 'elegibilidad', password } });
    for (let i = 1; i <= 4; i++) expectProblem(await attempt(`wrong password ${i}`), 401, 'INVALID_CREDENTIALS');
    const fifth = expectProblem(await attempt('wrong password 5'), 423, 'ACCOUNT_LOCKED');
    expect(fifth.detail).toContain('15');
    expectProblem(await attempt(TEST_PASSWORD), 423, 'ACCOUNT_LOCKED');

    const userId = await userIdOf(t.db, 'elegibilidad');
    const locked = (await auditEvents(t.db, 'auth.locked')).filter((e) => e.entity_id === userId);
    expect(locked).toHaveLength(1);
    expect(locked[0]!.details).toMatchObject({ address: '127.0.0.1', minutes: 15 });
    const reasons = (await auditEvents(t.db, 'auth.login_failed')).filter((e) => e.entity_id === userId).map((e) => e.details.reason);
    expect(reasons).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'held']);

    const admin = await loginAs(t.app, 'admin');
    const user = await call(t.app, 'GET', `/api/users/${userId}`, { session: admin });
    expect(user.json()).toMatchObject({ locked: true });
  });

  it('slows down a flood of attempts from one address: 429 RATE_LIMITED with Retry-After, audited', async () => {
    // A second app on the same database, with a tight limit.
    const config = testConfig();
    const limited = await buildApp({ db: t.db, config: { ...config, auth: { ...config.auth, loginRateLimitPerMinute: 3 } }, logger: false });
    try {
      const attempt = () => call(limited, 'POST', '/api/auth/login', {
        body: { username: 'nadie', password: 'whatever password' }, remoteAddress: '192.0.2.1',
      });
      for (let i = 0; i < 3; i++) expectProblem(await attempt(), 401, 'INVALID_CREDENTIALS');
      const refused = await attempt();
      expectProblem(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await auditEvents(t.db, 'auth.login_failed')).at(-1)).toMatchObject({ actor_username: 'nadie', details: { reason: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });

  it('lets the user in again once the lock has expired', async () => {
    await t.db.query(`UPDATE login_throttles SET held_until = now() - interval '1 second' WHERE username = 'elegibilidad'`);
    await loginAs(t.app, 'elegibilidad');
  });
});

describe('session', () => {
  it('GET /api/auth/me answers 200 with the user and 401 without a session', async () => {
    const session = await loginAs(t.app, 'admin');
    const res = await me(session);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'admin', csrfToken: session.csrfToken, totpEnrolmentRequired: false });
    expectProblem(await me(null), 401, 'UNAUTHENTICATED');
    expectProblem(await me({ ...session, token: 'forged-token' }), 401, 'UNAUTHENTICATED');
  });

  it('GET /api/auth/session answers 200 either way: the user and token, or nulls signed out, expired or logged out', async () => {
    const state = (session: TestSession | null) => call(t.app, 'GET', '/api/auth/session', { session });
    const session = await loginAs(t.app, 'registro');
    const signedIn = await state(session);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-csrf-token']).toBe(session.csrfToken);
    expect(signedIn.json()).toMatchObject({ user: { username: 'registro' }, csrfToken: session.csrfToken });
    for (const visitor of [null, { ...session, token: 'forged-token' }]) {
      const res = await state(visitor);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ user: null, csrfToken: null });
    }
    await call(t.app, 'POST', '/api/auth/logout', { session });
    expect((await state(session)).json()).toEqual({ user: null, csrfToken: null });
  });

  it('logout closes the session: the old cookie gets 401, and it is audited', async () => {
    const session = await loginAs(t.app, 'formador');
    const res = await call(t.app, 'POST', '/api/auth/logout', { session });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)?.value).toBe('');
    expectProblem(await me(session), 401, 'UNAUTHENTICATED');
    expect((await auditEvents(t.db, 'auth.logout')).at(-1)).toMatchObject({ actor_username: 'formador' });
  });

  it('expires after 30 idle minutes', async () => {
    const session = await loginAs(t.app, 'capacitacion');
    expect((await me(session)).statusCode).toBe(200);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = $1`, [session.userId]);
    expect((await me(session)).statusCode).toBe(200);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [session.userId]);
    expectProblem(await me(session), 401, 'UNAUTHENTICATED');
    const { rows } = await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [session.userId]);
    expect(rows).toHaveLength(0);
  });

  it('expires at the absolute timeout even when in use', async () => {
    const session = await loginAs(t.app, 'capacitacion');
    const { rows } = await t.db.query<{ hours: number }>(
      'SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM sessions WHERE user_id = $1', [session.userId]);
    expect(rows[0]?.hours).toBe(12);
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [session.userId]);
    expectProblem(await me(session), 401, 'UNAUTHENTICATED');
  });

  it('refuses a mutation without or with a wrong CSRF token (403 CSRF_INVALID) and changes nothing', async () => {
    const session = await loginAs(t.app, 'admin');
    const body = { language: 'en' };
    expectProblem(await call(t.app, 'PUT', '/api/auth/language', { session, body, csrf: false }), 403, 'CSRF_INVALID');
    expectProblem(await call(t.app, 'PUT', '/api/auth/language', { session, body, csrf: false, headers: { 'x-csrf-token': 'wrong' } }), 403, 'CSRF_INVALID');
    const other = await loginAs(t.app, 'admin');
    expectProblem(await call(t.app, 'PUT', '/api/auth/language', { session, body, csrf: false, headers: { 'x-csrf-token': other.csrfToken } }), 403, 'CSRF_INVALID');
    expect((await me(session)).json()).toMatchObject({ language: 'es-MX' });
    // Reads need no token.
    expect((await call(t.app, 'GET', '/api/users', { session, csrf: false })).statusCode).toBe(200);
    expect((await call(t.app, 'PUT', '/api/auth/language', { session, body })).statusCode).toBe(200);
    expect((await me(session)).json()).toMatchObject({ language: 'en' });
  });
});

describe('second factor', () => {
  let interpreteSecret = '';
  let recoveryCodes: string[] = [];

  it('enrols, then login asks for the code: a wrong code gets 401, the right one a session', async () => {
    const session = await loginAs(t.app, 'interprete');
    const started = await call(t.app, 'POST', '/api/auth/totp/enrolment', { session });
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json<{ secret: string; otpauthUri: string }>();
    interpreteSecret = secret;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Refugio:interprete\?/);

    // Until confirmed, the secret is not asked for at login.
    await loginAs(t.app, 'interprete');
    const badConfirm = await call(t.app, 'POST', '/api/auth/totp/confirm', { session, body: { code: await wrongTotpCode(secret) } });
    expectProblem(badConfirm, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(badConfirm)).toEqual([{ field: 'code', code: 'validation.totp_invalid' }]);
    const confirmed = await call(t.app, 'POST', '/api/auth/totp/confirm', { session, body: { code: await currentTotpCode(secret) } });
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored salted and hashed, never in clear.
    const stored = await t.db.query<{ digest: string }>('SELECT digest FROM totp_recovery_codes WHERE user_id = $1', [session.userId]);
    expect(stored.rows).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(stored.rows)).not.toContain(code.replaceAll('-', ''));
    expect((await auditEvents(t.db, 'auth.totp_enrolled')).at(-1)).toMatchObject({ actor_username: 'interprete' });

    const login = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'interprete', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const challenge = login.json<{ status: string; challengeToken: string }>();
    expect(challenge.status).toBe('totp_required');
    expect(sessionCookie(login)).toBeUndefined();

    const wrong = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: challenge.challengeToken, code: await wrongTotpCode(secret) } });
    expectProblem(wrong, 401, 'TOTP_INVALID');
    expect(sessionCookie(wrong)).toBeUndefined();
    expect((await auditEvents(t.db, 'auth.login_failed')).at(-1)).toMatchObject({ actor_username: 'interprete', details: { reason: 'wrong_code' } });

    // The code that confirmed the enrolment was spent: it cannot open a session too.
    const { rows } = await t.db.query<{ step: number }>('SELECT totp_last_step AS step FROM users WHERE id = $1', [session.userId]);
    const spent = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: challenge.challengeToken, code: await totpCodeAtStep(secret, rows[0]!.step) } });
    expectProblem(spent, 401, 'TOTP_INVALID');

    const right = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: challenge.challengeToken, code: await nextTotpCode(secret) } });
    expect(right.statusCode).toBe(200);
    const second = sessionFrom(right, 'interprete');
    expect((await me(second)).json()).toMatchObject({ username: 'interprete', totpEnabled: true });

    // A challenge is used once.
    const replay = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: challenge.challengeToken, code: await nextTotpCode(secret) } });
    expectProblem(replay, 401, 'TOTP_INVALID');
  });

  it('refuses a code already used, even on a fresh challenge and in parallel (RFC 6238 §5.2)', async () => {
    const challenge = async () => {
      const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'interprete', password: TEST_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ challengeToken: string }>().challengeToken;
    };
    // The code of the last step used (by the previous test) is spent.
    const { rows } = await t.db.query<{ step: number }>(`SELECT totp_last_step AS step FROM users WHERE username = 'interprete'`);
    const used = await totpCodeAtStep(interpreteSecret, rows[0]!.step);
    const replayed = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: used } });
    expectProblem(replayed, 401, 'TOTP_INVALID');
    expect(sessionCookie(replayed)).toBeUndefined();
    expect((await auditEvents(t.db, 'auth.login_failed')).at(-1)).toMatchObject({ actor_username: 'interprete', details: { reason: 'replayed_code' } });

    // As if a minute had passed since: the next valid code opens one session, not two.
    await t.db.query(`UPDATE users SET totp_last_step = totp_last_step - 3 WHERE username = 'interprete'`);
    const code = await currentTotpCode(interpreteSecret);
    const [a, b] = [await challenge(), await challenge()];
    const answers = await Promise.all([a, b].map((challengeToken) => call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken, code } })));
    expect(answers.map((r) => r.statusCode).toSorted()).toEqual([200, 401]);
  });

  it('a recovery code replaces the app once: reused it is refused; new codes void the old ones', async () => {
    const challenge = async () => (await call(t.app, 'POST', '/api/auth/login', { body: { username: 'interprete', password: TEST_PASSWORD } }))
      .json<{ challengeToken: string }>().challengeToken;
    const [first, second] = recoveryCodes;
    // Typed loosely: lower case, no dashes.
    const used = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: first!.toLowerCase().replaceAll('-', '') } });
    expect(used.statusCode, used.body).toBe(200);
    const session = sessionFrom(used, 'interprete');
    expect((await auditEvents(t.db, 'auth.recovery_code_used')).at(-1)).toMatchObject({ actor_username: 'interprete', details: { left: 9 } });

    const again = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: first! } });
    expectProblem(again, 401, 'TOTP_INVALID');
    expect((await auditEvents(t.db, 'auth.login_failed')).at(-1)).toMatchObject({ details: { reason: 'wrong_recovery_code' } });

    const badPassword = await call(t.app, 'POST', '/api/auth/totp/recovery-codes', { session, body: { password: 'not the password' } });
    expect(fieldErrors(badPassword)).toEqual([{ field: 'password', code: 'validation.password_mismatch' }]);
    const renewed = await call(t.app, 'POST', '/api/auth/totp/recovery-codes', { session, body: { password: TEST_PASSWORD } });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect((await auditEvents(t.db, 'auth.recovery_codes_replaced')).at(-1)).toMatchObject({ actor_username: 'interprete' });
    expectProblem(await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: second! } }), 401, 'TOTP_INVALID');
    expect((await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: fresh[0]! } })).statusCode).toBe(200);
    // Neither a code nor a recovery code: the field is named.
    const garbage = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: 'abc' } });
    expect(fieldErrors(garbage)).toEqual([{ field: 'code', code: 'validation.totp_or_recovery_code' }]);
  });

  it('wrong codes count towards the lock even when the password is right each time', async () => {
    const session = await loginAs(t.app, 'registro');
    const { secret } = (await call(t.app, 'POST', '/api/auth/totp/enrolment', { session })).json<{ secret: string }>();
    await call(t.app, 'POST', '/api/auth/totp/confirm', { session, body: { code: await currentTotpCode(secret) } });
    const challenge = async () => {
      const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'registro', password: TEST_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ challengeToken: string }>().challengeToken;
    };
    const wrong = await wrongTotpCode(secret);
    const guess = (challengeToken: string, remoteAddress?: string) =>
      call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken, code: wrong }, ...(remoteAddress ? { remoteAddress } : {}) });
    // A fresh password step between guesses must not wipe the count, nor a change of address.
    const kept = await challenge();
    for (let i = 0; i < 2; i++) expectProblem(await guess(await challenge()), 401, 'TOTP_INVALID');
    for (let i = 0; i < 2; i++) expectProblem(await guess(await challenge(), `198.51.100.${i + 1}`), 401, 'TOTP_INVALID');
    expectProblem(await guess(await challenge()), 423, 'ACCOUNT_LOCKED');
    // The password step answers as usual (it does not tell a locked account from another); the code step refuses.
    const late = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: await challenge(), code: await nextTotpCode(secret) } });
    expectProblem(late, 423, 'ACCOUNT_LOCKED');
    // A challenge opened before the lock does not get around it.
    const early = await call(t.app, 'POST', '/api/auth/login/totp', { body: { challengeToken: kept, code: await nextTotpCode(secret) } });
    expectProblem(early, 423, 'ACCOUNT_LOCKED');
    expect(sessionCookie(early)).toBeUndefined();
  });

  it('a role that requires it forces enrolment: other routes 403, account routes allowed', async () => {
    const admin = await loginAs(t.app, 'admin');
    const roles = (await call(t.app, 'GET', '/api/roles', { session: admin })).json<Array<{ id: string; code: string; version: number }>>();
    const auditorRole = roles.find((r) => r.code === 'auditor')!;
    const patched = await call(t.app, 'PATCH', `/api/roles/${auditorRole.id}`, { session: admin, body: { requiresTotp: true, version: auditorRole.version } });
    expect(patched.statusCode).toBe(200);

    const session = await loginAs(t.app, 'auditor');
    expect((await me(session)).json()).toMatchObject({ totpEnrolmentRequired: true, totpEnabled: false });
    expectProblem(await call(t.app, 'GET', '/api/users', { session }), 403, 'TOTP_ENROLMENT_REQUIRED');
    expectProblem(await call(t.app, 'GET', '/api/audit-events', { session }), 403, 'TOTP_ENROLMENT_REQUIRED');
    expect((await call(t.app, 'PUT', '/api/auth/language', { session, body: { language: 'fr' } })).statusCode).toBe(200);

    const { secret } = (await call(t.app, 'POST', '/api/auth/totp/enrolment', { session })).json<{ secret: string }>();
    expect((await call(t.app, 'POST', '/api/auth/totp/confirm', { session, body: { code: await currentTotpCode(secret) } })).statusCode).toBe(200);
    expect((await call(t.app, 'GET', '/api/users', { session })).statusCode).toBe(200);
    // Required by the role: it cannot be turned off.
    expectProblem(await call(t.app, 'POST', '/api/auth/totp/disable', { session, body: { password: TEST_PASSWORD } }), 409, 'INVALID_STATE');
  });
});

describe('passwords', () => {
  it('change: a wrong current password is a field error; success closes the other sessions', async () => {
    const first = await loginAs(t.app, 'supervisor');
    const second = await loginAs(t.app, 'supervisor');
    const wrong = await call(t.app, 'POST', '/api/auth/password', { session: first, body: { currentPassword: 'not it at all', newPassword: 'a-brand-new-password' } });
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(wrong)).toEqual([{ field: 'currentPassword', code: 'validation.password_mismatch' }]);

    const short = await call(t.app, 'POST', '/api/auth/password', { session: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expectProblem(short, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(short).map((e) => e.field)).toEqual(['newPassword']);

    const ok = await call(t.app, 'POST', '/api/auth/password', { session: first, body: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' } });
    expect(ok.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(200);
    expectProblem(await me(second), 401, 'UNAUTHENTICATED');
    expectProblem(await call(t.app, 'POST', '/api/auth/login', { body: { username: 'supervisor', password: TEST_PASSWORD } }), 401, 'INVALID_CREDENTIALS');
    await loginAs(t.app, 'supervisor', 'a-brand-new-password');
    expect((await auditEvents(t.db, 'auth.password_changed')).at(-1)).toMatchObject({ actor_username: 'supervisor' });
  });

  it('admin reset: one-time password, must change it, old sessions gone', async () => {
    const old = await loginAs(t.app, 'acnur');
    const admin = await loginAs(t.app, 'admin');
    const res = await call(t.app, 'POST', `/api/users/${old.userId}/password-reset`, { session: admin });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json<{ temporaryPassword: string }>();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);

    expectProblem(await me(old), 401, 'UNAUTHENTICATED');
    expectProblem(await call(t.app, 'POST', '/api/auth/login', { body: { username: 'acnur', password: TEST_PASSWORD } }), 401, 'INVALID_CREDENTIALS');
    const fresh = await loginAs(t.app, 'acnur', temporaryPassword);
    expect((await me(fresh)).json()).toMatchObject({ mustChangePassword: true });
    // Until the temporary password is replaced, only the account is reachable.
    expectProblem(await call(t.app, 'GET', '/api/institutions', { session: fresh }), 403, 'PASSWORD_CHANGE_REQUIRED');
    await call(t.app, 'POST', '/api/auth/password', { session: fresh, body: { currentPassword: temporaryPassword, newPassword: 'acnur-own-password' } });
    expect((await me(fresh)).json()).toMatchObject({ mustChangePassword: false });
    expect((await call(t.app, 'GET', '/api/institutions', { session: fresh })).statusCode).toBe(200);
    expect((await auditEvents(t.db, 'user.password_reset')).at(-1)).toMatchObject({ actor_username: 'admin', entity_id: old.userId });
  });
});
