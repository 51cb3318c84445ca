import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AppError, ZChangePasswordRequest, ZLanguageRequest, ZLoginRequest, ZLoginResponse, ZMe, ZRecoveryCodes, ZRecoveryCodesRequest,
  ZSessionResponse, ZTotpConfirmRequest, ZTotpDisableRequest, ZTotpEnrolment, ZTotpLoginRequest,
} from '@refugio/domain';
import {
  changeOwnPassword, completeTotpLogin, confirmTotpEnrolment, disableOwnTotp, loadSession, login, logout,
  regenerateRecoveryCodes, setOwnLanguage, startTotpEnrolment, type LoginOutcome,
} from '@refugio/domain/server';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import type { App } from '../../types.ts';

const ACCOUNT = { permission: 'use:account:own', allowDuringTotpEnrolment: true } as const;
const ZOk = z.object({ ok: z.literal(true) });

const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

export async function authRoutes(app: App): Promise<void> {
  const { config, db } = app;
  // The password step counts its own attempts per address (and audits each refusal); the code
  // step is limited here, per address, in the same database.
  const codeRateLimit = { bucket: 'login_code', max: config.auth.loginRateLimitPerMinute, windowSeconds: 60 };

  async function respondWithSession(request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome) {
    if (outcome.status === 'totp_required') return outcome;
    const secure = config.secureCookies || request.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, outcome.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: config.auth.absoluteTimeoutHours * 3600,
    });
    reply.header('x-csrf-token', outcome.csrfToken);
    const loaded = await loadSession(db, outcome.token, config.auth);
    if (!loaded) throw new AppError('INTERNAL');
    return { status: 'authenticated' as const, user: loaded.me, csrfToken: outcome.csrfToken };
  }

  app.post('/api/auth/login', {
    config: { permission: null },
    schema: {
      tags: ['auth'], summary: 'Sign in with username and password',
      description: 'Returns the user and a CSRF token with a session cookie, or a TOTP challenge for users with a second factor.',
      body: ZLoginRequest, response: { 200: ZLoginResponse },
    },
  }, async (request, reply) => {
    const outcome = await login(db, { ...request.body, client: client(request), settings: config.auth, ctx: request.ctx });
    return respondWithSession(request, reply, outcome);
  });

  app.post('/api/auth/login/totp', {
    config: { permission: null, addressLimit: codeRateLimit },
    schema: { tags: ['auth'], summary: 'Second step: the code from the authenticator app, or a recovery code', body: ZTotpLoginRequest, response: { 200: ZSessionResponse } },
  }, async (request, reply) => {
    const outcome = await completeTotpLogin(db, { ...request.body, client: client(request), settings: config.auth, ctx: request.ctx });
    const body = await respondWithSession(request, reply, outcome);
    if (body.status !== 'authenticated') throw new AppError('INTERNAL');
    return body;
  });

  app.get('/api/auth/me', {
    config: ACCOUNT,
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: ZMe.extend({ csrfToken: z.string() }) } },
  }, async (request, reply) => {
    reply.header('x-csrf-token', request.session!.csrfToken);
    return { ...request.session!.me, csrfToken: request.session!.csrfToken };
  });

  // What the web app asks on every load: being signed out is an answer here, not an error, so a
  // visitor's browser console shows no 401; `/api/auth/me` keeps its 401 for API clients.
  app.get('/api/auth/session', {
    config: { permission: null },
    schema: {
      tags: ['auth'], summary: 'The signed-in user and CSRF token, or nulls without a session',
      response: { 200: z.object({ user: ZMe.nullable(), csrfToken: z.string().nullable() }) },
    },
  }, async (request, reply) => {
    if (!request.session) return { user: null, csrfToken: null };
    reply.header('x-csrf-token', request.session.csrfToken);
    return { user: request.session.me, csrfToken: request.session.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: ACCOUNT, schema: { tags: ['auth'], summary: 'Close the session', response: { 200: ZOk } },
  }, async (request, reply) => {
    await logout(db, request.ctx, request.session!.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post('/api/auth/password', {
    config: ACCOUNT,
    schema: { tags: ['auth'], summary: 'Change own password (closes the other sessions)', body: ZChangePasswordRequest, response: { 200: ZOk } },
  }, async (request) => {
    await changeOwnPassword(db, request.ctx, { ...request.body, keepSessionId: request.session!.id });
    return { ok: true as const };
  });

  app.put('/api/auth/language', {
    config: ACCOUNT,
    schema: { tags: ['auth'], summary: 'Remember the interface language', body: ZLanguageRequest, response: { 200: ZOk } },
  }, async (request) => {
    await setOwnLanguage(db, request.ctx, request.body.language);
    return { ok: true as const };
  });

  app.post('/api/auth/totp/enrolment', {
    config: ACCOUNT,
    schema: { tags: ['auth'], summary: 'Start second-factor enrolment: a new secret to scan', response: { 200: ZTotpEnrolment } },
  }, async (request) => startTotpEnrolment(db, request.ctx));

  app.post('/api/auth/totp/confirm', {
    config: ACCOUNT,
    schema: {
      tags: ['auth'], summary: 'Confirm enrolment with a first code; returns ten single-use recovery codes, shown once',
      body: ZTotpConfirmRequest, response: { 200: ZRecoveryCodes },
    },
  }, async (request) => confirmTotpEnrolment(db, request.ctx, request.body.code));

  app.post('/api/auth/totp/recovery-codes', {
    config: { permission: 'use:account:own' },
    schema: {
      tags: ['auth'], summary: 'Replace the recovery codes (password required); the old ones stop working',
      body: ZRecoveryCodesRequest, response: { 200: ZRecoveryCodes },
    },
  }, async (request) => regenerateRecoveryCodes(db, request.ctx, request.body.password));

  app.post('/api/auth/totp/disable', {
    config: { permission: 'use:account:own' },
    schema: { tags: ['auth'], summary: 'Turn the second factor off (password required)', body: ZTotpDisableRequest, response: { 200: ZOk } },
  }, async (request) => {
    await disableOwnTotp(db, request.ctx, request.body.password);
    return { ok: true as const };
  });
}
