/**
 * Security headers and caching on the API and the web app it serves, and when cookies are
 * marked Secure behind a proxy (OWASP ASVS 4.0.3 V3.4.1, V8.2.1, V14.4).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, PERMISSIONS_POLICY } from './app.ts';
import { trustProxyFromEnv } from './config.ts';
import { TEST_PASSWORD, call, createTestApp, sessionCookie, testConfig, type TestApp } from './testing/test-app.ts';
import type { App } from './types.ts';

let t: TestApp;
let web: string;
const BUNDLE = `export const words = ${JSON.stringify('refugio '.repeat(400))};`;
const extra: App[] = [];

beforeAll(async () => {
  web = await mkdtemp(path.join(os.tmpdir(), 'refugio-web-'));
  await mkdir(path.join(web, 'assets'));
  await writeFile(path.join(web, 'index.html'), '<!doctype html><script type="module" src="/assets/index-Bx7k2Q.js"></script>');
  await writeFile(path.join(web, 'assets', 'index-Bx7k2Q.js'), 'console.log(1)');
  // As the build writes them (apps/web/vite.config.ts): compressed copies beside the file.
  await writeFile(path.join(web, 'assets', 'app-Q9z1Xc.js'), BUNDLE);
  await writeFile(path.join(web, 'assets', 'app-Q9z1Xc.js.br'), brotliCompressSync(BUNDLE));
  await writeFile(path.join(web, 'assets', 'app-Q9z1Xc.js.gz'), gzipSync(BUNDLE));
  await writeFile(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ webDist: web });
});
afterAll(async () => {
  for (const app of extra) await app.close();
  await t?.close();
  await rm(web, { recursive: true, force: true });
});

describe('headers', () => {
  it('every answer carries a Permissions-Policy refusing the features Refugio does not use', async () => {
    for (const url of ['/api/health', '/', '/assets/index-Bx7k2Q.js', '/api/no-such-thing']) {
      const res = await call(t.app, 'GET', url);
      expect(res.headers['permissions-policy'], url).toBe(PERMISSIONS_POLICY);
    }
    expect(PERMISSIONS_POLICY).toContain('camera=()');
    expect(PERMISSIONS_POLICY).toContain('geolocation=()');
  });

  it('index.html is revalidated on every load, wherever it is reached from; hashed assets are immutable', async () => {
    for (const url of ['/', '/index.html', '/claims/5e551017-0000-4000-8000-000000000001', '/favicon.svg']) {
      const res = await call(t.app, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await call(t.app, 'GET', '/assets/index-Bx7k2Q.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the precompressed copy the browser accepts, with Content-Encoding and Vary, and the plain file otherwise', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/app-Q9z1Xc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);
    const gz = await t.app.inject({ method: 'GET', url: '/assets/app-Q9z1Xc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url: '/assets/app-Q9z1Xc.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(BUNDLE);
  });

  it('API answers are never stored', async () => {
    expect((await call(t.app, 'GET', '/api/health')).headers['cache-control']).toBe('no-store');
    const login = await call(t.app, 'POST', '/api/auth/login', { body: { username: 'admin', password: TEST_PASSWORD } });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});

const login = (app: App, headers: Record<string, string>, remoteAddress: string) =>
  call(app, 'POST', '/api/auth/login', { body: { username: 'admin', password: TEST_PASSWORD }, headers, remoteAddress });

describe('Secure cookies behind a proxy', () => {
  it('reads REFUGIO_TRUST_PROXY as off, everyone, or a list of addresses and ranges', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('0')).toBe(false);
    expect(trustProxyFromEnv('1')).toBe(true);
    expect(trustProxyFromEnv(' 10.0.0.5, 172.16.0.0/12 ')).toEqual(['10.0.0.5', '172.16.0.0/12']);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS, and believes nobody else', async () => {
    const app = await buildApp({ db: t.db, config: testConfig({ trustProxy: ['10.0.0.5'] }), logger: false });
    extra.push(app);
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.30' };
    const viaProxy = await login(app, https, '10.0.0.5');
    expect(viaProxy.statusCode).toBe(200);
    expect(sessionCookie(viaProxy)?.secure).toBe(true);
    // The client's address, as the trusted proxy gave it, is what the audit trail records.
    const { rows } = await t.db.query<{ ip: string }>(`SELECT ip FROM audit_events WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]!.ip).toBe('198.51.100.30');
    // The same headers from a peer that is not the proxy are ignored.
    const direct = await login(app, https, '203.0.113.40');
    expect(direct.statusCode).toBe(200);
    expect(sessionCookie(direct)?.secure).toBeFalsy();
  });

  it('REFUGIO_SECURE_COOKIES=1 marks them Secure whatever the request said', async () => {
    const app = await buildApp({ db: t.db, config: testConfig({ secureCookies: true }), logger: false });
    extra.push(app);
    expect(sessionCookie(await login(app, {}, '127.0.0.1'))?.secure).toBe(true);
  });
});
