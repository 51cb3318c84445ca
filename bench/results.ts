/**
 * Results at national scale (ADR 040). Loads synthetic claims straight into the tables, set-based
 * (persons, claims, members, decision clocks, first decisions with each person's outcome,
 * notifications, appeals, review rounds), over ten years before today in COMAR's shapes (domain.md
 * §9: most claims end abandoned or withdrawn; about 70 % of decisions on the merits protect).
 * Then rebuilds the results summaries, and times in process (no HTTP) each view as the roles that
 * read it: the annual UNHCR table (by office and origin, and its XLSX), the national head's
 * dashboard, the observer's (suppressed), the supervisor's office, deadlines and quality.
 * Usage:
 *   npm run bench -- results --database-url postgres://…/bench_db [--claims 1000000] [--rounds 20]
 *   npm run bench -- results [--claims 100000]                    (embedded PGlite, temporary)
 * A database already holding the synthetic claims is reused (only the missing ones are added).
 */
import os from 'node:os';
import type { Database } from '@refugio/db';
import { demoContext, getResultsView, refreshResults, resultTableXlsx, seedDemo, type RequestContext } from '@refugio/domain/server';
import { ZResultsQuery, type ResultView } from '@refugio/domain';
import { withBenchDatabase } from './lib/database.ts';

const BATCH = 50_000;
const year = new Date().getFullYear() - 1;

