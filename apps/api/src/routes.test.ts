/**
 * The route walk: every route the app registers is collected through an onRoute hook placed on
 * the Fastify instance before any plugin, then checked for a declared permission, for its
 * OpenAPI operation and for a 401 to an anonymous caller.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS } from '@refugio/domain';
import { translate } from '@refugio/domain/server';
import { registerAccessControl } from './plugins/access.ts';
import { call, createTestApp, expectProblem, type TestApp } from './testing/test-app.ts';
import { concretePath, listOperations } from './testing/openapi.ts';
import type { App } from './types.ts';

interface SeenRoute {
  method: string | string[];
  url: string;
  config?: { permission?: string | null };
  schema?: { hide?: boolean };
}

const seen = vi.hoisted(() => [] as SeenRoute[]);

vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastify')>();
  const create = (options?: FastifyServerOptions) => {
    const instance = original.default(options);
    instance.addHook('onRoute', (route) => {
      seen.push(route as SeenRoute);
    });
    return instance;
  };
  return { ...original, default: create as unknown as typeof original.default };
});

/** Anyone may call these: health, login and its second step, whether one is signed in, certificate verification, the API's own documentation. */
const PUBLIC = new Set([
  'GET /api/health', 'HEAD /api/health', 'POST /api/auth/login', 'POST /api/auth/login/totp',
  'GET /api/auth/session', 'HEAD /api/auth/session',
  'GET /api/openapi.json', 'HEAD /api/openapi.json',
  // Training certificates: whoever holds the paper verifies it (ADR 016).
  'GET /api/public/certificates/:code', 'HEAD /api/public/certificates/:code',
  // Signed decisions: authenticity, date and issuing office only (ADR 030).
  'GET /api/public/decisions/:code', 'HEAD /api/public/decisions/:code',
]);
const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

let t: TestApp;
let routes: Array<{ method: string; url: string; permission: string | null | undefined; hidden: boolean }>;

beforeAll(async () => {
  t = await createTestApp();
  routes = seen
    .filter((r) => r.url.startsWith('/api'))
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
      method, url: r.url, permission: r.config?.permission, hidden: r.schema?.hide === true,
    })));
});
afterAll(async () => {
  await t?.close();
});

describe('route table', () => {
  it('collected the whole table', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/users/:id/password-reset');
  });

  it('every /api route declares a permission', () => {
    const undeclared = routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('every declared permission exists in the catalogue', () => {
    const unknown = routes.filter((r) => r.permission && !(PERMISSIONS as readonly string[]).includes(r.permission));
    expect(unknown).toEqual([]);
  });

  it('only health, login, certificate and decision verification and the API documentation are public', () => {
    const open = routes.filter((r) => r.permission === null && !isDocs(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(new Set(open)).toEqual(PUBLIC);
  });

  it('registering a route without a permission fails', async () => {
    const bare = Fastify({ logger: false }) as unknown as App;
    registerAccessControl(bare);
    expect(() => bare.get('/api/undeclared', async () => 'x')).toThrow(/declares no permission/);
    bare.get('/api/declared', { config: { permission: 'read:role:all' } }, async () => 'x');
    await bare.close();
  });
});

describe('OpenAPI document', () => {
  it('lists every visible route with the permission it declares', async () => {
    const operations = await listOperations(t.app);
    const documented = new Map(operations.map((o) => [`${o.method} ${o.path}`, o.permission]));
    const expected = new Map(routes
      .filter((r) => !r.hidden && !isDocs(r.url) && r.method !== 'HEAD')
      .map((r) => [`${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, r.permission]));
    expect(documented).toEqual(expected);
  });

  it('gives every operation an x-permission, null only for the public ones', async () => {
    for (const operation of await listOperations(t.app)) {
      expect(operation.permission === null, operation.label).toBe(PUBLIC.has(operation.label.replace(/\{(\w+)\}/g, ':$1')));
    }
  });
});

describe('anonymous caller', () => {
  it('gets 401 on every non-public route, in the language asked for', async () => {
    const checked: string[] = [];
    for (const route of routes) {
      if (route.permission === null) continue;
      const url = concretePath(route.url);
      const res = await call(t.app, route.method as 'GET', url, { headers: { 'accept-language': 'en' } });
      checked.push(`${route.method} ${route.url}`);
      // HEAD answers carry no body.
      if (route.method === 'HEAD') {
        expect(res.statusCode, `HEAD ${route.url}`).toBe(401);
        continue;
      }
      const body = expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(body.title).toBe(translate('en', 'errors.UNAUTHENTICATED.title'));
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('reaches the public routes', async () => {
    for (const route of routes.filter((r) => r.permission === null)) {
      const url = concretePath(route.url).replace('*', 'index.css');
      const res = await call(t.app, route.method as 'GET', url, route.method === 'POST' ? { body: {} } : {});
      expect([401, 403, 500], `${route.method} ${route.url}: ${res.statusCode}`).not.toContain(res.statusCode);
    }
    const health = await call(t.app, 'GET', '/api/health');
    expect(health.json()).toMatchObject({ status: 'ok', database: t.db.kind });
  });
});
