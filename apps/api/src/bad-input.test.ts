/**
 * Bad input on every route: malformed JSON, wrong types, unknown fields, oversized bodies and
 * wrong query strings all get a 4xx problem+json in the caller's language, never a 500.
 * Operations are read from the OpenAPI document, so a new route is covered without edits here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSTORABLE_TEXT_CODE, type ProblemBody } from '@refugio/domain';
import { translate } from '@refugio/domain/server';
import { call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from './testing/test-app.ts';
import { concretePath, listOperations, wrongTypeFor, type Operation } from './testing/openapi.ts';

let t: TestApp;
let admin: TestSession;
let operations: Operation[];
/** Sessions tried in order for an operation: the first whose roles hold its permission. */
let holders: Array<{ session: TestSession; permissions: Set<string> }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  // The admin's session must survive the walk: logout is checked with bodies that never parse.
  operations = await listOperations(t.app);
  // Case-file and training permissions are not the administrator's: those routes are walked as the roles holding them.
  holders = [];
  for (const username of ['admin', 'supervisor', 'registro', 'inm', 'capacitacion', 'formador', 'interprete']) {
    const session = username === 'admin' ? admin : await loginAs(t.app, username);
    const { rows } = await t.db.query<{ code: string }>(
      `SELECT DISTINCT rp.permission_code AS code FROM users u JOIN user_roles ur ON ur.user_id = u.id
         JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE u.username = $1`, [username]);
    holders.push({ session, permissions: new Set(rows.map((r) => r.code)) });
  }
});
afterAll(async () => {
  await t?.close();
});

/** Public operations are called anonymously, the others as the first demo user holding their permission. */
const sessionFor = (operation: Operation) => (operation.permission === null
  ? null
  : (holders.find((h) => h.permissions.has(operation.permission!))?.session ?? admin));
const withBody = () => operations.filter((o) => o.bodySchema);
const mutations = () => operations.filter((o) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(o.method));

