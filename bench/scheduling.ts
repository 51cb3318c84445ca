/**
 * Scheduling at scale (ADR 027). Loads `--officers` eligibility officers (50 by default) of one
 * office with `--appointments` appointments each (200 by default) in one month, plus as many again
 * in the months around it, each on its own claim; then
 * - times an officer's month agenda through the use case (`listAgenda`, its audit event
 *   included; target ≤ 50 ms p95), and
 * - books `--rounds` time slots (20 by default), each raced by 8 concurrent clients booking the
 *   same interpreter for 8 claims with 8 different officers and rooms: exactly one booking per
 *   slot must win and the other seven must be refused with SCHEDULE_CONFLICT.
 * Usage: npm run bench -- scheduling [--officers 50] [--appointments 200] [--rounds 20] [--database-url postgres://…/db]
 *        (without --database-url: embedded PGlite in a temporary folder)
 */
import type { Database } from '@refugio/db';
import { AppError, type TAppointmentInput } from '@refugio/domain';
import { bookAppointment, demoContext, listAgenda, resolveCalendar } from '@refugio/domain/server';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const round = (ms: number) => Math.round(ms * 100) / 100;
const CLIENTS = 8;

async function load(db: Database, officers: number, perOfficer: number, month: string) {
  const prefix = `BENCH-SCHED-${Date.now()}`;
  const institution = (await db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'")).rows[0];
  const institutionId = institution?.id ?? (await db.query<{ id: string }>(
    `INSERT INTO institutions (code, name, kind) VALUES ($1, 'Bench', 'asylum_authority') RETURNING id`, [prefix])).rows[0]!.id;
  const office = (await db.query<{ id: string }>(
    `INSERT INTO offices (institution_id, code, name, kind, state_code) VALUES ($1, $2, 'Bench office', 'regional', 'MX-CHP') RETURNING id`,
    [institutionId, prefix])).rows[0]!.id;
  await db.query(`INSERT INTO users (username, full_name, institution_id, password_hash)
     SELECT $1 || '-' || i, 'Oficial ' || i, $2, 'x' FROM generate_series(1, $3) i`, [prefix, institutionId, officers + CLIENTS]);
  await db.query(`INSERT INTO users (username, full_name, institution_id, password_hash) VALUES ($1 || '-sup', 'Supervisora', $2, 'x')`, [prefix, institutionId]);
  await db.query(`INSERT INTO user_roles (user_id, role_id)
     SELECT u.id, r.id FROM users u, roles r WHERE u.username LIKE $1 || '-%' AND r.code = CASE WHEN u.username = $1 || '-sup' THEN 'supervisor' ELSE 'eligibility_officer' END`, [prefix]);
  await db.query(`INSERT INTO user_offices (user_id, office_id) SELECT id, $2 FROM users WHERE username LIKE $1 || '-%'`, [prefix, office]);
  // Every eligibility officer holds what the any_claim gating rules require.
  await db.query(`INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on)
     SELECT u.id, c.code, 'external_certificate', 'bench', current_date - 30 FROM users u
       CROSS JOIN (VALUES ('interview_techniques'), ('evidence_assessment')) c(code) WHERE u.username LIKE $1 || '-%'`, [prefix]);
  const calendar = await resolveCalendar(db, 'LFPA_ART_28');
  const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names, languages) VALUES ('Bench', '{quc}') RETURNING id`)).rows[0]!.id;
  // Appointments: per officer, `perOfficer` in the month measured and as many in the month before and after.
  const total = officers * perOfficer * 3;
  await db.query(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id)
     SELECT $1 || '-' || i, $2, $3, 'comar_office', now() - interval '60 days', $4, 'interview_scheduled',
            (SELECT id FROM users WHERE username = $1 || '-' || (1 + i % $5))
       FROM generate_series(1, $6) i`,
    [prefix, office, person, calendar.id, officers, total]);
  await db.query(
    `INSERT INTO interview_appointments (claim_id, office_id, officer_id, language, modality, room, starts_at, ends_at, status, person_id)
     SELECT c.id, $2, c.assigned_officer_id, 'spa', 'in_person', 'Sala ' || (n % 12),
            s, s + interval '60 minutes', CASE WHEN n % 10 = 0 THEN 'held' ELSE 'scheduled' END, $3
       FROM (SELECT id, assigned_officer_id, (regexp_match(claim_number, '(\\d+)$'))[1]::int AS n FROM claims WHERE claim_number LIKE $1 || '-%') c
       CROSS JOIN LATERAL (SELECT ($4::date - interval '1 month' + ((c.n / $5) % ($6 * 3)) * interval '1 month' / ($6 * 3) * 3
                                   + (c.n % 9) * interval '1 hour' + interval '8 hours')::timestamptz AS s) t`,
    [prefix, office, person, `${month}-01`, officers, perOfficer]);
  for (const table of ['users', 'claims', 'interview_appointments']) await db.query(`VACUUM (ANALYZE) ${table}`);
  return { prefix, office, person, calendarId: calendar.id, total };
}

