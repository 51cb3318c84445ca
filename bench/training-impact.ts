/**
 * The training-impact comparison at national scale (ADR 045). Loads `--claims` claims (1,000,000
 * by default) lodged over ten years in `--offices` offices (20) by `--officers` eligibility
 * officers (1,000): about a third decided on the merits and signed by the officer who drafted
 * them (30–60 working days, a fifth returned at review once), the rest closed as
 * abandoned or withdrawn (domain.md §9: most claims end that way); a fifth of the signed decisions
 * appealed and resolved, a tenth of claims with a child's guarantee. A third of the officers were
 * trained in "Entrevista a niñas, niños y adolescentes" (ITC) in a two-day session in the sixth
 * year (their decisions lodged afterwards ten working days faster); each officer's claims share
 * one applicant (the comparison reads no persons). Then times the comparison through the use
 * case (`computeTrainingImpact`, 12 months before and after, the coordinator's institution-wide
 * scope; target ≤ 3 s), `--runs` times (5).
 * Usage: npm run bench -- impact [--claims 1000000] [--officers 1000] [--offices 20] [--runs 5] [--database-url postgres://…/db]
 *        (without --database-url: embedded PGlite in a temporary folder; use --claims 100000 there)
 */
import os from 'node:os';
import type { Database } from '@refugio/db';
import { computeTrainingImpact, demoContext, resolveCalendar } from '@refugio/domain/server';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const round = (ms: number) => Math.round(ms * 10) / 10;
const FIRST_DAY = '2016-01-04';
const ACTION_DAY = '2021-06-07';
const BATCH = 50_000;

