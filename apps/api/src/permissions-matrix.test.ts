/**
 * Role × route matrix: every demo user (one per role) calls every operation of the OpenAPI
 * document that requires a permission. The expected answer is read from the API itself
 * (x-permission, and the roles' permissions through GET /api/roles as admin): 403 FORBIDDEN
 * exactly when the role lacks the permission, otherwise neither 401, 403 nor 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@refugio/domain/server';
import { call, createTestApp, loginAs, type TestApp, type TestSession } from './testing/test-app.ts';
import { concretePath, listOperations, type Operation } from './testing/openapi.ts';

let t: TestApp;
let operations: Operation[];
let rolePermissions: Map<string, Set<string>>;

beforeAll(async () => {
  t = await createTestApp();
  // Logging out ends the caller's session: it goes last.
  operations = (await listOperations(t.app))
    .filter((o) => o.permission !== null)
    .toSorted((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
  const admin = await loginAs(t.app, 'admin');
  const roles = await call(t.app, 'GET', '/api/roles', { session: admin });
  expect(roles.statusCode).toBe(200);
  rolePermissions = new Map(roles.json<Array<{ code: string; permissions: string[] }>>().map((r) => [r.code, new Set(r.permissions)]));
});
afterAll(async () => {
  await t?.close();
});

/** An empty body for operations that take one; a well-formed unknown id for path parameters. */
function request(session: TestSession, operation: Operation) {
  return call(t.app, operation.method, concretePath(operation.path), { session, ...(operation.bodySchema ? { body: {} } : {}) });
}

describe('role × route matrix', () => {
  it('covers every role and every protected operation', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(rolePermissions.keys()));
    expect(operations.length).toBeGreaterThan(20);
  });

  it('allows exactly what each role holds and denies the rest with 403', async () => {
    const outcomes = new Map<string, Map<string, string>>(operations.map((o) => [o.label, new Map()]));
    const mismatches: string[] = [];
    for (const user of DEMO_USERS) {
      const session = await loginAs(t.app, user.username);
      const held = rolePermissions.get(user.role)!;
      for (const operation of operations) {
        const res = await request(session, operation);
        const allowed = held.has(operation.permission!);
        const code = res.statusCode >= 400 ? res.json<{ code?: string }>().code : undefined;
        const ok = allowed
          ? ![401, 403, 500].includes(res.statusCode)
          : res.statusCode === 403 && code === 'FORBIDDEN';
        if (!ok) mismatches.push(`${user.role} ${operation.label}: expected ${allowed ? 'allowed' : '403 FORBIDDEN'}, got ${res.statusCode} ${code ?? ''}`);
        outcomes.get(operation.label)!.set(user.role, `${allowed ? '✓' : '✗'} ${res.statusCode}`);
      }
    }
    printMatrix(outcomes);
    expect(mismatches).toEqual([]);
    // Ten roles × every route (about 100 with intake): 16 s alone, over 30 s beside the whole suite.
  }, 120_000);
});

/** The matrix as a table in the test output: ✓ allowed / ✗ denied, with the status received. */
function printMatrix(outcomes: Map<string, Map<string, string>>): void {
  const roles = DEMO_USERS.map((u) => u.role);
  const permissionOf = new Map(operations.map((o) => [o.label, o.permission ?? '']));
  const header = ['operation', 'permission', ...roles];
  const rows = [...outcomes].map(([label, byRole]) => [label, permissionOf.get(label) ?? '', ...roles.map((r) => byRole.get(r) ?? '')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(['Role × route matrix (✓ allowed, ✗ denied; HTTP status received)', line(header),
    line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}