describe('request bodies', () => {
  it('every operation that takes a body is walked', () => {
    expect(withBody().length).toBeGreaterThanOrEqual(12);
  });

  it('malformed JSON → 400 MALFORMED_REQUEST on every mutation', async () => {
    for (const operation of mutations()) {
      const res = await call(t.app, operation.method, concretePath(operation.path), { session: sessionFor(operation), rawBody: '{"username": "adm' });
      expectProblem(res, 400, 'MALFORMED_REQUEST');
    }
  });

  it('wrong types → 400 VALIDATION_FAILED naming each field', async () => {
    for (const operation of withBody()) {
      const properties = Object.entries(operation.bodySchema!.properties ?? {});
      expect(properties.length, operation.label).toBeGreaterThan(0);
      const body = Object.fromEntries(properties.map(([name, schema]) => [name, wrongTypeFor(schema)]));
      const res = await call(t.app, operation.method, concretePath(operation.path), { session: sessionFor(operation), body });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      const errors = fieldErrors(res);
      for (const [name] of properties) {
        const codes = errors.filter((e) => e.field === name).map((e) => e.code);
        expect(codes.length, `${operation.label} field ${name}`).toBeGreaterThan(0);
        // The field was sent: a wrong value, not a missing one.
        expect(codes, `${operation.label} field ${name}`).not.toContain('validation.required');
      }
    }
  });

  it('an unknown field → 400 with validation.unrecognized_key', async () => {
    for (const operation of withBody()) {
      const res = await call(t.app, operation.method, concretePath(operation.path), { session: sessionFor(operation), body: { notAField: 1 } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(res), operation.label).toContainEqual({ field: 'notAField', code: 'validation.unrecognized_key' });
    }
  });

  it('a body over 1 MiB → 413 PAYLOAD_TOO_LARGE on every mutation', async () => {
    const huge = JSON.stringify({ padding: 'x'.repeat(1_100_000) });
    for (const operation of mutations()) {
      const res = await call(t.app, operation.method, concretePath(operation.path), { session: sessionFor(operation), rawBody: huge });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('a body that is not JSON → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { rawBody: 'username=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('the admin session survived the walk', async () => {
    expect((await call(t.app, 'GET', '/api/auth/me', { session: admin })).statusCode).toBe(200);
  });
});

const malformedLogin = (headers: Record<string, string>) =>
  call(t.app, 'POST', '/api/auth/login', { rawBody: '{', headers });
const gets = () => operations.filter((o) => o.method === 'GET' && o.permission !== null);

describe('language of the answer', () => {

  it('is Spanish by default, English or French when asked', async () => {
    const spanish = expectProblem(await malformedLogin({}), 400, 'MALFORMED_REQUEST');
    expect(spanish.title).toBe(translate('es-MX', 'errors.MALFORMED_REQUEST.title'));
    const english = expectProblem(await malformedLogin({ 'accept-language': 'en-US,en;q=0.9' }), 400, 'MALFORMED_REQUEST');
    expect(english.title).toBe(translate('en', 'errors.MALFORMED_REQUEST.title'));
    expect(english.title).not.toBe(spanish.title);
    const french = expectProblem(await malformedLogin({ 'accept-language': 'fr-CA' }), 400, 'MALFORMED_REQUEST');
    expect(french.title).toBe(translate('fr', 'errors.MALFORMED_REQUEST.title'));
  });

  it('field messages come from the same catalog', async () => {
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 5, password: 'x' }, headers: { 'accept-language': 'en' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.title).toBe(translate('en', 'errors.VALIDATION_FAILED.title'));
    expect(body.errors).toEqual([{ field: 'username', code: 'validation.invalid_type', message: translate('en', 'validation.invalid_type') }]);
  });

  it('a signed-in user gets their own language', async () => {
    const session = await loginAs(t.app, 'auditor');
    await call(t.app, 'PUT', '/api/auth/language', { session, body: { language: 'fr' } });
    const res = await call(t.app, 'POST', '/api/institutions', { session, body: {}, headers: { 'accept-language': 'en' } });
    expect(expectProblem(res, 403, 'FORBIDDEN').title).toBe(translate('fr', 'errors.FORBIDDEN.title'));
  });
});

describe('query strings and path parameters', () => {
  it('a parameter of the wrong type or format → 400 naming it', async () => {
    let checked = 0;
    for (const operation of gets()) {
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        const { type, format, enum: options } = parameter.schema;
        let bad: string | undefined;
        if (type === 'integer' || type === 'number') bad = 'abc';
        else if (format) bad = 'not-valid';
        else if (options) bad = 'not-an-option';
        if (bad === undefined) continue;
        const res = await call(t.app, 'GET', `${concretePath(operation.path)}?${parameter.name}=${bad}`, { session: sessionFor(operation) });
        expectProblem(res, 400, 'VALIDATION_FAILED');
        expect(fieldErrors(res).map((e) => e.field), `${operation.label}?${parameter.name}`).toContain(`querystring:${parameter.name}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('out-of-range numbers → 400', async () => {
    for (const url of ['/api/users?limit=0', '/api/users?limit=100000', '/api/users?offset=-1', '/api/audit-events?before=0', '/api/audit-events?limit=1.5']) {
      expectProblem(await call(t.app, 'GET', url, { session: admin }), 400, 'VALIDATION_FAILED');
    }
  });

  it('an unknown query parameter → 400 on operations with a query schema', async () => {
    for (const operation of gets().filter((o) => o.parameters.some((p) => p.in === 'query'))) {
      const res = await call(t.app, 'GET', `${concretePath(operation.path)}?notAParameter=1`, { session: sessionFor(operation) });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(res), operation.label).toContainEqual({ field: 'querystring:notAParameter', code: 'validation.unrecognized_key' });
    }
  });

  it('a malformed id in the path → 400, never a 500', async () => {
    const withId = operations.filter((o) => o.path.includes('{id}') && o.permission !== null);
    expect(withId.length).toBeGreaterThanOrEqual(8);
    for (const operation of withId) {
      const res = await call(t.app, operation.method, operation.path.replace('{id}', 'not-a-uuid'), { session: sessionFor(operation), ...(operation.bodySchema ? { body: {} } : {}) });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors?.map((e) => e.field), operation.label).toContain('params:id');
    }
  });

  it('a parameter sent twice (HTTP parameter pollution) → 400 naming it, never the first or last one silently', async () => {
    for (const url of ['/api/users?limit=5&limit=500', '/api/audit-events?action=auth.login&action=auth.logout']) {
      const res = await call(t.app, 'GET', url, { session: admin });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(fieldErrors(res).map((e) => e.field), url).toContain(`querystring:${url.includes('limit') ? 'limit' : 'action'}`);
    }
  });

  it('an unknown /api path → 404 problem+json', async () => {
    const body: ProblemBody = expectProblem(await call(t.app, 'GET', '/api/no-such-thing', { session: admin }), 404, 'NOT_FOUND');
    expect(body.instance).toBe('/api/no-such-thing');
  });
});

/**
 * Text PostgreSQL refuses (NUL) or cannot encode (a lone surrogate) is a 400 naming the field on
 * every operation, whether it comes in the body, the query, the path or a header (ADR 021).
 */
function expectNamed(res: Awaited<ReturnType<typeof call>>, label: string, fields: string[]) {
  expectProblem(res, 400, 'VALIDATION_FAILED');
  const named = fieldErrors(res).filter((e) => e.code === UNSTORABLE_TEXT_CODE).map((e) => e.field);
  expect(named.toSorted(), label).toEqual(fields.toSorted());
}

describe('text the database cannot store', () => {
  const BAD = { NUL: 'x\u0000y', 'lone surrogate': 'x\uD800y' } as const;
  it.each(Object.entries(BAD))('%s in any body field → 400 naming each field', async (_, text) => {
    for (const operation of withBody()) {
      const names = Object.keys(operation.bodySchema!.properties ?? {});
      const body = { ...Object.fromEntries(names.map((name) => [name, text])), nested: { list: ['fine', text] } };
      const res = await call(t.app, operation.method, concretePath(operation.path), { session: sessionFor(operation), body });
      expectNamed(res, operation.label, [...names, 'nested.list.1']);
    }
  });

  it.each(Object.entries(BAD))('%s in a header → 400 naming the header, on every operation', async (_, text) => {
    for (const operation of operations) {
      const res = await call(t.app, operation.method, concretePath(operation.path), {
        session: sessionFor(operation), headers: { 'user-agent': text }, ...(operation.bodySchema ? { body: {} } : {}),
      });
      expectNamed(res, operation.label, ['headers:user-agent']);
    }
  });

  it('NUL in any query or path parameter → 400 naming it, including the anonymous routes', async () => {
    let checked = 0;
    for (const operation of operations) {
      const session = sessionFor(operation);
      const options = { session, ...(operation.bodySchema ? { body: {} } : {}) };
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        const res = await call(t.app, operation.method, `${concretePath(operation.path)}?${parameter.name}=a%00b`, options);
        expectNamed(res, `${operation.label}?${parameter.name}`, [`querystring:${parameter.name}`]);
        checked++;
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        const path = concretePath(operation.path.replace(`{${parameter.name}}`, 'a%00b'));
        expectNamed(await call(t.app, operation.method, path, options), `${operation.label} ${parameter.name}`, [`params:${parameter.name}`]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('a lone surrogate cannot even be percent-encoded in a path: 400 problem, not the router\'s own answer', async () => {
    const res = await call(t.app, 'GET', '/api/public/certificates/%ED%A0%80abc');
    expectProblem(res, 400, 'MALFORMED_REQUEST');
  });

  it('the anonymous sign-in answers 400 in the caller\'s language and writes nothing', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    const res = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'ad\u0000min', password: 'x' }, headers: { 'accept-language': 'en' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: 'username', code: UNSTORABLE_TEXT_CODE, message: translate('en', UNSTORABLE_TEXT_CODE) }]);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
