/**
 * Bulk loader of synthetic claims: each batch is one transaction of multi-row
 * `INSERT … SELECT FROM unnest($1::…[], …)` statements (persons, claims, members, clocks, timeline,
 * assignments, flags), and ONE audit event `synthetic.loaded` per batch
 * carrying the counts: the audit trail records that fake data entered the database and how much,
 * without a million `claim.created` events whose hash chain would dominate the load time and
 * drown the real trail. Due dates come from the materialized calendar ordinals (the same
 * `calendar_days` join as add_working_days()), so they agree with the clock service.
 */
import type { Database, Queryable } from '@refugio/db';
import { defaultClaimPrefix, formatClaimNumber } from '@refugio/domain';
import { hashPassword, recordAudit, type RequestContext } from '@refugio/domain/server';
import { randomBytes } from 'node:crypto';
import { generateBatch, isOpen, type GeneratorSetup, type NamePools, type SyntheticClaim } from './generate.ts';

/** claims.created_by of every synthetic claim: how the loader (and anyone) tells them from real ones. */
export const SYNTHETIC_CREATOR_ID = '00000000-0000-4000-8000-5717e71c0000';
export const OFFICERS_PER_OFFICE = 12;

export interface LoadOffice {
  id: string;
  code: string;
  prefix: string;
  format: string;
  calendarId: string;
  weight: number;
  officerIds: string[];
}

export interface LoadPlan {
  offices: LoadOffice[];
  counters: Map<string, number>;
}

/** Share of claims per COMAR office (Tapachula receives most of them). */
const OFFICE_WEIGHTS: Record<string, number> = { 'COMAR-TAP': 66, 'COMAR-CDMX': 14, 'COMAR-PAL': 8, 'COMAR-VHS': 6, 'COMAR-ACA': 6 };

/**
 * Why this database must not receive synthetic people, or null: it must have been seeded as a demo
 * (audit event system.demo_seeded) and hold no claim registered by anyone but this loader or a
 * demo account (`…@demo.refugio.example`).
 */
