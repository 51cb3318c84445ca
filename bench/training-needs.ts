/**
 * Needs assessment at national scale (ADR 018): one campaign addressed to a whole institution
 * of `--staff` people (3,000 by default: eligibility officers, registration clerks, supervisors and
 * first-contact officers in 30 offices), 70 % of them answered, grants as staff hold them, and a
 * year of claims (`--claims`, 120,000 by default, about COMAR's yearly intake) with intake flags.
 * Times, in process, the gap analysis of the whole campaign (target ≤ 5 s, a page the coordinator
 * waits for) and one questionnaire answer (target ≤ 100 ms p95).
 * Usage: npm run bench -- needs [--staff 3000] [--claims 120000] [--database-url postgres://…/db]
 */
import type { Database } from '@refugio/db';
import {
  answerCampaign, buildTrainingPlan, resolveCalendar, type RequestContext,
} from '@refugio/domain/server';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const OFFICES = 30;
/** Roles by staff number mod 10: 5 eligibility officers, 2 registration clerks, 1 supervisor, 2 first-contact officers. */
const ROLE_SQL = `CASE WHEN n % 10 < 5 THEN 'eligibility_officer' WHEN n % 10 < 7 THEN 'registration_clerk' WHEN n % 10 < 8 THEN 'supervisor' ELSE 'first_contact_officer' END`;
const HOLDING: Array<[code: string, share: number]> = [
  ['interview_techniques', 0.7], ['evidence_assessment', 0.65], ['inclusion', 0.6], ['access_procedure', 0.5],
  ['interviewing_children', 0.2], ['interviewing_vulnerable_persons', 0.25], ['gender_sogi', 0.15], ['drafting_decisions', 0.3],
];
const FLAGS: Array<[category: string, share: number]> = [
  ['child', 0.3], ['unaccompanied_child', 0.04], ['lgbtiq', 0.05], ['violence_survivor', 0.12], ['mental_disorder', 0.04], ['trafficking', 0.02],
];