export async function benchScheduling(options: { databaseUrl?: string | undefined; officers?: number; appointments?: number; rounds?: number }) {
  const officers = options.officers ?? 50;
  const perOfficer = options.appointments ?? 200;
  const rounds = options.rounds ?? 20;
  return withBenchDatabase('scheduling', options.databaseUrl, async (db) => {
    const next = new Date();
    next.setUTCMonth(next.getUTCMonth() + 2);
    const month = next.toISOString().slice(0, 7);
    const loadStarted = performance.now();
    const { prefix, office, person, calendarId, total } = await load(db, officers, perOfficer, month);
    const loadMs = Math.round(performance.now() - loadStarted);

    // The agenda: each officer's month, twice around (first pass warms up).
    const contexts = await Promise.all(Array.from({ length: officers }, (_, i) => demoContext(db, `${prefix}-${i + 1}`)));
    const counts: number[] = [];
    for (const ctx of contexts.slice(0, 10)) await listAgenda(db, ctx, { view: 'month', date: `${month}-15` });
    const times: number[] = [];
    for (let pass = 0; pass < 4; pass++) {
      for (const ctx of contexts) {
        const started = performance.now();
        const agenda = await listAgenda(db, ctx, { view: 'month', date: `${month}-15` });
        times.push(performance.now() - started);
        counts.push(agenda.items.length);
      }
    }
    times.sort((a, b) => a - b);

    // The race: per slot, 8 admitted claims with their own officer and room, one interpreter.
    const interpreter = (await db.query<{ id: string }>(
      `INSERT INTO interpreters (institution_id, full_name, kind, sex, languages, modalities, office_ids)
       SELECT institution_id, 'Intérprete de carrera', 'staff', 'female', '{quc,spa}', '{in_person}', ARRAY[id] FROM offices WHERE id = $1 RETURNING id`,
      [office])).rows[0]!.id;
    const racers = (await db.query<{ id: string }>(
      `SELECT id FROM users WHERE username LIKE $1 || '-%' AND username <> $1 || '-sup' ORDER BY username DESC LIMIT $2`, [prefix, CLIENTS])).rows.map((r) => r.id);
    const supervisor = await demoContext(db, `${prefix}-sup`);
    let wins = 0;
    let conflicts = 0;
    let other = 0;
    const doubleBooked: string[] = [];
    const raceTimes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const claims = (await db.query<{ id: string }>(
        `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id)
         SELECT $1 || '-race-' || $5 || '-' || k, $2, $3, 'comar_office', now(), $4, 'admitted', ($6::uuid[])[k]
           FROM generate_series(1, $7) k RETURNING id`,
        [prefix, office, person, calendarId, r, racers, CLIENTS])).rows.map((c) => c.id);
      const day = new Date();
      day.setUTCDate(day.getUTCDate() + 3 + r);
      const startsAt = `${day.toISOString().slice(0, 10)}T10:00`;
      const results = await Promise.all(claims.map(async (claimId, k) => {
        const input: TAppointmentInput = {
          officerId: racers[k]!, interpreterId: interpreter, language: 'quc', modality: 'in_person', room: `Sala carrera ${k}`, videoLink: null,
          startsAt, durationMinutes: 60, requests: [], personId: null, overrideGating: false, overrideReason: null,
        };
        const started = performance.now();
        try {
          await bookAppointment(db, supervisor, { claimId, input });
          return { ok: true as const, ms: performance.now() - started };
        } catch (error) {
          return { ok: false as const, code: error instanceof AppError ? error.code : String(error), ms: performance.now() - started };
        }
      }));
      for (const res of results) {
        raceTimes.push(res.ms);
        if (res.ok) wins++;
        else if (res.code === 'SCHEDULE_CONFLICT') conflicts++;
        else other++;
      }
      const booked = (await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM interview_appointments WHERE interpreter_id = $1 AND status = 'scheduled' AND starts_at = ($2::timestamp AT TIME ZONE 'America/Mexico_City')`,
        [interpreter, startsAt])).rows[0]!.n;
      if (booked !== 1) doubleBooked.push(`${startsAt}: ${booked}`);
    }
    raceTimes.sort((a, b) => a - b);
    return {
      database: options.databaseUrl ? 'postgres' : 'pglite',
      load: { officers, appointmentsPerOfficerInMonth: perOfficer, appointmentsTotal: total, ms: loadMs },
      agenda: {
        view: 'month', runs: times.length, itemsPerAgenda: { min: Math.min(...counts), max: Math.max(...counts) },
        p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!), targetP95: 50,
      },
      race: {
        slots: rounds, clientsPerSlot: CLIENTS, wins, conflicts, otherErrors: other, doubleBooked,
        bookingP50: round(percentile(raceTimes, 50)), bookingP95: round(percentile(raceTimes, 95)),
      },
    };
  });
}