export async function whyNotSyntheticTarget(db: Queryable): Promise<string | null> {
  const demo = await db.query(`SELECT 1 FROM audit_events WHERE action = 'system.demo_seeded' LIMIT 1`);
  if (demo.rowCount === 0) return 'it was not seeded as a demo database (no system.demo_seeded audit event)';
  // The demo's own few claims (registered by the demo accounts on first start) do not count.
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM claims c
      WHERE c.created_by IS DISTINCT FROM $1
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.created_by AND u.email LIKE '%@demo.refugio.example')`,
    [SYNTHETIC_CREATOR_ID]);
  const real = rows[0]?.n ?? 0;
  if (real > 0) return `it holds ${real} claim(s) registered by people other than the demo accounts`;
  return null;
}

/** Offices that register claims, their calendars, officers (created once) and claim-number counters. */
export async function prepareLoad(db: Database, ctx: RequestContext): Promise<LoadPlan> {
  const { rows } = await db.query<{ id: string; code: string; prefix: string | null; format: string; calendar_id: string | null; institution_id: string }>(
    `SELECT o.id, o.code, o.claim_number_prefix AS prefix, o.claim_number_format AS format, o.institution_id,
            COALESCE(o.calendar_id, (SELECT id FROM calendars WHERE is_default_for_claims AND operation_id = o.operation_id)) AS calendar_id
       FROM offices o JOIN institutions i ON i.id = o.institution_id
      WHERE i.kind = 'asylum_authority' AND o.active AND i.active ORDER BY o.code`);
  if (rows.length === 0) throw new Error('No active office of an asylum authority to register claims at (seed the demo data first).');
  const missing = rows.find((r) => !r.calendar_id);
  if (missing) throw new Error(`Office ${missing.code} has no claim calendar and there is no default one.`);
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  const offices: LoadOffice[] = [];
  await db.transaction(async (tx) => {
    for (const office of rows) {
      const prefix = office.prefix ?? defaultClaimPrefix(office.code);
      // Eligibility officers to assign claims to: accounts nobody knows the password of.
      const usernames = Array.from({ length: OFFICERS_PER_OFFICE }, (_, i) => `synthetic-${prefix.toLowerCase()}-${String(i + 1).padStart(2, '0')}`);
      await tx.query(
        `INSERT INTO users (username, full_name, email, institution_id, password_hash, must_change_password, active)
         SELECT u, 'Oficial sintético ' || upper(split_part(u, '-', 2)) || ' ' || split_part(u, '-', 3), NULL, $2, $3, true, true
           FROM unnest($1::text[]) u
         ON CONFLICT DO NOTHING`, [usernames, office.institution_id, hash]);
      const officers = await tx.query<{ id: string }>(
        'SELECT id FROM users WHERE operation_id = 1 AND lower(username) = ANY($1::text[]) ORDER BY username', [usernames]);
      const ids = officers.rows.map((r) => r.id);
      await tx.query(`INSERT INTO user_roles (user_id, role_id) SELECT u, r.id FROM unnest($1::uuid[]) u, roles r WHERE r.code = 'eligibility_officer'
                      ON CONFLICT DO NOTHING`, [ids]);
      await tx.query('INSERT INTO user_offices (user_id, office_id) SELECT u, $2 FROM unnest($1::uuid[]) u ON CONFLICT DO NOTHING', [ids, office.id]);
      // The demo eligibility officer of the office gets claims too, so "my claims" has some.
      const demo = await tx.query<{ id: string }>(
        `SELECT u.id FROM users u JOIN user_offices uo ON uo.user_id = u.id JOIN user_roles ur ON ur.user_id = u.id
           JOIN roles r ON r.id = ur.role_id
          WHERE uo.office_id = $1 AND r.code = 'eligibility_officer' AND u.username NOT LIKE 'synthetic-%' ORDER BY u.username`, [office.id]);
      offices.push({
        id: office.id, code: office.code, prefix, format: office.format, calendarId: office.calendar_id!,
        weight: OFFICE_WEIGHTS[office.code] ?? 4, officerIds: [...ids, ...demo.rows.map((r) => r.id)],
      });
    }
    await recordAudit(tx, ctx, {
      action: 'synthetic.loaded', entityType: 'system',
      details: { phase: 'officers', offices: offices.map((o) => o.code), officersPerOffice: OFFICERS_PER_OFFICE },
    });
  });
  const counters = new Map<string, number>();
  const { rows: counterRows } = await db.query<{ office_id: string; year: number; counter: number }>(
    'SELECT office_id, year, counter FROM claim_number_counters');
  for (const c of counterRows) counters.set(`${c.office_id}:${c.year}`, c.counter);
  return { offices, counters };
}

export function generatorSetup(plan: LoadPlan, options: { seed: number; today: string; total: number; pools: NamePools }): GeneratorSetup {
  return {
    seed: options.seed, today: options.today, total: options.total, pools: options.pools,
    officeWeights: plan.offices.map((o) => o.weight), officersPerOffice: plan.offices.map((o) => o.officerIds.length),
  };
}

export interface BatchCounts {
  claims: number;
  persons: number;
  members: number;
  clocks: number;
  flags: number;
  events: number;
  assignments: number;
  open: number;
  nearDuplicates: number;
}

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Milliseconds spent per table (the first INSERT INTO word of each statement), summed over batches. */
export type StatementTimings = Map<string, number>;

function timedQueryable(tx: Queryable, timings: StatementTimings | undefined): Queryable {
  if (!timings) return tx;
  return {
    async query(sql, params) {
      const started = performance.now();
      try {
        return await tx.query(sql, params);
      } finally {
        const key = /INSERT INTO (\w+)/.exec(sql)?.[1] ?? 'other';
        timings.set(key, (timings.get(key) ?? 0) + performance.now() - started);
      }
    },
  } as Queryable;
}

/** Writes one batch in one transaction, with its audit event. */
export async function insertBatch(
  db: Database, ctx: RequestContext, plan: LoadPlan, claims: SyntheticClaim[], batchInfo: { seed: number; from: number },
  timings?: StatementTimings,
): Promise<BatchCounts> {
  // Claim numbers: per office and lodging year, continuing the counters (gap-free).
  const numbers: string[] = [];
  const touched = new Map<string, { officeId: string; year: number }>();
  for (const c of claims) {
    const office = plan.offices[c.officeIndex]!;
    const key = `${office.id}:${c.year}`;
    const seq = (plan.counters.get(key) ?? 0) + 1;
    plan.counters.set(key, seq);
    touched.set(key, { officeId: office.id, year: c.year });
    numbers.push(formatClaimNumber(office.format, { prefix: office.prefix, year: c.year, seq }));
  }

  const p = {
    id: [] as string[], given: [] as string[], first: [] as Array<string | null>, second: [] as Array<string | null>, sex: [] as string[],
    birth: [] as string[], est: [] as boolean[], nat: [] as string[], lang: [] as string[], interp: [] as boolean[],
    phone: [] as Array<string | null>, docs: [] as string[], created: [] as string[],
  };
  const m = { claim: [] as string[], person: [] as string[], relation: [] as string[], unacc: [] as boolean[] };
  const k = { claim: [] as string[], kind: [] as string[], cal: [] as string[], started: [] as string[], wd: [] as number[],
    state: [] as string[], stopped: [] as Array<string | null>, paused: [] as Array<string | null> };
  const n = { claim: [] as string[], started: [] as string[], due: [] as string[], state: [] as string[], stopped: [] as Array<string | null> };
  const e = { claim: [] as string[], kind: [] as string[], from: [] as Array<string | null>, to: [] as string[], details: [] as string[], at: [] as string[] };
  const a = { claim: [] as string[], officer: [] as string[], at: [] as string[] };
  const f = { claim: [] as string[], person: [] as string[], category: [] as string[], indicator: [] as string[], sensitive: [] as boolean[],
    source: [] as string[], by: [] as Array<string | null>, at: [] as string[] };
  const c = { id: [] as string[], number: [] as string[], office: [] as string[], principal: [] as string[], channel: [] as string[],
    modality: [] as string[], status: [] as string[], entered: [] as Array<string | null>, expressed: [] as Array<string | null>,
    lodged: [] as string[], cal: [] as string[], officer: [] as Array<string | null>, closed: [] as Array<string | null> };
  let open = 0;
  let nearDuplicates = 0;

  claims.forEach((claim, index) => {
    const office = plan.offices[claim.officeIndex]!;
    const officer = claim.officerIndex === null ? null : office.officerIds[claim.officerIndex]!;
    const openNow = isOpen(claim.status);
    if (openNow) open++;
    for (const member of claim.members) {
      const q = member.person;
      if (q.nearDuplicate) nearDuplicates++;
      p.id.push(q.id); p.given.push(q.givenNames); p.first.push(q.firstSurname); p.second.push(q.secondSurname); p.sex.push(q.sex);
      p.birth.push(q.birthDate); p.est.push(q.birthDateEstimated); p.nat.push(`{${q.nationalities.join(',')}}`);
      p.lang.push(`{${q.languages.join(',')}}`); p.interp.push(q.needsInterpreter); p.phone.push(q.phone); p.docs.push(q.documents);
      p.created.push(claim.lodgedAt);
      m.claim.push(claim.id); m.person.push(q.id); m.relation.push(member.relation); m.unacc.push(member.unaccompanied);
    }
    c.id.push(claim.id); c.number.push(numbers[index]!); c.office.push(office.id); c.principal.push(claim.members[0]!.person.id);
    c.channel.push(claim.channel); c.modality.push(claim.modality); c.status.push(claim.status); c.entered.push(claim.enteredMexicoOn);
    c.expressed.push(claim.protectionExpressedAt); c.lodged.push(claim.lodgedAt); c.cal.push(office.calendarId); c.officer.push(officer);
    c.closed.push(claim.closedAt);

    // Clocks (the rules of startClaimClocks): decision 45, filing limit 30 from entry (stopped at filing), ratification 3.
    const decisionState = openNow ? (claim.status === 'late_filing_review' ? 'paused' : 'running') : 'stopped';
    k.claim.push(claim.id); k.kind.push('decision'); k.cal.push(office.calendarId); k.started.push(claim.lodgedOn); k.wd.push(45);
    k.state.push(decisionState); k.stopped.push(decisionState === 'stopped' ? claim.closedAt : null);
    k.paused.push(decisionState === 'paused' ? addDays(claim.lodgedOn, 7) : null);
    if (claim.enteredMexicoOn) {
      k.claim.push(claim.id); k.kind.push('filing_limit'); k.cal.push(office.calendarId); k.started.push(claim.enteredMexicoOn); k.wd.push(30);
      k.state.push('stopped'); k.stopped.push(claim.protectionExpressedAt ?? `${claim.lodgedOn}T12:00:00-06:00`); k.paused.push(null);
    }
    if (claim.channel === 'third_party') {
      const ratified = !(openNow && Date.parse(claim.lodgedAt) > Date.now() - 5 * DAY_MS);
      k.claim.push(claim.id); k.kind.push('ratification'); k.cal.push(office.calendarId); k.started.push(claim.lodgedOn); k.wd.push(3);
      k.state.push(ratified ? 'stopped' : 'running'); k.stopped.push(ratified ? new Date(Date.parse(claim.lodgedAt) + 2 * DAY_MS).toISOString() : null);
      k.paused.push(null);
    }
    if (claim.protectionExpressedAt) {
      n.claim.push(claim.id); n.started.push(claim.protectionExpressedAt);
      n.due.push(new Date(Date.parse(claim.protectionExpressedAt) + 72 * 3_600_000).toISOString());
      n.state.push('stopped'); n.stopped.push(claim.lodgedAt);
    }

    // Timeline: created, then (when it moved on) the step that brought it to its current status.
    e.claim.push(claim.id); e.kind.push('created'); e.from.push(null); e.to.push('registered');
    e.details.push(JSON.stringify({ claimNumber: numbers[index], members: claim.members.length, channel: claim.channel, synthetic: true }));
    e.at.push(claim.lodgedAt);
    if (claim.status !== 'registered') {
      e.claim.push(claim.id); e.kind.push('status_changed'); e.from.push('registered'); e.to.push(claim.status);
      e.details.push(JSON.stringify(claim.outcome ? { outcome: claim.outcome, synthetic: true } : { synthetic: true }));
      e.at.push(claim.closedAt ?? new Date(Math.min(Date.now() - 60_000, Date.parse(claim.lodgedAt) + 7 * DAY_MS)).toISOString());
    }
    if (officer) {
      a.claim.push(claim.id); a.officer.push(officer); a.at.push(new Date(Date.parse(claim.lodgedAt) + 3_600_000).toISOString());
    }
    for (const flag of claim.flags) {
      f.claim.push(claim.id); f.person.push(flag.personId); f.category.push(flag.category); f.indicator.push(flag.indicator);
      f.sensitive.push(flag.sensitive); f.source.push(flag.derived ? 'derived' : 'recorded'); f.by.push(null); f.at.push(claim.lodgedAt);
    }
  });

  return db.transaction(async (raw) => {
    const tx = timedQueryable(raw, timings);
    await tx.query(
      `INSERT INTO persons (id, given_names, first_surname, second_surname, sex, birth_date, birth_date_estimated, nationalities,
                            languages, needs_interpreter, phone, documents, created_at, updated_at)
       SELECT u.id, u.g, u.f, u.s, u.sex, u.b, u.e, u.nat::text[], u.lang::text[], u.i, u.ph, u.d::jsonb, u.t, u.t
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::boolean[], $8::text[], $9::text[],
                     $10::boolean[], $11::text[], $12::text[], $13::timestamptz[])
              AS u(id, g, f, s, sex, b, e, nat, lang, i, ph, d, t)`,
      [p.id, p.given, p.first, p.second, p.sex, p.birth, p.est, p.nat, p.lang, p.interp, p.phone, p.docs, p.created]);
    await tx.query(
      `INSERT INTO claims (id, claim_number, office_id, principal_person_id, channel, modality, status, entered_mexico_on,
                           protection_expressed_at, lodged_at, calendar_id, assigned_officer_id, decision_due_on, closed_at,
                           created_by, created_at, updated_at)
       SELECT u.id, u.num, u.office, u.principal, u.channel, u.modality, u.status, u.entered, u.expressed, u.lodged, u.cal, u.officer,
              due.day, u.closed, $14, u.lodged, COALESCE(u.closed, u.lodged)
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[],
                     $9::timestamptz[], $10::timestamptz[], $11::uuid[], $12::uuid[], $13::timestamptz[])
              AS u(id, num, office, principal, channel, modality, status, entered, expressed, lodged, cal, officer, closed)
         LEFT JOIN calendar_days d0 ON d0.calendar_id = u.cal AND d0.day = (u.lodged AT TIME ZONE 'America/Mexico_City')::date
         LEFT JOIN calendar_days due ON due.calendar_id = u.cal AND due.is_working AND due.ordinal = d0.ordinal + 45`,
      [c.id, c.number, c.office, c.principal, c.channel, c.modality, c.status, c.entered, c.expressed, c.lodged, c.cal, c.officer, c.closed,
        SYNTHETIC_CREATOR_ID]);
    await tx.query(
      `INSERT INTO claim_members (claim_id, person_id, relation, unaccompanied)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[])`, [m.claim, m.person, m.relation, m.unacc]);
    await tx.query(
      `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state, stopped_at, paused_since)
       SELECT u.claim, u.kind, u.cal, u.started, u.wd, due.day, u.state, u.stopped, u.paused
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::int[], $6::text[], $7::timestamptz[], $8::date[])
              AS u(claim, kind, cal, started, wd, state, stopped, paused)
         LEFT JOIN calendar_days d0 ON d0.calendar_id = u.cal AND d0.day = u.started
         LEFT JOIN calendar_days due ON due.calendar_id = u.cal AND due.is_working AND due.ordinal = d0.ordinal + u.wd`,
      [k.claim, k.kind, k.cal, k.started, k.wd, k.state, k.stopped, k.paused]);
    if (n.claim.length > 0) {
      await tx.query(
        `INSERT INTO claim_clocks (claim_id, kind, started_at, hours, due_at, state, stopped_at)
         SELECT u.claim, 'inm_notice', u.started, 72, u.due, u.state, u.stopped
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::timestamptz[]) AS u(claim, started, due, state, stopped)`,
        [n.claim, n.started, n.due, n.state, n.stopped]);
    }
    await tx.query(
      `INSERT INTO claim_events (claim_id, kind, from_status, to_status, details, occurred_at)
       SELECT u.claim, u.kind, u.from_status, u.to_status, u.details::jsonb, u.at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS u(claim, kind, from_status, to_status, details, at)`,
      [e.claim, e.kind, e.from, e.to, e.details, e.at]);
    if (a.claim.length > 0) {
      await tx.query(
        `INSERT INTO claim_assignments (claim_id, officer_id, assigned_at, reason)
         SELECT u.claim, u.officer, u.at, 'synthetic' FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u(claim, officer, at)`,
        [a.claim, a.officer, a.at]);
    }
    if (f.claim.length > 0) {
      await tx.query(
        `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive, source, recorded_by, recorded_at, created_at, updated_at)
         SELECT u.claim, u.person, u.category, u.indicator, u.sensitive, u.source, u.by, u.at, u.at, u.at
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::uuid[], $8::timestamptz[])
                AS u(claim, person, category, indicator, sensitive, source, by, at)`,
        [f.claim, f.person, f.category, f.indicator, f.sensitive, f.source, f.by, f.at]);
    }
    const t = [...touched.values()];
    await tx.query(
      `INSERT INTO claim_number_counters (office_id, year, counter)
       SELECT u.office, u.year, u.counter FROM unnest($1::uuid[], $2::smallint[], $3::int[]) AS u(office, year, counter)
       ON CONFLICT (office_id, year) DO UPDATE SET counter = GREATEST(claim_number_counters.counter, EXCLUDED.counter)`,
      [t.map((x) => x.officeId), t.map((x) => x.year), t.map((x) => plan.counters.get(`${x.officeId}:${x.year}`)!)]);
    const counts: BatchCounts = {
      claims: claims.length, persons: p.id.length, members: m.claim.length, clocks: k.claim.length + n.claim.length,
      flags: f.claim.length, events: e.claim.length, assignments: a.claim.length, open, nearDuplicates,
    };
    await recordAudit(tx, ctx, {
      action: 'synthetic.loaded', entityType: 'system',
      details: { phase: 'claims', seed: batchInfo.seed, firstIndex: batchInfo.from, ...counts,
        firstClaimNumber: c.number[0] ?? null, lastClaimNumber: c.number.at(-1) ?? null },
    });
    return counts;
  });
}

/** The tables a load writes; their secondary indexes may be set aside during a first load. */
export const LOADED_TABLES = ['persons', 'claims', 'claim_members', 'claim_clocks', 'claim_events', 'claim_assignments', 'vulnerability_flags'] as const;

/**
 * Secondary indexes of the loaded tables: not unique, not behind a constraint (primary keys,
 * unique claim numbers and foreign keys stay, so a load is checked as before).
 */
async function secondaryIndexes(db: Queryable): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`, [[...LOADED_TABLES]]);
  return rows;
}

