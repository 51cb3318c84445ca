import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNamePools, generateBatch } from '../synthetic/generate.ts';
import { emptyTarget, seededTarget, type CliTarget } from '../testing/cli-harness.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await seededTarget();
});
afterAll(async () => {
  await target?.destroy();
});

describe('refugio synthetic load', { timeout: 180_000 }, () => {
  it('loads whole claims: a principal each, a decision clock due on a working day, numbers per office and year, one audit event per batch', async () => {
    const result = await target.run(['synthetic', 'load', '--claims', '200', '--seed', '7', '--batch-size', '80', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { claims: number; persons: number; clocks: number };
    expect(summary.claims).toBe(200);
    expect(summary.persons).toBeGreaterThanOrEqual(200);

    const checks = await target.withDb(async (db) => (await db.query<Record<string, number>>(`
      SELECT
        (SELECT count(*)::int FROM claims) AS claims,
        (SELECT count(*)::int FROM claims c WHERE NOT EXISTS (
           SELECT 1 FROM claim_members m WHERE m.claim_id = c.id AND m.relation = 'principal' AND m.person_id = c.principal_person_id)) AS "withoutPrincipal",
        (SELECT count(*)::int FROM claims c WHERE (SELECT count(*) FROM claim_members m WHERE m.claim_id = c.id AND m.relation = 'principal') <> 1) AS "notOnePrincipal",
        (SELECT count(*)::int FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_clocks k WHERE k.claim_id = c.id AND k.kind = 'decision')) AS "withoutDecisionClock",
        (SELECT count(*)::int FROM claims c JOIN claim_clocks k ON k.claim_id = c.id AND k.kind = 'decision'
          WHERE c.decision_due_on IS DISTINCT FROM k.due_on OR k.due_on IS NULL
             OR k.due_on <> add_working_days(k.calendar_id, k.started_on, 45)) AS "dueMismatch",
        (SELECT count(*)::int FROM claim_clocks k JOIN calendar_days d ON d.calendar_id = k.calendar_id AND d.day = k.due_on
          WHERE NOT d.is_working) AS "dueOnNonWorkingDay",
        (SELECT count(*)::int FROM (SELECT office_id, extract(year FROM lodged_at AT TIME ZONE 'America/Mexico_City') AS y, count(*) AS n,
                                           max(right(claim_number, 6)::int) AS top FROM claims GROUP BY 1, 2) g
          JOIN offices o ON o.id = g.office_id
          JOIN claim_number_counters n ON n.office_id = g.office_id AND n.year = g.y
          WHERE g.n <> g.top OR n.counter <> g.top) AS "numberGaps",
        (SELECT count(*)::int FROM claims WHERE lodged_at > now() OR lodged_at < now() - interval '10 years 1 day') AS "lodgedOutsideTenYears",
        (SELECT count(*)::int FROM audit_events WHERE action = 'synthetic.loaded' AND details->>'phase' = 'claims') AS "batchEvents",
        (SELECT count(*)::int FROM audit_events WHERE action = 'claim.created') AS "claimCreatedEvents",
        (SELECT count(DISTINCT nationalities[1])::int FROM persons) AS nationalities`)).rows[0]!);
    expect(checks).toMatchObject({
      claims: 200, withoutPrincipal: 0, notOnePrincipal: 0, withoutDecisionClock: 0, dueMismatch: 0, dueOnNonWorkingDay: 0,
      numberGaps: 0, lodgedOutsideTenYears: 0, batchEvents: 3, claimCreatedEvents: 0,
    });
    expect(checks.nationalities).toBeGreaterThanOrEqual(5);
  });

  it('generates the same claims for the same seed and indices', async () => {
    const { fakerES_MX, fakerFR } = await import('@faker-js/faker');
    const setup = (seed: number) => ({ seed, today: '2026-11-28', total: 1000, officeWeights: [66, 14], officersPerOffice: [12, 12],
      pools: buildNamePools(fakerES_MX, fakerFR, seed) });
    const a = generateBatch(setup(3), 100, 50);
    expect(generateBatch(setup(3), 100, 50)).toEqual(a);
    expect(generateBatch(setup(4), 100, 50)).not.toEqual(a);
    expect(a.every((c) => c.members[0]!.relation === 'principal')).toBe(true);
  });

  it('refuses a database that was not seeded as a demo, unless --force', async () => {
    const empty = await emptyTarget();
    try {
      expect((await empty.run(['migrate'])).code).toBe(0);
      const refused = await empty.run(['synthetic', 'load', '--claims', '10']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Refusing to load synthetic people.*not seeded as a demo/);
      expect(await empty.withDb(async (db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows[0]!.n)).toBe(0);
    } finally {
      await empty.destroy();
    }
  }, 180_000);

  it('refuses a demo database where someone registered a real claim', async () => {
    const other = await seededTarget();
    try {
      await other.withDb(async (db) => {
        const office = (await db.query<{ id: string }>(`SELECT id FROM offices WHERE code = 'COMAR-TAP'`)).rows[0]!.id;
        const calendar = (await db.query<{ id: string }>('SELECT id FROM calendars WHERE is_default_for_claims')).rows[0]!.id;
        const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Real') RETURNING id`)).rows[0]!.id;
        await db.query(
          `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, created_by)
           VALUES ('TAP-2026-999999', $1, $2, 'comar_office', now(), $3, gen_random_uuid())`, [office, person, calendar]);
      });
      const refused = await other.run(['synthetic', 'load', '--claims', '10']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/1 claim\(s\) registered by people other than the demo accounts/);
    } finally {
      await other.destroy();
    }
  });

  it('answers bad numbers with a usage error', async () => {
    expect((await target.run(['synthetic', 'load'])).code).toBe(2);
    expect((await target.run(['synthetic', 'load', '--claims', 'many'])).code).toBe(2);
    expect((await target.run(['synthetic', 'load', '--claims', '10', '--batch-size', '0'])).code).toBe(2);
  });
});
