/**
 * Intake at national scale (ADR 012). Fills the database with synthetic claims through the
 * CLI (`refugio synthetic load`, progress bar on a terminal) up to --claims, then starts the API as
 * `npm start` does, signs in as the demo roles that use each screen, and reports p50/p95/p99 of:
 * the work queue (office + status filter, sorted by due date; first page and deep keyset pages),
 * claim detail, the duplicate check for a new person, search by name and by claim number, and the
 * risk-band counts; then times a suspension declared through the calendars API (preview and apply).
 * Usage:
 *   npm run bench -- intake --database-url postgres://…/db [--claims 1000000]   (a demo/bench database)
 *   npm run bench -- intake [--data-dir DIR] [--claims 100000]                    (embedded PGlite)
 * Options: --seconds S per measure (default 10), --concurrency C (default 8), --no-suspension.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fakerES_MX, fakerFR } from '@faker-js/faker';
import { migrate, openDatabase, type Database, type DatabaseConfig } from '@refugio/db';
import { encodeCursor } from '@refugio/domain/server';
import { buildNamePools, generateBatch } from '../apps/cli/src/synthetic/generate.ts';
import { SYNTHETIC_CREATOR_ID } from '../apps/cli/src/synthetic/load.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { ROOT, startServer } from './lib/server.ts';

export const PASSWORD = 'bench-password-123';
const OPEN = `('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment', 'decision_drafted', 'in_review', 'late_filing_review')`;

export interface IntakeOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  claims?: number | undefined;
  seconds?: number | undefined;
  concurrency?: number | undefined;
  port?: number | undefined;
  suspension?: boolean | undefined;
}

export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'apps/cli/bin/refugio.js'), ...args], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`refugio ${args.join(' ')} exited with ${code}`))));
  });
}

async function withDb<T>(config: DatabaseConfig, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function count(db: Database, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
}

export interface Session { cookie: string; csrf: string }

export async function login(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken };
}

export async function call(url: string, session: Session, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${route}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function benchIntake(options: IntakeOptions) {
  const target = options.claims ?? (options.databaseUrl ? 1_000_000 : 100_000);
  const seconds = options.seconds ?? 10;
  const concurrency = options.concurrency ?? 8;
  const dataDir = options.dataDir ?? (options.databaseUrl ? path.join(os.tmpdir(), 'unused') : mkdtempSync(path.join(os.tmpdir(), 'refugio-intake-')));
  const config: DatabaseConfig = options.databaseUrl ? { databaseUrl: options.databaseUrl, dataDir } : { dataDir };
  const env: Record<string, string> = {
    REFUGIO_DATA_DIR: dataDir, REFUGIO_DEMO_PASSWORD: PASSWORD, REFUGIO_LOGIN_RATE_LIMIT: '1000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
  };
  const results: Record<string, unknown> = { backend: options.databaseUrl ? 'postgres' : 'pglite', dataDir: options.databaseUrl ? undefined : dataDir };

  // 1. Data: a demo database filled through the CLI up to `target` synthetic claims.
  const have = await withDb(config, async (db) => {
    await migrate(db);
    return {
      institutions: await count(db, 'SELECT count(*)::int AS n FROM institutions'),
      synthetic: await count(db, 'SELECT count(*)::int AS n FROM claims WHERE created_by = $1', [SYNTHETIC_CREATOR_ID]),
    };
  });
  if (have.institutions === 0) await runCli(['seed-demo', '--password', PASSWORD], env);
  if (have.synthetic < target) {
    // Two connections on PostgreSQL (the loader's --jobs): one core each.
    const out = await runCli(['synthetic', 'load', '--claims', String(target - have.synthetic), '--json', ...(options.databaseUrl ? ['--jobs', '2'] : [])], env);
    results.load = JSON.parse(out);
  } else {
    results.load = { skipped: `already ${have.synthetic} synthetic claims` };
  }

  // 2. What the requests ask for, sampled before the server holds the database (PGlite: one process).
  const sample = await withDb(config, async (db) => {
    // Whatever autovacuum did or not: visibility maps set and statistics fresh before measuring.
    for (const table of ['persons', 'claims', 'claim_members', 'claim_clocks', 'claim_events', 'vulnerability_flags']) {
      await db.query(`VACUUM (ANALYZE) ${table}`);
    }
    const shape = (await db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM claims WHERE status IN ${OPEN}) AS "openClaims",
              (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM claim_members) AS members,
              (SELECT count(*)::int FROM claim_clocks) AS clocks, (SELECT count(*)::int FROM vulnerability_flags) AS flags,
              (SELECT count(*)::int FROM claim_events) AS "timelineEntries"`)).rows[0]!;
    const office = (await db.query<{ id: string }>(`SELECT id FROM offices WHERE code = 'COMAR-TAP'`)).rows[0]!.id;
    const statuses = 'interviewed,under_assessment';
    const filtered = `FROM claims c WHERE c.office_id = $1 AND c.status IN ('interviewed', 'under_assessment')`;
    const inFilter = await count(db, `SELECT count(*)::int AS n ${filtered}`, [office]);
    const cursors: string[] = [];
    for (let i = 0; i < 20; i++) {
      const offset = Math.floor(((i + 0.5) / 20) * Math.max(0, inFilter - 60));
      const row = (await db.query<{ due: string; id: string }>(
        `SELECT CASE WHEN c.decision_due_on IS NULL THEN 'infinity' ELSE to_char(c.decision_due_on, 'YYYY-MM-DD') END AS due, c.id
           ${filtered} ORDER BY COALESCE(c.decision_due_on, 'infinity'::date), c.id OFFSET $2 LIMIT 1`, [office, offset])).rows[0];
      if (row) cursors.push(encodeCursor(row));
    }
    const claimIds = (await db.query<{ id: string }>(
      'SELECT id FROM claims WHERE office_id = $1 ORDER BY md5(id::text) LIMIT 300', [office])).rows.map((r) => r.id);
    const numbers = (await db.query<{ claim_number: string }>(
      'SELECT claim_number FROM claims WHERE office_id = $1 ORDER BY md5(id::text) LIMIT 300', [office])).rows.map((r) => r.claim_number);
    const names = (await db.query<{ q: string }>(
      `SELECT concat_ws(' ', split_part(p.given_names, ' ', 1), p.first_surname) AS q
         FROM claims c JOIN persons p ON p.id = c.principal_person_id WHERE c.office_id = $1 AND p.first_surname IS NOT NULL
        ORDER BY md5(c.id::text) LIMIT 300`, [office])).rows.map((r) => r.q);
    const calendar = (await db.query<{ id: string; version: number }>(
      'SELECT id, version FROM calendars WHERE is_default_for_claims AND operation_id = 1')).rows[0]!;
    const today = (await db.query<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'America/Mexico_City')::date, 'YYYY-MM-DD') AS d`)).rows[0]!.d;
    return { shape, office, statuses, inFilter, cursors, claimIds, numbers, names, calendar, today };
  });
  results.dataShape = { ...sample.shape, tapachulaInterviewedOrUnderAssessment: sample.inFilter };

  // New persons for the duplicate check: another seed of the same generator, so the names are plausible.
  const pools = buildNamePools(fakerES_MX, fakerFR, 777);
  const fresh = generateBatch({ seed: 777, today: sample.today, total: 300, officeWeights: [1], officersPerOffice: [0], pools }, 0, 300)
    .map((c) => c.members[0]!.person)
    .map((p) => ({ givenNames: p.givenNames, firstSurname: p.firstSurname, secondSurname: p.secondSurname, birthDate: p.birthDate,
      birthDateEstimated: p.birthDateEstimated, nationalities: p.nationalities }));

  // 3. HTTP load.
  const server = await startServer(env, options.port ?? 3911);
  try {
    const supervisor = await login(server.url, 'supervisor');
    const clerk = await login(server.url, 'registro');
    const admin = await login(server.url, 'admin');
    const measure = async (label: string, send: (i: number) => Promise<Response>): Promise<LoadResult> => {
      const one = async (i: number) => {
        const response = await send(i);
        await response.arrayBuffer();
        if (response.status !== 200 && i < 3) console.error(`${label}: HTTP ${response.status}`);
        return response.status === 200;
      };
      await runLoad({ concurrency, durationMs: 2000, send: (_w, i) => one(i) }); // warm-up
      const result = await runLoad({ concurrency, durationMs: seconds * 1000, send: (_w, i) => one(i) });
      console.error(`${label}: p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms (${result.perSecond}/s, ${result.errors} errors)`);
      return result;
    };
    const list = `/api/claims?officeId=${sample.office}&status=${sample.statuses}&limit=50`;
    const http: Record<string, LoadResult> = {};
    http.listFirstPage = await measure('list, first page', () => call(server.url, supervisor, 'GET', list));
    http.listDeepPage = await measure('list, deep keyset page', (i) =>
      call(server.url, supervisor, 'GET', `${list}&cursor=${sample.cursors[i % sample.cursors.length]}`));
    http.detail = await measure('claim detail', (i) => call(server.url, supervisor, 'GET', `/api/claims/${sample.claimIds[i % sample.claimIds.length]}`));
    http.duplicateCheckNewPerson = await measure('duplicate check, new person', (i) =>
      call(server.url, clerk, 'POST', '/api/persons/duplicate-check', fresh[i % fresh.length]));
    http.searchName = await measure('search, name', (i) =>
      call(server.url, supervisor, 'GET', `/api/claims?q=${encodeURIComponent(sample.names[i % sample.names.length]!)}&limit=50`));
    http.searchClaimNumber = await measure('search, claim number', (i) =>
      call(server.url, supervisor, 'GET', `/api/claims?q=${encodeURIComponent(sample.numbers[i % sample.numbers.length]!.slice(0, -1))}&limit=50`));
    // No built-in role reads every office's claims, so the counts are the supervisor's office.
    http.riskCountsOffice = await measure('risk counts, office (supervisor)', () => call(server.url, supervisor, 'GET', '/api/claims/risk-counts'));
    results.http = http;
    results.load_settings = { concurrency, secondsPerMeasure: seconds, warmUpSeconds: 2 };

    // 4. A suspension on the default claim calendar: like 2020's, declared over the last twelve
    // months and the next two weeks, so it moves every clock whose window overlaps that.
    if (options.suspension !== false) {
      const from = new Date(Date.parse(`${sample.today}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.parse(`${sample.today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      const rule = { kind: 'suspension', label: 'Suspensión de plazos (benchmark)', source: 'DOF (benchmark, ficticio)', from, to };
      // A previous run's suspension is removed first (timed too: it moves the due dates back).
      let version = sample.calendar.version;
      const detail = (await (await call(server.url, admin, 'GET', `/api/calendars/${sample.calendar.id}`)).json()) as {
        rules: Array<{ id: string; label: string; calendarId: string }>;
      };
      const previous = detail.rules.find((r) => r.label === rule.label && r.calendarId === sample.calendar.id);
      if (previous) {
        const removeStarted = performance.now();
        const removed = await call(server.url, admin, 'DELETE', `/api/calendars/${sample.calendar.id}/rules/${previous.id}?version=${version}`);
        const removedBody = (await removed.json()) as { recomputation?: unknown; calendar?: { version: number } };
        results.previousSuspensionRemoved = { status: removed.status, ms: Math.round(performance.now() - removeStarted), moved: removedBody.recomputation };
        console.error(`previous bench suspension removed: ${JSON.stringify(results.previousSuspensionRemoved)}`);
        version = removedBody.calendar?.version ?? version + 1;
      }
      let started = performance.now();
      const preview = await call(server.url, admin, 'POST', `/api/calendars/${sample.calendar.id}/rules/preview`, { rule });
      const previewBody = (await preview.json()) as unknown;
      const previewMs = Math.round(performance.now() - started);
      started = performance.now();
      const apply = await call(server.url, admin, 'POST', `/api/calendars/${sample.calendar.id}/rules`, { version, rule });
      const applyBody = (await apply.json()) as { recomputation?: unknown };
      const applyMs = Math.round(performance.now() - started);
      results.suspension = { from, to, previewStatus: preview.status, previewMs, preview: previewBody, applyStatus: apply.status, applyMs,
        moved: applyBody.recomputation ?? applyBody };
      console.error(`suspension ${from}..${to}: preview ${previewMs} ms, apply ${applyMs} ms, ${JSON.stringify(applyBody.recomputation ?? applyBody)}`);
    }
  } finally {
    await server.stop();
  }
  return results;
}