async function load(db: Database, claims: number, officers: number, offices: number): Promise<{ moduleId: string; coordinator: string; loadMs: number; steps: Record<string, number> }> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => { steps[name] = round((performance.now() - mark) / 1000); mark = performance.now(); };
  const prefix = `BENCH-IMPACT-${Date.now()}`;
  const institution = (await db.query<{ id: string }>(
    `INSERT INTO institutions (code, name, kind) VALUES ($1, 'Comisión (banco de pruebas)', 'asylum_authority') RETURNING id`, [prefix])).rows[0]!.id;
  await db.query(`INSERT INTO offices (institution_id, code, name, kind, state_code)
     SELECT $1, $2 || '-' || i, 'Oficina ' || i, 'regional', 'MX-CHP' FROM generate_series(1, $3) i`, [institution, prefix, offices]);
  await db.query(`INSERT INTO users (username, full_name, institution_id, password_hash)
     SELECT $1 || '-' || i, 'Oficial ' || i, $2, 'x' FROM generate_series(1, $3) i`, [prefix, institution, officers]);
  await db.query(`INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.username LIKE $1 || '-%' AND r.code = 'eligibility_officer'`, [prefix]);
  await db.query(`INSERT INTO user_offices (user_id, office_id)
     SELECT u.id, o.id FROM users u JOIN offices o ON o.code = $1 || '-' || (1 + (split_part(u.username, '-', 4)::int % $2)) WHERE u.username LIKE $1 || '-%'`, [prefix, offices]);
  await db.query(`INSERT INTO users (username, full_name, institution_id, password_hash) VALUES ($1 || '.coord', 'Coordinación', $2, 'x')`, [prefix, institution]);
  await db.query(`INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.username = $1 || '.coord' AND r.code = 'training_coordinator'`, [prefix]);
  // A third of the officers trained in ITC on the action's two days.
  const moduleId = (await db.query<{ id: string }>(`SELECT id FROM training_modules WHERE code = 'ITC'`)).rows[0]!.id;
  const session = (await db.query<{ id: string }>(`INSERT INTO training_sessions (module_id, code, format, institution_id, capacity, status)
     VALUES ($1, $2, 'in_person', $3, 10000, 'completed') RETURNING id`, [moduleId, prefix, institution])).rows[0]!.id;
  await db.query(`INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, '09:00', '15:00'), ($1, $2::date + 1, '09:00', '15:00')`, [session, ACTION_DAY]);
  await db.query(`WITH e AS (INSERT INTO training_enrolments (session_id, user_id, status)
       SELECT $1, id, 'enrolled' FROM users WHERE username LIKE $2 || '-%' AND split_part(username, '-', 4)::int % 3 = 0 RETURNING id, user_id)
     INSERT INTO competency_grants (user_id, competency_code, source, module_id, enrolment_id, granted_on)
     SELECT e.user_id, 'interviewing_children', 'training', $3, e.id, $4::date + 1 FROM e`, [session, prefix, moduleId, ACTION_DAY]);
  const calendar = (await resolveCalendar(db, 'LFPA_ART_28')).id;
  step('staffAndTraining');
  const officerIds = (await db.query<{ id: string }>(`SELECT id FROM users WHERE username LIKE $1 || '-%' ORDER BY username`, [prefix])).rows.map((r) => r.id);
  // One applicant per officer, principal of all that officer's claims: the comparison never reads
  // persons, and a person's duplicate-detection keys and trigram indexes would make loading a
  // million of them the slowest part of the run (docs/BENCHMARKS.md, intake).
  const personIds = (await db.query<{ id: string }>(
    `INSERT INTO persons (given_names, first_surname, nationalities) SELECT 'Persona', 'Banco ' || i, '{HND}' FROM generate_series(1, $1) i RETURNING id`,
    [officerIds.length])).rows.map((r) => r.id);

  for (let from = 0; from < claims; from += BATCH) {
    const n = Math.min(BATCH, claims - from);
    // Claim i: lodged on a working day spread over ten years; officer and office from i; a third
    // decided on the merits after 30–60 working days (trained officers faster after the action).
    await db.query(
      `WITH g AS (
         SELECT i, $8::uuid[] AS people, gen_random_uuid() AS claim,
                $6::uuid[] AS officers, ((i::bigint * 7919) % cardinality($6::uuid[]))::int + 1 AS k,
                $3::date + (i::bigint * 3653 / $7)::int AS lodged
           FROM generate_series($4::int, $4::int + $5::int - 1) i),
       c AS (INSERT INTO claims (id, claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id)
             SELECT claim, $1 || '-' || i, uo.office_id, people[k], 'comar_office', (lodged + time '10:00') AT TIME ZONE 'America/Mexico_City', $2,
                    CASE WHEN i % 3 = 0 THEN 'decided' ELSE 'abandoned' END, officers[k]
               FROM g JOIN user_offices uo ON uo.user_id = officers[k] RETURNING id, claim_number)
       INSERT INTO bench_impact_claims (claim_id, i, officer, lodged) SELECT claim, i, officers[k], lodged FROM g`,
      [prefix, calendar, FIRST_DAY, from + 1, n, officerIds, claims, personIds]);
  }
  step('claims');
  await db.query(`INSERT INTO claim_members (claim_id, person_id, relation) SELECT id, principal_person_id, 'principal' FROM claims WHERE claim_number LIKE $1 || '-%'`, [prefix]);
  await db.query(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state)
     SELECT b.claim_id, 'decision', $1, b.lodged, 45, d.day, 'stopped'
       FROM bench_impact_claims b JOIN calendar_days s ON s.calendar_id = $1 AND s.day = b.lodged
       JOIN calendar_days d ON d.calendar_id = $1 AND d.is_working AND d.ordinal = s.ordinal + 45`, [calendar]);
  step('clocks');
  // Working days to decision: 30–60, ten fewer for a trained officer's decision lodged after the action.
  await db.query(`UPDATE bench_impact_claims b SET wd = 30 + (b.i * 7 % 31) - CASE WHEN b.lodged > $1::date AND t.user_id IS NOT NULL THEN 10 ELSE 0 END
     FROM bench_impact_claims x LEFT JOIN (SELECT DISTINCT user_id FROM competency_grants WHERE source = 'training') t ON t.user_id = x.officer
    WHERE x.claim_id = b.claim_id`, [ACTION_DAY]);
  await db.query(`UPDATE bench_impact_claims b SET signed = d.day FROM calendar_days s, calendar_days d
    WHERE s.calendar_id = $1 AND s.day = b.lodged AND d.calendar_id = $1 AND d.is_working AND d.ordinal = s.ordinal + b.wd`, [calendar]);
  await db.query(
    `INSERT INTO decisions (claim_id, outcome, status, drafted_by, signed_by, signed_at, review_round, pdf, pdf_sha256, verification_code)
     SELECT b.claim_id, CASE WHEN b.i % 3 = 0 THEN (CASE WHEN b.i % 4 = 0 THEN 'rejected' ELSE 'refugee_convention' END) ELSE 'abandoned' END,
            CASE WHEN b.i % 3 = 0 THEN 'signed' ELSE 'recorded' END, b.officer, b.officer,
            (b.signed + time '12:00') AT TIME ZONE 'America/Mexico_City', 1 + (b.i % 5 = 0)::int,
            CASE WHEN b.i % 3 = 0 THEN '\\x255044462d'::bytea END, CASE WHEN b.i % 3 = 0 THEN 'bench' END, CASE WHEN b.i % 3 = 0 THEN $1 || '-' || b.i END
       FROM bench_impact_claims b`, [prefix]);
  step('decisions');
  await db.query(
    `INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on)
     SELECT d.claim_id, d.id, (d.signed_at)::date + 7, 'bench', 'resolved', CASE WHEN b.i % 4 = 0 THEN 'revoked' ELSE 'confirmed' END, (d.signed_at)::date + 60
       FROM decisions d JOIN bench_impact_claims b ON b.claim_id = d.claim_id WHERE d.status = 'signed' AND b.i % 5 = 3`);
  await db.query(
    `INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive, status, evidence, decided_at)
     SELECT c.id, c.principal_person_id, 'trained_interviewer_children', '{child}', false, CASE WHEN b.i % 7 = 0 THEN 'pending' ELSE 'met' END,
            CASE WHEN b.i % 7 = 0 THEN NULL ELSE 'bench' END, CASE WHEN b.i % 7 = 0 THEN NULL ELSE c.lodged_at + interval '10 days' END
       FROM claims c JOIN bench_impact_claims b ON b.claim_id = c.id WHERE b.i % 10 = 0`);
  await db.query('ANALYZE');
  step('appealsGuaranteesAnalyze');
  return { moduleId, coordinator: `${prefix}.coord`, loadMs: performance.now() - started, steps };
}

export async function benchImpact(options: { databaseUrl?: string | undefined; claims?: number | undefined; officers?: number | undefined;
  offices?: number | undefined; runs?: number | undefined }) {
  const claims = options.claims ?? 1_000_000;
  const officers = options.officers ?? 1000;
  const offices = options.offices ?? 20;
  const runs = options.runs ?? 5;
  return withBenchDatabase('impact', options.databaseUrl, async (db) => {
    // A scratch table (unlogged, dropped at the end) pairs each claim with the numbers that drew it.
    await db.query('CREATE UNLOGGED TABLE IF NOT EXISTS bench_impact_claims (claim_id uuid PRIMARY KEY, i int, officer uuid, lodged date, wd int, signed date)');
    await db.query('TRUNCATE bench_impact_claims');
    const { moduleId, coordinator, loadMs, steps } = await load(db, claims, officers, offices);
    const { rows } = await db.query<{ signed: number; decisions: number }>(
      `SELECT count(*) FILTER (WHERE status = 'signed')::int AS signed, count(*)::int AS decisions FROM decisions`);
    const ctx = await demoContext(db, coordinator);
    const timings: number[] = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await computeTrainingImpact(db, ctx, { query: { moduleId, from: ACTION_DAY, to: ACTION_DAY, months: 12 } });
      timings.push(performance.now() - started);
    }
    await db.query('DROP TABLE bench_impact_claims');
    const sorted = timings.toSorted((a, b) => a - b);
    const days = last!.metrics.find((m) => m.metric === 'working_days')!;
    return {
      database: options.databaseUrl ? 'postgresql' : 'pglite',
      claims, officers, offices, decisions: rows[0]!.decisions, signed: rows[0]!.signed, loadSeconds: round(loadMs / 1000), loadSteps: steps,
      impact: {
        runs, p50Ms: round(percentile(sorted, 50)), maxMs: round(sorted.at(-1)!), targetMs: 3000,
        decisionsCompared: Object.values(days.cells).reduce((a, c) => a + (c.n ?? 0), 0), workingDaysEstimate: days.estimate && round(days.estimate), verdict: days.verdict,
      },
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), cpus: os.cpus().length,
    };
  });
}
