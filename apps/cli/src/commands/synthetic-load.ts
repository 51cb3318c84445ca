import { todayIn } from '@refugio/domain';
import { cliContext } from '../cli-context.ts';
import { CliError, flag, stringOption, UsageError, type Command } from '../command.ts';
import { describeTarget, withDatabase } from '../database.ts';
import { rowProgress } from '../progress.ts';
import { buildNamePools } from '../synthetic/generate.ts';
import {
  buildIndexesSetAside, generateBatch, generatorSetup, insertBatch, LOADED_TABLES, prepareLoad, restoreSetAsideIndexes, setIndexesAside,
  whyNotSyntheticTarget, type BatchCounts,
} from '../synthetic/load.ts';

const MAX_CLAIMS = 10_000_000;

function wholeNumber(ctx: Parameters<Command['run']>[0], name: string, fallback: number | null, min: number, max: number): number {
  const raw = stringOption(ctx, name);
  if (raw === undefined || raw.trim() === '') {
    if (fallback === null) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export const syntheticLoadCommand: Command = {
  name: 'synthetic load',
  summary: 'Fill a demo or benchmark database with N synthetic claims (fake families, flags, clocks, statuses).',
  details: [
    'For benchmarks and demonstrations only: it writes FAKE people into the database. It refuses any database that was not '
      + 'seeded as a demo (seed-demo, or the server\'s first start with REFUGIO_DEMO=1) or that holds a claim registered by a '
      + 'person; --force overrides that check (never on a real case database).',
    'Deterministic for a --seed: names from faker (es_MX, fr for Haiti), the nationality mix and outcome shapes of COMAR\'s published statistics, '
      + 'families with dependants and unaccompanied children, vulnerability flags, lodging dates over the last ten years in order '
      + '(claim numbers continue each office\'s counters), officers, and due dates from the materialized calendar.',
    'Each batch is one transaction of multi-row inserts with one audit event "synthetic.loaded" carrying its counts (not one '
      + 'event per claim). Needs the faker dev dependency (npm ci without --omit=dev).',
    'On PostgreSQL, when the claims to load outnumber those present, the secondary indexes of the loaded tables are dropped '
      + 'first and built once after the load (their definitions are audited first; a load killed half-way gets them back at the '
      + 'next run). Unique indexes, primary and foreign keys stay.',
  ],
  options: {
    claims: { type: 'string', value: 'N', description: 'Number of claims to load', required: true },
    seed: { type: 'string', value: 'S', description: 'Seed of the generator (default 1)' },
    'batch-size': { type: 'string', value: 'N', description: 'Claims per transaction (default 5000)' },
    jobs: { type: 'string', value: 'N', description: 'Batches written at once on PostgreSQL, one connection each (default 1)' },
    force: { type: 'boolean', description: 'Load even into a database not flagged as a demo database' },
  },
  json: true,
  async run(ctx) {
    const total = wholeNumber(ctx, 'claims', null, 1, MAX_CLAIMS);
    const seed = wholeNumber(ctx, 'seed', 1, 0, 2 ** 31 - 1);
    const batchSize = wholeNumber(ctx, 'batch-size', 5000, 1, 50_000);
    const jobs = wholeNumber(ctx, 'jobs', 1, 1, 8);
    let fakerModule: typeof import('@faker-js/faker');
    try {
      fakerModule = await import('@faker-js/faker');
    } catch {
      throw new CliError('The synthetic generator needs @faker-js/faker, a development dependency (run npm ci without --omit=dev).');
    }
    return withDatabase(ctx.io, { prepare: 'ready' }, async (db, config) => {
      const why = await whyNotSyntheticTarget(db);
      if (why && !flag(ctx, 'force')) {
        throw new CliError(`Refusing to load synthetic people into the ${describeTarget(config)}: ${why}. `
          + 'Use a demo or benchmark database, or --force if you are certain.');
      }
      const context = cliContext();
      const rebuilt = await restoreSetAsideIndexes(db, context);
      if (rebuilt.length > 0) ctx.note(`Built ${rebuilt.length} index(es) an interrupted load had set aside.`);
      const plan = await prepareLoad(db, context);
      const pools = buildNamePools(fakerModule.fakerES_MX, fakerModule.fakerFR, seed);
      const setup = generatorSetup(plan, { seed, today: todayIn(), total, pools });
      ctx.note(`Loading ${total} synthetic claims into the ${describeTarget(config)} (seed ${seed}, ${batchSize} per transaction)…`);
      const progress = rowProgress(ctx.io, 'claims');
      const sum: BatchCounts = { claims: 0, persons: 0, members: 0, clocks: 0, flags: 0, events: 0, assignments: 0, open: 0, nearDuplicates: 0 };
      const timings = new Map<string, number>();
      const started = performance.now();
      const setAside = await setIndexesAside(db, context, total);
      // Batches are taken in index order (claim numbers are assigned when a batch is taken), by
      // --jobs connections at once: PostgreSQL spends most of a batch computing the persons'
      // generated name keys, so two connections use two cores.
      let nextFrom = 0;
      let failed = false;
      const worker = async () => {
        while (!failed && nextFrom < total) {
          const from = nextFrom;
          nextFrom += batchSize;
          const claims = generateBatch(setup, from, Math.min(batchSize, total - from));
          try {
            const counts = await insertBatch(db, context, plan, claims, { seed, from }, timings);
            for (const key of Object.keys(sum) as Array<keyof BatchCounts>) sum[key] += counts[key];
            progress.update(sum.claims, total);
          } catch (error) {
            failed = true;
            throw error;
          }
        }
      };
      try {
        const outcomes = await Promise.allSettled(Array.from({ length: db.kind === 'postgres' ? jobs : 1 }, worker));
        const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        if (failure) throw failure.reason;
      } finally {
        progress.stop();
        if (setAside.length > 0) ctx.note(`Building ${setAside.length} secondary indexes…`);
        const indexStarted = performance.now();
        await buildIndexesSetAside(db, context, setAside, jobs);
        timings.set('(indexes built after the load)', performance.now() - indexStarted);
      }
      const loadMs = performance.now() - started;
      const analyzeStarted = performance.now();
      for (const table of LOADED_TABLES) {
        // VACUUM too: it sets the visibility map, so counts are index-only scans from the start.
        await db.query(`VACUUM (ANALYZE) ${table}`);
      }
      const analyzeMs = performance.now() - analyzeStarted;
      const result = {
        ...sum, seed, batchSize, jobs, seconds: Math.round(loadMs / 100) / 10, claimsPerSecond: Math.round(sum.claims / (loadMs / 1000)),
        analyzeSeconds: Math.round(analyzeMs / 100) / 10,
        secondsPerTable: Object.fromEntries([...timings].map(([table, ms]) => [table, Math.round(ms / 100) / 10])),
      };
      if (ctx.json) {
        ctx.print(JSON.stringify(result));
        return 0;
      }
      ctx.print(`Loaded ${sum.claims} synthetic claims (${sum.open} open), ${sum.persons} persons (${sum.nearDuplicates} near-duplicates), `
        + `${sum.clocks} clocks, ${sum.flags} flags, ${sum.events} timeline entries, ${sum.assignments} assignments `
        + `in ${result.seconds} s (${result.claimsPerSecond} claims/s; VACUUM ANALYZE ${result.analyzeSeconds} s).`);
      ctx.print(`Seconds per table: ${Object.entries(result.secondsPerTable).map(([t, s]) => `${t} ${s}`).join(', ')}.`);
      return 0;
    });
  },
};
