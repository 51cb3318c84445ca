/**
 * Reads under concurrency (ADR 032): claim file and work queue with 8 clients while
 * `pg_stat_activity` is sampled every 25 ms for backends waiting on a lock, then the API's p50
 * against the p50 of the same SQL run directly, interleaved request by request in one run.
 * PostgreSQL only (the lock sampling reads the server's activity view).
 * Usage:
 *   npm run bench -- concurrency --database-url postgres://…/bench_db [--claims 100000] [--concurrency 8] [--seconds 10]
 * The database is filled like the intake suite's (`refugio synthetic load`) up to --claims.
 */
import { Client } from 'pg';
import { loadavg } from 'node:os';
import { openDatabase, type Database } from '@refugio/db';
import { ZClaimQuery } from '@refugio/domain';
import { authSettingsFromEnv, getClaimUnaudited, listClaims, loadSession, sealAuditEvents } from '@refugio/domain/server';
import { SYNTHETIC_CREATOR_ID } from '../apps/cli/src/synthetic/load.ts';
import { call, login, PASSWORD, runCli, type Session } from './intake.ts';
import { percentile, runLoad, type LoadResult } from './lib/load.ts';
import { startServer } from './lib/server.ts';

export interface ConcurrencyOptions {
  databaseUrl?: string | undefined;
  claims?: number | undefined;
  seconds?: number | undefined;
  concurrency?: number | undefined;
  port?: number | undefined;
}

interface LockSampling { samples: number; withWaiter: number; shareWithWaiter: number; meanWaiters: number; advisoryShare: number }

