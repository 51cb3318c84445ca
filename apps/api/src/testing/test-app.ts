/**
 * The API on a private copy of the seeded test template, driven through `app.inject` (no port).
 * Demo accounts (DEMO_USERS) all have TEST_PASSWORD.
 */
import type { HTTPMethods, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '@refugio/db';
import { createTestDatabase } from '@refugio/db/testing';
import type { ProblemBody } from '@refugio/domain';
import { buildApp } from '../app.ts';
import { configFromEnv, type AppConfig } from '../config.ts';
import { SESSION_COOKIE } from '../plugins/access.ts';
import type { App } from '../types.ts';
import { TEST_PASSWORD } from './fixtures.ts';

export { TEST_PASSWORD };

export interface TestApp {
  app: App;
  db: Database;
  /** Closes the app and deletes its database copy. */
  close(): Promise<void>;
}

/** Defaults from the code (not this process's environment); no web app, quiet logs. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = configFromEnv({ LOG_LEVEL: 'silent' });
  return {
    ...base,
    // Tests sign in far more often than people do, all from one address; the per-address
    // limits are tried with their defaults where they are the subject.
    auth: { ...base.auth, loginRateLimitPerMinute: 10_000, addressMaxFailedLogins: 10_000, sprayAccounts: 10_000 },
    webDist: undefined,
    ...overrides,
  };
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const app = await buildApp({ db, config: testConfig(overrides), logger: false });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface TestSession {
  username: string;
  userId: string;
  /** The session cookie's value. */
  token: string;
  csrfToken: string;
}

export interface CallOptions {
  session?: TestSession | null;
  body?: unknown;
  /** Sent as is (a string body is not JSON-encoded). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Send the session's CSRF token on mutations (default true). */
  csrf?: boolean;
  /** The client's address as the server sees it (default 127.0.0.1). */
  remoteAddress?: string;
}

/** One request; a session adds its cookie and, unless `csrf: false`, its CSRF header. */
export function call(app: App, method: HTTPMethods, url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (options.session) {
    headers.cookie = `${SESSION_COOKIE}=${options.session.token}`;
    if (options.csrf !== false) headers['x-csrf-token'] = options.session.csrfToken;
  }
  let payload: string | undefined;
  if (options.rawBody !== undefined) payload = options.rawBody;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return app.inject({
    method, url, headers: { ...headers, ...options.headers }, ...(payload !== undefined ? { payload } : {}),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

export function sessionCookie(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === SESSION_COOKIE);
}

/** Logs in with the password; fails the test unless a session comes back. */
export async function loginAs(app: App, username: string, password: string = TEST_PASSWORD): Promise<TestSession> {
  const res = await call(app, 'POST', '/api/auth/login', { body: { username, password } });
  expect(res.statusCode, `login as ${username}: ${res.body}`).toBe(200);
  return sessionFrom(res, username);
}

/** Reads the session a successful login (password or TOTP step) returned. */
export function sessionFrom(res: LightMyRequestResponse, username: string): TestSession {
  const body = res.json<{ status: string; csrfToken: string; user: { id: string } }>();
  const cookie = sessionCookie(res);
  expect(body.status).toBe('authenticated');
  expect(cookie?.value).toBeTruthy();
  return { username, userId: body.user.id, token: cookie!.value, csrfToken: body.csrfToken };
}

/** Asserts an application/problem+json error with the given status and code; returns the body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect(res.headers['content-type'], res.body).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  expect({ status: res.statusCode, code: body.code }, res.body).toEqual({ status, code });
  expect(body.status).toBe(status);
  return body;
}

/** The codes of the unmet safeguards a step's refusal names, in order (ADR 019). */
export function unmetCodes(body: ProblemBody): string[] {
  return (body.unmet as Array<{ code: string }>).map((u) => u.code);
}

/** The field error codes of a problem body, as `field → code` pairs. */
export function fieldErrors(res: LightMyRequestResponse): Array<{ field: string; code: string }> {
  return (res.json<ProblemBody>().errors ?? []).map(({ field, code }) => ({ field, code }));
}

export async function userIdOf(db: Database, username: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
  if (!rows[0]) throw new Error(`No user ${username}`);
  return rows[0].id;
}

/** Audit events of one action, oldest first (in insert order: they may not be sealed yet, ADR 032). */
export async function auditEvents(db: Database, action: string) {
  const { rows } = await db.query<{ seq: number | null; actor_username: string | null; entity_id: string | null; details: Record<string, unknown> }>(
    'SELECT seq, actor_username, entity_id, details FROM audit_events WHERE action = $1 ORDER BY id', [action]);
  return rows;
}

export async function countRows(db: Database, table: 'users' | 'institutions' | 'offices' | 'roles' | 'audit_events' | 'sessions'): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}
