/**
 * The web app as a browser on localhost sees it (Chromium from Debian, headless): compressed
 * JavaScript downloaded by a cold load of the login page, the claims list and a claim page, first
 * contentful paint, and the time until the list shows its rows. Serves the built app
 * (`npm run build` first) from the API as `npm start` does, against the given PostgreSQL database
 * (filled by the intake or concurrency suite, demo password `bench-password-123`) or a new PGlite.
 * Usage: npm run bench -- web [--database-url postgres://…/bench_db] [--rounds 3]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { PASSWORD } from './intake.ts';
import { ROOT, startServer } from './lib/server.ts';

export interface WebOptions { databaseUrl?: string | undefined; rounds?: number | undefined; port?: number | undefined }

interface PageLoad { jsBytes: number; jsFiles: number; allBytes: number; fcpMs: number | null; readyMs: number }

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Loads `route` in a fresh page of `context` (no cache) and waits for `ready`; counts bytes as received (compressed). */
async function coldLoad(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown>): Promise<PageLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  let jsBytes = 0;
  let jsFiles = 0;
  let allBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      jsBytes += e.encodedDataLength;
      jsFiles++;
    }
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const readyMs = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await page.close();
  return { jsBytes, jsFiles, allBytes, fcpMs: fcp === null ? null : Math.round(fcp), readyMs };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function summarise(loads: PageLoad[]) {
  return {
    jsKB: Math.round(median(loads.map((l) => l.jsBytes)) / 102.4) / 10, jsFiles: median(loads.map((l) => l.jsFiles)),
    allKB: Math.round(median(loads.map((l) => l.allBytes)) / 102.4) / 10,
    fcpMs: median(loads.map((l) => l.fcpMs ?? Number.NaN)), readyMs: median(loads.map((l) => l.readyMs)), runs: loads.length,
  };
}

export async function benchWeb(options: WebOptions) {
  if (!existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) throw new Error('Build the web app first: npm run build');
  const rounds = options.rounds ?? 3;
  const env: Record<string, string> = {
    REFUGIO_DEMO_PASSWORD: PASSWORD, REFUGIO_LOGIN_RATE_LIMIT: '1000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '', REFUGIO_DATA_DIR: path.join(ROOT, '.bench-web-data') }),
  };
  const server = await startServer(env, options.port ?? 3913);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const anonymous = await browser.newContext({ locale: 'es-MX' });
    const signedIn = await browser.newContext({ locale: 'es-MX' });
    const login = await signedIn.request.post(`${server.url}/api/auth/login`, { data: { username: 'supervisor', password: PASSWORD } });
    if (login.status() !== 200) throw new Error(`login: ${login.status()}`);
    const list = await signedIn.request.get(`${server.url}/api/claims?limit=1`);
    const claimId = ((await list.json()) as { items: Array<{ id: string }> }).items[0]?.id;
    if (!claimId) throw new Error('the supervisor sees no claim');
    const pages = {
      login: { url: `${server.url}/login`, context: anonymous, ready: (p: Page) => p.getByRole('button', { name: 'Iniciar sesión' }).waitFor() },
      claims: { url: `${server.url}/claims`, context: signedIn, ready: (p: Page) => p.locator('tbody tr').first().waitFor({ timeout: 60_000 }) },
      claim: { url: `${server.url}/claims/${claimId}`, context: signedIn, ready: (p: Page) => p.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 }) },
    };
    const results: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(pages)) {
      const loads: PageLoad[] = [];
      await coldLoad(spec.context, spec.url, spec.ready); // warm-up: the server's first answers
      for (let i = 0; i < rounds; i++) loads.push(await coldLoad(spec.context, spec.url, spec.ready));
      results[name] = summarise(loads);
      console.error(`${name}: ${JSON.stringify(results[name])}`);
    }
    return { rounds, server: options.databaseUrl ? 'postgres' : 'pglite', pages: results };
  } finally {
    await browser?.close();
    await server.stop();
  }
}