/**
 * Builds every index a previous load set aside and did not build again (the process was killed
 * in between): their definitions are in that load's `synthetic.loaded` event (phase
 * `indexes_dropped`), and an index that exists is left alone. Returns the names built.
 */
export async function restoreSetAsideIndexes(db: Queryable, ctx: RequestContext, jobs = 1): Promise<string[]> {
  const { rows } = await db.query<{ phase: string; definitions: Array<{ name: string; definition: string }> | null }>(
    `SELECT details->>'phase' AS phase, details->'definitions' AS definitions FROM audit_events
      WHERE action = 'synthetic.loaded' AND details->>'phase' IN ('indexes_dropped', 'indexes_rebuilt')
      ORDER BY id DESC LIMIT 1`);
  const last = rows[0];
  if (!last || last.phase !== 'indexes_dropped' || !last.definitions) return [];
  const built: string[] = [];
  const missing: Array<{ name: string; definition: string }> = [];
  for (const index of last.definitions) {
    const exists = await db.query(`SELECT 1 FROM pg_class WHERE oid = to_regclass($1)`, [index.name]);
    if (exists.rowCount === 0) missing.push(index);
  }
  // Largest tables first, `jobs` builds at once (each on its own pooled connection).
  let next = 0;
  const worker = async () => {
    while (next < missing.length) {
      const index = missing[next++]!;
      await db.query(index.definition);
      built.push(index.name);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  await recordAudit(db, ctx, { action: 'synthetic.loaded', entityType: 'system', details: { phase: 'indexes_rebuilt', indexes: built } });
  return built;
}

/**
 * A first load into (nearly) empty tables: each secondary index is dropped before the load and
 * built once after it, which costs far less than maintaining it row by row (a GIN trigram index
 * above all). Only when the claims to load outnumber those present, so a top-up of a loaded
 * database keeps its indexes. The definitions are audited first, so a load killed half-way gets
 * them back at the next `synthetic load` (restoreSetAsideIndexes). PostgreSQL only: on PGlite a
 * load is small and the embedded database has one connection anyway.
 */
export async function setIndexesAside(db: Database, ctx: RequestContext, claimsToLoad: number): Promise<Array<{ name: string; definition: string }>> {
  if (db.kind !== 'postgres') return [];
  const present = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM claims')).rows[0]?.n ?? 0;
  if (claimsToLoad <= present) return [];
  return db.transaction(async (tx) => {
    const indexes = await secondaryIndexes(tx);
    if (indexes.length === 0) return [];
    await recordAudit(tx, ctx, { action: 'synthetic.loaded', entityType: 'system', details: { phase: 'indexes_dropped', definitions: indexes } });
    for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
    return indexes;
  });
}

/** Builds the indexes setIndexesAside dropped (after the load, or after it failed). */
export async function buildIndexesSetAside(
  db: Database, ctx: RequestContext, indexes: ReadonlyArray<{ name: string; definition: string }>, jobs = 1,
): Promise<void> {
  if (indexes.length === 0) return;
  await restoreSetAsideIndexes(db, ctx, db.kind === 'postgres' ? jobs : 1);
}

export { generateBatch };