/** Adds synthetic claims B-<n> up to `target`, BATCH at a time, each batch one transaction. */
async function loadClaims(db: Database, target: number): Promise<{ loaded: number; ms: number; claimsPerSecond: number }> {
  const have = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM claims WHERE claim_number LIKE 'B-%'`)).rows[0]!.n;
  const started = performance.now();
  for (let from = have + 1; from <= target; from += BATCH) {
    const to = Math.min(target, from + BATCH - 1);
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.query(`CREATE TEMP TABLE bench_claims ON COMMIT DROP AS
        WITH o AS (SELECT array_agg(o.id ORDER BY o.code) AS ids FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE i.code = 'COMAR'),
        g AS (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                     (now()::date - floor(random() * 3650)::int) AS lodged FROM generate_series(${from}, ${to}) i)
        SELECT g.i, gen_random_uuid() AS claim_id, gen_random_uuid() AS p1, CASE WHEN g.r1 < 0.45 THEN gen_random_uuid() END AS p2,
               o.ids[CASE WHEN g.r2 < 0.6 THEN 3 WHEN g.r2 < 0.75 THEN 2 WHEN g.r2 < 0.85 THEN 4 WHEN g.r2 < 0.93 THEN 5 ELSE 1 END] AS office_id,
               g.lodged,
               (ARRAY['HND','HND','HND','CUB','CUB','HTI','HTI','VEN','SLV','GTM','NIC','COL'])[1 + floor(g.r3 * 12)::int] AS nat,
               CASE WHEN (now()::date - g.lodged) < 120 AND g.r4 < 0.9 THEN NULL WHEN g.r4 < 0.03 THEN NULL
                    WHEN g.r5 < 0.62 THEN 'abandoned' WHEN g.r5 < 0.75 THEN 'withdrawn'
                    WHEN g.r5 < 0.80 THEN 'refugee_convention' WHEN g.r5 < 0.875 THEN 'refugee_cartagena' WHEN g.r5 < 0.88 THEN 'refugee_sur_place'
                    WHEN g.r5 < 0.915 THEN 'complementary_protection' WHEN g.r5 < 0.99 THEN 'rejected' ELSE 'excluded' END AS outcome,
               least(now()::date - 1, g.lodged + 20 + floor(random() * 150)::int) AS decided,
               random() AS r6
          FROM g, o`);
      await tx.query(`INSERT INTO persons (id, given_names, first_surname, sex, birth_date, nationalities, created_at)
        SELECT p1, 'Sintética', 'B' || i, CASE WHEN r6 < 0.45 THEN 'female' ELSE 'male' END, lodged - (6570 + floor(r6 * 14000)::int), ARRAY[nat], lodged FROM bench_claims
        UNION ALL
        SELECT p2, 'Sintética', 'B' || i || '-2', CASE WHEN r6 < 0.5 THEN 'male' ELSE 'female' END, lodged - floor(r6 * 6000)::int, ARRAY[nat], lodged FROM bench_claims WHERE p2 IS NOT NULL`);
      await tx.query(`INSERT INTO claims (id, claim_number, office_id, principal_person_id, channel, status, lodged_at, calendar_id, decision_due_on, closed_at, created_at)
        SELECT b.claim_id, 'B-' || b.i, b.office_id, b.p1, 'comar_office',
               CASE WHEN b.outcome IS NULL THEN 'under_assessment' WHEN b.outcome IN ('abandoned', 'withdrawn') THEN b.outcome ELSE 'notified' END,
               (b.lodged + time '10:00') AT TIME ZONE 'America/Mexico_City', c.id, due.day,
               CASE WHEN b.outcome IS NOT NULL THEN (b.decided + time '12:00') AT TIME ZONE 'America/Mexico_City' END,
               (b.lodged + time '10:00') AT TIME ZONE 'America/Mexico_City'
          FROM bench_claims b CROSS JOIN (SELECT id FROM calendars WHERE is_default_for_claims) c
          JOIN calendar_days d0 ON d0.calendar_id = c.id AND d0.day = b.lodged
          LEFT JOIN calendar_days due ON due.calendar_id = c.id AND due.is_working AND due.ordinal = d0.ordinal + 45`);
      await tx.query(`INSERT INTO claim_members (claim_id, person_id, relation)
        SELECT claim_id, p1, 'principal' FROM bench_claims UNION ALL SELECT claim_id, p2, 'child' FROM bench_claims WHERE p2 IS NOT NULL`);
      await tx.query(`INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state)
        SELECT b.claim_id, 'decision', c.calendar_id, b.lodged, 45, c.decision_due_on, CASE WHEN b.outcome IS NULL THEN 'running' ELSE 'stopped' END
          FROM bench_claims b JOIN claims c ON c.id = b.claim_id`);
      await tx.query(`INSERT INTO decisions (claim_id, outcome, status, signed_at, submitted_at, review_round, pdf, pdf_sha256, verification_code, issued_office_id)
        SELECT claim_id, outcome, CASE WHEN outcome IN ('abandoned', 'withdrawn') THEN 'recorded' ELSE 'signed' END,
               (decided + time '12:00') AT TIME ZONE 'America/Mexico_City',
               CASE WHEN outcome NOT IN ('abandoned', 'withdrawn') THEN (decided - 7 + time '10:00') AT TIME ZONE 'America/Mexico_City' END,
               CASE WHEN outcome IN ('abandoned', 'withdrawn') THEN 0 WHEN r6 < 0.2 THEN 2 ELSE 1 END,
               CASE WHEN outcome NOT IN ('abandoned', 'withdrawn') THEN '\\x25504446'::bytea END,
               CASE WHEN outcome NOT IN ('abandoned', 'withdrawn') THEN 'synthetic' END,
               CASE WHEN outcome NOT IN ('abandoned', 'withdrawn') THEN 'B-' || i END, office_id
          FROM bench_claims WHERE outcome IS NOT NULL`);
      await tx.query(`INSERT INTO decision_person_outcomes (decision_id, person_id, outcome, derivative)
        SELECT d.id, m.person_id, d.outcome, m.relation <> 'principal'
          FROM bench_claims b JOIN decisions d ON d.claim_id = b.claim_id JOIN claim_members m ON m.claim_id = b.claim_id`);
      await tx.query(`INSERT INTO decision_notifications (decision_id, claim_id, notified_at, place, method, language, acknowledged)
        SELECT d.id, d.claim_id, d.signed_at + interval '3 days', 'Oficina', 'in_person', 'spa', true
          FROM bench_claims b JOIN decisions d ON d.claim_id = b.claim_id WHERE d.status = 'signed'`);
      await tx.query(`INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on)
        SELECT d.claim_id, d.id, b.decided + 10, 'Sintético', CASE WHEN b.decided + 50 < now()::date THEN 'resolved' ELSE 'lodged' END,
               CASE WHEN b.decided + 50 < now()::date THEN (ARRAY['confirmed','confirmed','confirmed','revoked','sent_back'])[1 + floor(b.r6 * 5)::int] END,
               CASE WHEN b.decided + 50 < now()::date THEN b.decided + 50 END
          FROM bench_claims b JOIN decisions d ON d.claim_id = b.claim_id WHERE d.outcome IN ('rejected', 'excluded') AND b.r6 < 0.5`);
    });
    console.error(`results bench: ${to} claims (${Math.round(performance.now() - t0)} ms for ${to - from + 1}; load average ${os.loadavg()[0]!.toFixed(1)})`);
  }
  const ms = performance.now() - started;
  const loaded = Math.max(0, target - have);
  for (const table of ['persons', 'claims', 'claim_members', 'claim_clocks', 'decisions', 'decision_person_outcomes', 'decision_notifications', 'appeals']) {
    await db.query(`VACUUM (ANALYZE) ${table}`);
  }
  return { loaded, ms: Math.round(ms), claimsPerSecond: loaded ? Math.round(loaded / (ms / 1000)) : 0 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(rounds: number, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)), max: Math.round(samples.at(-1)!) };
}

export async function benchResults(options: { databaseUrl?: string | undefined; claims?: number | undefined; rounds?: number | undefined }) {
  const target = options.claims ?? (options.databaseUrl ? 1_000_000 : 100_000);
  const rounds = options.rounds ?? 20;
  return withBenchDatabase('results', options.databaseUrl, async (db) => {
    if ((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n === 0) await seedDemo(db, { password: 'bench-password-123' });
    const load = await loadClaims(db, target);
    const shape = (await db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM persons) AS persons,
              (SELECT count(*)::int FROM decisions) AS decisions, (SELECT count(*)::int FROM appeals) AS appeals`)).rows[0]!;
    const loadBefore = os.loadavg();
    const t0 = performance.now();
    const refresh = await refreshResults(db);
    const refreshMs = Math.round(performance.now() - t0);
    const contexts: Record<string, RequestContext> = {
      jefatura: await demoContext(db, 'jefatura'), acnur: await demoContext(db, 'acnur'), supervisor: await demoContext(db, 'supervisor'),
    };
    const run = (who: string, view: ResultView, query: Record<string, string>) =>
      getResultsView(db, contexts[who]!, { view, query: ZResultsQuery.parse(query) });
    const period = String(year);
    const measures: Record<string, unknown> = {};
    measures.unhcrAnnualTable = await time(rounds, () => run('jefatura', 'rsd', { period, by: 'office,origin' }));
    measures.unhcrAnnualTableBySexAndAge = await time(rounds, () => run('jefatura', 'rsd', { period, by: 'office,origin,sex,age_group' }));
    measures.unhcrAnnualXlsx = await time(Math.min(rounds, 5), async () => {
      const view = await run('jefatura', 'rsd', { period, by: 'office,origin' });
      return resultTableXlsx(view, view.tables[0]!, 'es-MX');
    });
    measures.nationalDashboard = await time(rounds, () => run('jefatura', 'national', { period }));
    measures.observerDashboard = await time(rounds, () => run('acnur', 'national', { period }));
    measures.supervisorOffice = await time(rounds, () => run('supervisor', 'office', { period }));
    measures.deadlines = await time(rounds, () => run('jefatura', 'deadlines', { period }));
    measures.quality = await time(rounds, () => run('jefatura', 'quality', { period }));
    const summaries = (await db.query<{ name: string; n: number }>(
      `SELECT 'applications' AS name, count(*)::int AS n FROM results_applications UNION ALL SELECT 'first_decisions', count(*)::int FROM results_first_decisions
       UNION ALL SELECT 'decision_times', count(*)::int FROM results_decision_times`)).rows;
    return {
      backend: db.kind, target, shape, load, refresh: { ms: refreshMs, rows: refresh?.rows, timings: refresh?.timings }, summaries,
      loadAverage: { beforeMeasures: loadBefore.map((x) => Number(x.toFixed(2))), after: os.loadavg().map((x) => Number(x.toFixed(2))) },
      cores: os.cpus().length, rounds, period, measures,
    };
  });
}