async function load(db: Database, staff: number, claims: number) {
  const prefix = `BENCH-NEEDS-${Date.now()}`;
  const institution = (await db.query<{ id: string }>(
    `INSERT INTO institutions (code, name, kind) VALUES ($1, 'Bench', 'asylum_authority') RETURNING id`, [prefix])).rows[0]!.id;
  // Offices of unequal size: office k gets a share proportional to 1 / (k + 1), as a few border offices take most claims.
  const offices = (await db.query<{ id: string }>(
    `INSERT INTO offices (institution_id, code, name, kind, state_code)
     SELECT $1, $2 || '-' || k, 'Bench office ' || k, 'regional', 'MX-CHP' FROM generate_series(0, $3 - 1) k ORDER BY k RETURNING id`,
    [institution, prefix, OFFICES])).rows.map((r) => r.id);
  await db.query(`INSERT INTO users (username, full_name, institution_id, password_hash)
     SELECT $1 || '-' || i, 'Persona ' || i, $2, 'x' FROM generate_series(1, $3) i`, [prefix, institution, staff]);
  await db.query(
    `WITH u AS (SELECT id, (regexp_match(username, '(\\d+)$'))[1]::int AS n FROM users WHERE username LIKE $1 || '-%')
     INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM u JOIN roles r ON r.code = ${ROLE_SQL}`, [prefix]);
  await db.query(
    `INSERT INTO user_offices (user_id, office_id)
     SELECT id, ($2::uuid[])[1 + floor(power(random(), 2) * $3)::int] FROM users WHERE username LIKE $1 || '-%'`, [prefix, offices, OFFICES]);
  for (const [code, share] of HOLDING) {
    await db.query(
      `INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on)
       SELECT id, $2, 'external_certificate', 'bench', g, (g + interval '36 months')::date
         FROM (SELECT id, current_date - (random() * 1300)::int AS g FROM users WHERE username LIKE $1 || '-%' AND random() < $3) h`,
      [prefix, code, share]);
  }
  const calendar = await resolveCalendar(db, 'LFPA_ART_28');
  const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Bench') RETURNING id`)).rows[0]!.id;
  await db.query(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status)
     SELECT $1 || '-' || i, ($2::uuid[])[1 + floor(power(random(), 2) * $5)::int], $3, 'comar_office',
            now() - (random() * 360) * interval '1 day', $4, 'admitted'
       FROM generate_series(1, $6) i`, [prefix, offices, person, calendar.id, OFFICES, claims]);
  for (const [category, share] of FLAGS) {
    await db.query(
      `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive)
       SELECT id, $3, $2, 'bench', $2 IN ('lgbtiq', 'violence_survivor', 'trafficking', 'mental_disorder')
         FROM claims WHERE claim_number LIKE $1 || '-%' AND random() < $4`, [prefix, category, person, share]);
  }
  const campaign = (await db.query<{ id: string }>(
    `INSERT INTO training_campaigns (institution_id, title, opens_on, closes_on, status)
     VALUES ($1, 'Bench', current_date - 10, current_date + 30, 'open') RETURNING id`, [institution])).rows[0]!.id;
  await db.query(
    `INSERT INTO training_needs_responses (campaign_id, user_id, role_code, years_experience, self_levels, preferred_format, languages)
     SELECT $2, u.id, r.code, round((random() * 12)::numeric * 2) / 2,
            jsonb_build_object('interviewing_children', (random() * 3)::int, 'gender_sogi', (random() * 3)::int, 'interview_techniques', (random() * 3)::int),
            (ARRAY['in_person', 'videoconference', 'online', 'blended'])[1 + (random() * 3)::int], '{es-MX}'
       FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
      WHERE u.username LIKE $1 || '-%' AND random() < 0.7`, [prefix, campaign]);
  for (const table of ['users', 'user_roles', 'user_offices', 'competency_grants', 'claims', 'vulnerability_flags', 'training_needs_responses']) {
    await db.query(`VACUUM (ANALYZE) ${table}`);
  }
  return { prefix, institution, campaign };
}

const round = (ms: number) => Math.round(ms);

export async function benchNeeds(options: { databaseUrl?: string | undefined; staff?: number; claims?: number }) {
  const staff = options.staff ?? 3000;
  const claims = options.claims ?? 120_000;
  return withBenchDatabase('needs', options.databaseUrl, async (db) => {
    const loadStarted = performance.now();
    const { prefix, institution, campaign } = await load(db, staff, claims);
    const loadMs = round(performance.now() - loadStarted);
    const coordinator: RequestContext = { actor: {
      userId: (await db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [`${prefix}-1`])).rows[0]!.id, username: 'bench',
      operationId: 1, institutionId: institution, officeIds: [], roles: ['training_coordinator'], permissions: new Set(['manage:training:institution']),
      language: 'es-MX',
    } };
    const plans: number[] = [];
    let items = 0;
    for (let run = 0; run < 4; run++) {
      const started = performance.now();
      const plan = await buildTrainingPlan(db, coordinator, campaign);
      plans.push(performance.now() - started);
      items = plan.items.length;
    }
    // Answers from people who have not answered yet (first answers: insert, audit).
    const pending = (await db.query<{ id: string }>(
      `SELECT u.id FROM users u WHERE u.username LIKE $1 || '-%'
          AND NOT EXISTS (SELECT 1 FROM training_needs_responses r WHERE r.user_id = u.id) LIMIT 200`, [prefix])).rows;
    const answers: number[] = [];
    for (const person of pending) {
      const ctx: RequestContext = { actor: { ...coordinator.actor!, userId: person.id, permissions: new Set(['enrol:training:own']) } };
      const started = performance.now();
      await answerCampaign(db, ctx, campaign, {
        yearsExperience: 2.5, selfLevels: { interviewing_children: 1 }, preferredFormat: 'videoconference', languages: ['es-MX'], comments: null,
      });
      answers.push(performance.now() - started);
    }
    const sorted = answers.toSorted((a, b) => a - b);
    return {
      backend: options.databaseUrl ? 'postgres' : 'pglite', staff, claims, offices: OFFICES, loadMs,
      plan: { runsMs: plans.map(round), best: round(Math.min(...plans)), items, target: '≤ 5 s' },
      answer: { runs: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!), target: '≤ 100 ms p95' },
    };
  });
}