/** Samples every 25 ms: how many backends of this database wait on a heavyweight lock (advisory included). */
function sampleLocks(url: string): { stop(): Promise<LockSampling> } {
  const client = new Client({ connectionString: url });
  const state = { running: true };
  let samples = 0;
  let withWaiter = 0;
  let withAdvisory = 0;
  let waiters = 0;
  const loop = (async () => {
    await client.connect();
    while (state.running) {
      const { rows } = await client.query<{ lock: number; advisory: number }>(
        `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock,
                count(*) FILTER (WHERE wait_event_type = 'Lock' AND wait_event = 'advisory')::int AS advisory
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      samples++;
      waiters += rows[0]!.lock;
      if (rows[0]!.lock > 0) withWaiter++;
      if (rows[0]!.advisory > 0) withAdvisory++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.end();
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      const share = (n: number) => Math.round((n / Math.max(1, samples)) * 1000) / 10;
      return { samples, withWaiter, shareWithWaiter: share(withWaiter), meanWaiters: Math.round((waiters / Math.max(1, samples)) * 100) / 100, advisoryShare: share(withAdvisory) };
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** API and SQL one after the other, `rounds` times: p50 of each and their ratio, on the same ids. */
async function interleaved(rounds: number, api: (i: number) => Promise<void>, sql: (i: number) => Promise<void>) {
  const apiMs: number[] = [];
  const sqlMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    await api(i);
    apiMs.push(performance.now() - t0);
    t0 = performance.now();
    await sql(i);
    sqlMs.push(performance.now() - t0);
  }
  apiMs.sort((a, b) => a - b);
  sqlMs.sort((a, b) => a - b);
  const apiP50 = percentile(apiMs, 50);
  const sqlP50 = percentile(sqlMs, 50);
  return { rounds, apiP50: round(apiP50), sqlP50: round(sqlP50), ratio: round(apiP50 / sqlP50) };
}

export async function benchConcurrency(options: ConcurrencyOptions) {
  if (!options.databaseUrl) throw new Error('The concurrency suite needs --database-url (PostgreSQL): it samples pg_stat_activity.');
  const url = options.databaseUrl;
  const target = options.claims ?? 100_000;
  const seconds = options.seconds ?? 10;
  const concurrency = options.concurrency ?? 8;
  const env: Record<string, string> = { DATABASE_URL: url, REFUGIO_DEMO_PASSWORD: PASSWORD, REFUGIO_LOGIN_RATE_LIMIT: '1000000' };
  const results: Record<string, unknown> = { backend: 'postgres', claimsTarget: target, concurrency, secondsPerMeasure: seconds };

  const db: Database = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  try {
    const n = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
    if ((await n(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'institutions'`)) === 0
      || (await n('SELECT count(*)::int AS n FROM institutions')) === 0) {
      await runCli(['seed-demo', '--password', PASSWORD], env);
    }
    const have = await n('SELECT count(*)::int AS n FROM claims WHERE created_by = $1', [SYNTHETIC_CREATOR_ID]);
    if (have < target) results.load = JSON.parse(await runCli(['synthetic', 'load', '--claims', String(target - have), '--json'], env));
    for (const table of ['persons', 'claims', 'claim_members', 'claim_clocks', 'vulnerability_flags', 'audit_events']) {
      await db.query(`VACUUM (ANALYZE) ${table}`);
    }
    results.claims = await n('SELECT count(*)::int AS n FROM claims');
    const office = (await db.query<{ id: string }>(`SELECT id FROM offices WHERE code = 'COMAR-TAP'`)).rows[0]!.id;
    const claimIds = (await db.query<{ id: string }>(
      'SELECT id FROM claims WHERE office_id = $1 ORDER BY md5(id::text) LIMIT 500', [office])).rows.map((r) => r.id);
    const listQuery = ZClaimQuery.parse({ officeId: office, status: 'interviewed,under_assessment', limit: '50' });
    const listRoute = `/api/claims?officeId=${office}&status=interviewed,under_assessment&limit=50`;

    const server = await startServer(env, options.port ?? 3912);
    try {
      const supervisor: Session = await login(server.url, 'supervisor');
      const token = /refugio_session=([^;]+)/.exec(supervisor.cookie)?.[1];
      const loaded = token ? await loadSession(db, decodeURIComponent(token), authSettingsFromEnv({})) : null;
      if (!loaded) throw new Error('no session for the supervisor');
      const get = async (route: string) => {
        const response = await call(server.url, supervisor, 'GET', route);
        await response.arrayBuffer();
        return response.status === 200;
      };
      const measure = async (label: string, clients: number, send: (i: number) => Promise<boolean>) => {
        await runLoad({ concurrency: clients, durationMs: 2000, send: (_w, i) => send(i) }); // warm-up
        const load1Before = loadavg()[0]!;
        const locks = sampleLocks(url);
        const result: LoadResult = await runLoad({ concurrency: clients, durationMs: seconds * 1000, send: (_w, i) => send(i) });
        const sampling = await locks.stop();
        const load = { before: round(load1Before), after: round(loadavg()[0]!) };
        console.error(`${label} (${clients} clients): p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms, ${result.perSecond}/s, `
          + `lock waiter in ${sampling.shareWithWaiter} % of ${sampling.samples} samples, load ${load.before}→${load.after}`);
        return { ...result, locks: sampling, loadAverage1m: load };
      };
      const detail = (i: number) => get(`/api/claims/${claimIds[i % claimIds.length]}`);
      const list = () => get(listRoute);
      results.detail8 = await measure('claim detail', concurrency, detail);
      results.list8 = await measure('list, first page', concurrency, list);
      results.detail1 = await measure('claim detail', 1, detail);
      results.list1 = await measure('list, first page', 1, list);
      // The same statements the routes run for what they show, from this process, alternating with the route.
      results.ratioDetail = await interleaved(300, async (i) => void (await detail(i)),
        async (i) => void (await getClaimUnaudited(db, loaded.actor, claimIds[i % claimIds.length]!)));
      results.ratioList = await interleaved(300, async () => void (await list()),
        async () => void (await listClaims(db, loaded.actor, listQuery)));
      console.error(`API p50 ÷ SQL p50: detail ${JSON.stringify(results.ratioDetail)}, list ${JSON.stringify(results.ratioList)}`);
    } finally {
      await server.stop();
    }
    results.unsealedAfterShutdown = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE seq IS NULL')).rows[0]!.n;
    // Whatever the server left (none after a clean shutdown), so the next run starts sealed.
    await sealAuditEvents(db);
  } finally {
    await db.close();
  }
  return results;
}
