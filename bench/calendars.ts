/**
 * Calendar changes at scale: a suspension declared on an office calendar moves the due dates of
 * every open claim whose window overlaps it, in one audited transaction (target on PostgreSQL:
 * 100,000 open claims moved in ≤ 10 s). Loads `--claims` open claims lodged in the weeks before the
 * suspension (all affected) plus as many lodged a year earlier (unaffected), with their decision,
 * filing-limit and (10%) ratification clocks, set-based; then times the preview, the apply, a
 * re-materialization and startClaimClocks one claim at a time.
 * Usage: [BENCH_CALENDAR_CLAIMS=100000] npm run bench -- calendars --database-url postgres://…/db
 */
import { migrate, openPostgres, type Database } from '@refugio/db';
import {
  addCalendarRule, createCalendar, getCalendar, materializeCalendar, previewCalendarRule, resolveCalendar, startClaimClocks,
  syncBuiltInCalendars, type RequestContext,
} from '@refugio/domain/server';

const round = (ms: number) => Math.round(ms);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: round(performance.now() - started), result };
}

async function officeFor(db: Database): Promise<string> {
  await db.query(`INSERT INTO institutions (code, name, kind) VALUES ('BENCH-CAL', 'Bench', 'asylum_authority') ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO offices (institution_id, code, name, kind, state_code)
     SELECT id, 'BENCH-CAL-OFF', 'Bench office', 'regional', 'MX-CHP' FROM institutions WHERE code = 'BENCH-CAL'
     ON CONFLICT DO NOTHING`);
  return (await db.query<{ id: string }>(`SELECT id FROM offices WHERE code = 'BENCH-CAL-OFF'`)).rows[0]!.id;
}

/** `n` claims lodged over `days` calendar days from `firstDay`, with their clocks, in one statement each. */
async function loadClaims(db: Database, options: { prefix: string; n: number; firstDay: string; days: number; officeId: string; calendarId: string; personId: string }) {
  await db.query(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id)
     SELECT $1 || '-' || i, $2, $3, CASE WHEN i % 10 = 0 THEN 'third_party' ELSE 'comar_office' END,
            ($4::date + (i % $5)) + time '10:00', $6
       FROM generate_series(1, $7) i`,
    [options.prefix, options.officeId, options.personId, options.firstDay, options.days, options.calendarId, options.n]);
  await db.query(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state, stopped_at)
     SELECT c.id, k.kind, c.calendar_id, k.started_on, k.wd, add_working_days(c.calendar_id, k.started_on, k.wd), k.state, k.stopped_at
       FROM claims c
       CROSS JOIN LATERAL (VALUES
         ('decision', c.lodged_at::date, 45, 'running', NULL::timestamptz),
         ('filing_limit', c.lodged_at::date - 20, 30, 'stopped', c.lodged_at),
         ('ratification', CASE WHEN c.channel = 'third_party' THEN c.lodged_at::date END, 3, 'running', NULL)) AS k(kind, started_on, wd, state, stopped_at)
      WHERE c.claim_number LIKE $1 || '-%' AND k.started_on IS NOT NULL`,
    [options.prefix]);
  await db.query(
    `UPDATE claims c SET decision_due_on = k.due_on FROM claim_clocks k
      WHERE k.claim_id = c.id AND k.kind = 'decision' AND c.claim_number LIKE $1 || '-%'`, [options.prefix]);
}

export async function benchCalendars(options: { databaseUrl?: string | undefined; claims?: number }) {
  if (!options.databaseUrl) throw new Error('--database-url postgres://… is required (a database this benchmark may fill)');
  const claims = options.claims ?? (Number(process.env.BENCH_CALENDAR_CLAIMS) || 100_000);
  const db = openPostgres(options.databaseUrl, { max: 4 });
  try {
    await migrate(db);
    const install = await timed(() => syncBuiltInCalendars(db));
    const ctx: RequestContext = { actor: null, requestId: 'bench-calendars' };
    const lfpa = await resolveCalendar(db, 'LFPA_ART_28');
    const officeId = await officeFor(db);
    const code = `BENCH_${Date.now()}`;
    const calendar = await createCalendar(db, ctx, { code, name: 'Bench office calendar', extendsId: lfpa.id, officeIds: [] });
    const personId = (await db.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Bench') RETURNING id`)).rows[0]!.id;

    const load = await timed(async () => {
      // Lodged over the 8 weeks before 1 June 2026: every decision window spans June.
      await loadClaims(db, { prefix: `${code}-A`, n: claims, firstDay: '2026-04-06', days: 56, officeId, calendarId: calendar.id, personId });
      // Lodged in 2025 and due before it: not moved.
      await loadClaims(db, { prefix: `${code}-B`, n: claims, firstDay: '2025-01-06', days: 56, officeId, calendarId: calendar.id, personId });
      await db.query('ANALYZE claims');
      await db.query('ANALYZE claim_clocks');
    });
    const clocks = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM claim_clocks WHERE calendar_id = $1', [calendar.id])).rows[0]!.n;

    const rule = { kind: 'suspension' as const, label: 'Suspensión de plazos (bench)', source: 'DOF 01/06/2026 (bench)', from: '2026-06-01', to: '2026-06-12' };
    const preview = await timed(() => previewCalendarRule(db, calendar.id, rule));
    const current = await getCalendar(db, calendar.id);
    const apply = await timed(() => addCalendarRule(db, ctx, calendar.id, { version: current.version, rule }));
    const materialize = await timed(() => db.transaction((tx) => materializeCalendar(tx, calendar.id)));

    // One claim at a time, as claim creation calls it (inside its own transaction).
    const starts: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const claimId = (await db.query<{ id: string }>(
        `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id)
         VALUES ($1, $2, $3, 'inm_referral', now(), $4) RETURNING id`, [`${code}-C-${i}`, officeId, personId, calendar.id])).rows[0]!.id;
      const started = performance.now();
      await db.transaction((tx) => startClaimClocks(tx, ctx, {
        claimId, calendarId: calendar.id, lodgedOn: '2026-07-01', enteredMexicoOn: '2026-06-20',
        protectionExpressedAt: '2026-06-30T15:00:00-06:00', channel: 'inm_referral' }));
      starts.push(performance.now() - started);
    }
    starts.sort((a, b) => a - b);
    return {
      backend: 'postgres',
      claims: claims * 2,
      clocks,
      installBuiltInMs: install.ms,
      loadMs: load.ms,
      suspension: {
        previewMs: preview.ms,
        preview: preview.result,
        applyMs: apply.ms,
        applied: apply.result.recomputation,
        targetMs: 10_000,
      },
      rematerializeOneCalendarMs: materialize.ms,
      startClaimClocksMs: { p50: round(starts[Math.floor(starts.length * 0.5)]!), p95: round(starts[Math.floor(starts.length * 0.95)]!) },
    };
  } finally {
    await db.close();
  }
}
