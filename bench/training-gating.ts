/**
 * Competency gating at scale (ADR 014): `--officers` eligibility officers (500 by default) in five
 * offices (the largest with 40 % of them, as Tapachula takes most claims) holding
 * realistic grants (most hold the core competencies, fewer the advanced ones; some expired, some
 * renewed, a few revoked), each with an open caseload of flagged and unflagged claims. Times, in
 * process, the gating check for one officer and one claim (target ≤ 5 ms p95) and "who can take
 * this claim" for claims of the largest office, over all its officers (target ≤ 50 ms p95).
 * Usage: npm run bench -- gating [--officers 500] [--claims 20000] [--queries 500] [--database-url postgres://…/db]
 *        (without --database-url: embedded PGlite in a temporary folder)
 */
import type { Database } from '@refugio/db';
import { checkGating, rankOfficersForClaim, resolveCalendar } from '@refugio/domain/server';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Share of officers holding each competency (core ones nearly all, advanced ones far fewer). */
const HOLDING: Array<[code: string, share: number]> = [
  ['interview_techniques', 0.95], ['evidence_assessment', 0.9], ['inclusion', 0.85], ['country_information', 0.6],
  ['interviewing_children', 0.3], ['interviewing_vulnerable_persons', 0.35], ['gender_sogi', 0.2], ['exclusion', 0.15],
  ['trafficking', 0.1], ['drafting_decisions', 0.5],
];
/** Share of claims with each flag (a claim may have several). */
const FLAGS: Array<[category: string, share: number]> = [
  ['child', 0.3], ['unaccompanied_child', 0.04], ['lgbtiq', 0.05], ['violence_survivor', 0.12], ['mental_disorder', 0.04],
  ['pregnant', 0.05], ['trafficking', 0.02],
];

/** Officers per office: Tapachula-like 40 %, then 20, 15, 15 and 10 % (by officer number mod 20). */
const OFFICE_OF_OFFICER_SQL = `CASE WHEN n % 20 < 8 THEN 0 WHEN n % 20 < 12 THEN 1 WHEN n % 20 < 15 THEN 2 WHEN n % 20 < 18 THEN 3 ELSE 4 END`;

async function load(db: Database, officers: number, claims: number) {
  const prefix = `BENCH-GATE-${Date.now()}`;
  const institution = (await db.query<{ id: string }>(
    `INSERT INTO institutions (code, name, kind) VALUES ($1, 'Bench', 'asylum_authority') RETURNING id`, [prefix])).rows[0]!.id;
  const offices = (await db.query<{ id: string }>(
    `INSERT INTO offices (institution_id, code, name, kind, state_code)
     SELECT $1, $2 || '-' || k, 'Bench office ' || k, 'regional', 'MX-CHP' FROM generate_series(0, 4) k ORDER BY k RETURNING id`,
    [institution, prefix])).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO users (username, full_name, institution_id, password_hash)
     SELECT $1 || '-' || i, 'Oficial ' || i, $2, 'x' FROM generate_series(1, $3) i`, [prefix, institution, officers]);
  await db.query(`INSERT INTO user_roles (user_id, role_id)
     SELECT u.id, r.id FROM users u, roles r WHERE u.username LIKE $1 || '-%' AND r.code = 'eligibility_officer'`, [prefix]);
  await db.query(
    `INSERT INTO user_offices (user_id, office_id)
     SELECT id, ($2::uuid[])[1 + ${OFFICE_OF_OFFICER_SQL}]
       FROM (SELECT id, (regexp_match(username, '(\\d+)$'))[1]::int AS n FROM users WHERE username LIKE $1 || '-%') u`,
    [prefix, offices]);
  // Grants: granted over the last four years, valid 36 months; a third of the held ones are a
  // renewal of an expired earlier grant; 2 % revoked.
  for (const [code, share] of HOLDING) {
    await db.query(
      `WITH holders AS (
         SELECT id, current_date - (random() * 1200)::int AS granted_on FROM users
          WHERE username LIKE $1 || '-%' AND random() < $3),
       earlier AS (
         INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on)
         SELECT id, $2, 'external_certificate', 'bench', granted_on - 1200, granted_on - 105 FROM holders WHERE random() < 0.33
         RETURNING id, user_id)
       INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on, renews_grant_id, revoked_at, revoked_reason)
       SELECT h.id, $2, 'external_certificate', 'bench', h.granted_on, (h.granted_on + interval '36 months')::date, e.id,
              CASE WHEN random() < 0.02 THEN now() END, 'bench'
         FROM holders h LEFT JOIN earlier e ON e.user_id = h.id`,
      [prefix, code, share]);
  }
  const calendar = await resolveCalendar(db, 'LFPA_ART_28');
  const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Bench') RETURNING id`)).rows[0]!.id;
  // Claims spread over the officers (an open caseload of claims/officers each, in the officer's
  // office) and 5 % unassigned in the largest office.
  await db.query(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id, decision_due_on)
     SELECT $1 || '-' || i, $2, $3, 'comar_office', now() - (i % 90) * interval '1 day', $4, 'admitted',
            CASE WHEN i % 20 <> 0 THEN o.ids[1 + i % array_length(o.ids, 1)] END, current_date + (i % 60)
       FROM generate_series(1, $5) i,
            (SELECT array_agg(id ORDER BY username) AS ids FROM users WHERE username LIKE $1 || '-%') o`,
    [prefix, offices[0], person, calendar.id, claims]);
  await db.query(
    `UPDATE claims c SET office_id = uo.office_id FROM user_offices uo
      WHERE uo.user_id = c.assigned_officer_id AND c.claim_number LIKE $1 || '-%'`, [prefix]);
  for (const [category, share] of FLAGS) {
    await db.query(
      `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive)
       SELECT id, $3, $2, 'bench', $2 IN ('lgbtiq', 'violence_survivor', 'trafficking', 'mental_disorder')
         FROM claims WHERE claim_number LIKE $1 || '-%' AND random() < $4`,
      [prefix, category, person, share]);
  }
  // VACUUM too, as the synthetic loader does (and autovacuum on PostgreSQL): it sets the
  // visibility map, so caseload counts are index-only scans.
  for (const table of ['users', 'user_roles', 'user_offices', 'competency_grants', 'claims', 'vulnerability_flags']) await db.query(`VACUUM (ANALYZE) ${table}`);
  return { prefix, office: offices[0]! };
}

/** Latency percentiles of `fn` over the items (after a warm-up), and what each timed call returned. */
async function timeEach<T, R>(items: readonly T[], fn: (item: T) => Promise<R>) {
  for (const item of items.slice(0, 20)) await fn(item);
  const times: number[] = [];
  const results: R[] = [];
  for (const item of items) {
    const started = performance.now();
    results.push(await fn(item));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const stats = { runs: times.length, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1)!) };
  return { stats, results };
}

export async function benchGating(options: { databaseUrl?: string | undefined; officers?: number; claims?: number; queries?: number }) {
  const officers = options.officers ?? 500;
  const claims = options.claims ?? 20_000;
  const queries = options.queries ?? 500;
  return withBenchDatabase('gating', options.databaseUrl, async (db) => {
    const loadStarted = performance.now();
    const { prefix, office } = await load(db, officers, claims);
    const loadMs = Math.round(performance.now() - loadStarted);
    // Flagged claims, the ones the check has something to say about, and random officers.
    const sample = (await db.query<{ claimId: string; officerId: string }>(
      `SELECT c.id AS "claimId", u.id AS "officerId"
         FROM claims c JOIN users u ON u.username = $1 || '-' || (1 + abs(hashtext(c.id::text)) % $3)
        WHERE c.office_id = $2 AND EXISTS (SELECT 1 FROM vulnerability_flags f WHERE f.claim_id = c.id)
        ORDER BY random() LIMIT $4`,
      [prefix, office, officers, queries])).rows;
    const check = await timeEach(sample, (s) => checkGating(db, s.claimId, s.officerId));
    const ranked = await timeEach(sample.slice(0, 200), (s) => rankOfficersForClaim(db, s.claimId, office));
    const counts = (await db.query<{ largestOfficeOfficers: number; grants: number; flags: number }>(
      `SELECT (SELECT count(*)::int FROM user_offices WHERE office_id = $2) AS "largestOfficeOfficers",
              (SELECT count(*)::int FROM competency_grants g JOIN users u ON u.id = g.user_id WHERE u.username LIKE $1 || '-%') AS grants,
              (SELECT count(*)::int FROM vulnerability_flags f JOIN claims c ON c.id = f.claim_id WHERE c.claim_number LIKE $1 || '-%') AS flags`,
      [prefix, office])).rows[0]!;
    return {
      backend: options.databaseUrl ? 'postgres' : 'pglite', officers, claims, ...counts, loadMs,
      gatingCheck: {
        ...check.stats, target: '≤ 5 ms p95',
        refusedShare: round(check.results.filter((r) => r.missing.length > 0).length / check.results.length),
      },
      whoCanTake: {
        ...ranked.stats, target: '≤ 50 ms p95',
        meanEligible: Math.round(ranked.results.reduce((n, ranking) => n + ranking.filter((o) => o.eligible).length, 0) / ranked.results.length),
      },
    };
  });
}
