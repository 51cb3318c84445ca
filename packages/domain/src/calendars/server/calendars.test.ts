// The clock service on a real database (PGlite or PostgreSQL, REFUGIO_TEST_DB): built-in
// calendars, SQL ordinals against the pure engine, clocks, and what a suspension moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integer, record, sample } from 'fast-check';
import type { Database } from '@refugio/db';
import { createTestDatabase } from '@refugio/db/testing';
import type { RequestContext } from '../../shared/context.ts';
import { addCalendarDays } from '../civil-date.ts';
import { MATERIALIZED_SPAN } from '../clock.rules.ts';
import { LFPA_ART_28, SAMPLE_COMAR_2024_HOLY_WEEK } from '../mexico-calendars.ts';
import { addWorkingDays } from '../working-days.ts';
import {
  addCalendarRule, createCalendar, defaultClaimCalendar, explainCalendarDueDate, getCalendar, listCalendars, loadCalendar,
  previewCalendarRule, removeCalendarRule, resolveCalendar, syncBuiltInCalendars,
} from './calendars.ts';
import { explainClaimClocks, extendClock, pauseClock, resumeClock, startClaimClocks, stopClock, type ClaimChannel } from './claim-clocks.ts';

let db: Database;
let ctx: RequestContext;
let lfpaId: string;
let officeId: string;
let personId: string;
let claimSeq = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const admin = (await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`)).rows[0]!;
  ctx = {
    actor: { userId: admin.id, username: 'admin', operationId: 1, institutionId: '', officeIds: [], roles: ['admin'],
      permissions: new Set(), language: 'es-MX' },
    requestId: 'calendars-test',
  };
  lfpaId = (await resolveCalendar(db, 'LFPA_ART_28')).id;
  officeId = (await db.query<{ id: string }>(`SELECT id FROM offices ORDER BY code LIMIT 1`)).rows[0]!.id;
  personId = (await db.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Prueba') RETURNING id`)).rows[0]!.id;
});
afterAll(async () => {
  await db?.close();
});

async function newClaim(calendarId: string, lodgedOn: string, channel: ClaimChannel = 'comar_office', extra: {
  enteredMexicoOn?: string; protectionExpressedAt?: string;
} = {}): Promise<string> {
  claimSeq += 1;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [`CAL-TEST-${claimSeq}`, officeId, personId, channel, `${lodgedOn}T10:00:00-06:00`, calendarId],
    );
    const claimId = rows[0]!.id;
    await startClaimClocks(tx, ctx, { claimId, calendarId, lodgedOn, channel, ...extra });
    return claimId;
  });
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

async function dueOf(claimId: string, kind = 'decision'): Promise<string | null> {
  const { rows } = await db.query<{ due_on: string | null }>('SELECT due_on FROM claim_clocks WHERE claim_id = $1 AND kind = $2', [claimId, kind]);
  return rows[0]?.due_on ?? null;
}

describe('built-in calendars', () => {
  it('installs LFPA art. 28 (default for claims) and LFT art. 74 with their rules, materialized over the span', async () => {
    const calendars = await listCalendars(db);
    const codes = calendars.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['LFPA_ART_28', 'LFT_ART_74']));
    expect((await defaultClaimCalendar(db)).code).toBe('LFPA_ART_28');
    const detail = await getCalendar(db, lfpaId);
    expect(detail.rules.map((r) => r.key).toSorted()).toEqual(LFPA_ART_28.rules.map((r) => r.id).toSorted());
    expect(detail.rules.find((r) => r.key === 'lfpa28.independence')).toMatchObject({ kind: 'fixed_date', source: 'LFPA art. 28', params: { month: 9, day: 16 } });
    const { rows } = await db.query<{ n: number; first: string; last: string }>(
      'SELECT count(*)::int AS n, min(day) AS first, max(day) AS last FROM calendar_days WHERE calendar_id = $1', [lfpaId]);
    expect(rows[0]).toEqual({ n: 18_628, first: `${MATERIALIZED_SPAN.fromYear}-01-01`, last: `${MATERIALIZED_SPAN.toYear}-12-31` });
  });

  it('is idempotent: a second sync adds nothing and keeps the default', async () => {
    await syncBuiltInCalendars(db);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM calendar_rules r JOIN calendars c ON c.id = r.calendar_id WHERE c.code = 'LFPA_ART_28'`);
    expect(rows[0]!.n).toBe(LFPA_ART_28.rules.length);
    expect((await defaultClaimCalendar(db)).id).toBe(lfpaId);
  });

  it('loads back exactly the engine calendar it was installed from', async () => {
    const loaded = await loadCalendar(db, lfpaId);
    expect(loaded.rules.toSorted(byId)).toEqual(LFPA_ART_28.rules.toSorted(byId));
    expect(loaded.weekendDays).toEqual([6, 7]);
  });
});

/** The stored ordinals give the engine's due date for random starts (from `first`, over `days`) and counts. */
async function expectSqlMatchesEngine(calendarId: string, first: string, days: number, seed: number): Promise<void> {
  const samples = sample(record({ offset: integer({ min: 0, max: days }), n: integer({ min: 0, max: 120 }) }), { numRuns: 300, seed });
  const froms = samples.map((s) => addCalendarDays(first, s.offset));
  const ns = samples.map((s) => s.n);
  const { rows } = await db.query<{ due: string }>(
    `SELECT add_working_days($1, f, n) AS due FROM unnest($2::date[], $3::int[]) WITH ORDINALITY AS u(f, n, i) ORDER BY i`,
    [calendarId, froms, ns]);
  const calendar = await loadCalendar(db, calendarId);
  expect(rows.map((r) => r.due)).toEqual(samples.map((_, i) => addWorkingDays(calendar, froms[i]!, ns[i]!)));
}

describe('SQL ordinals and the pure engine agree', () => {
  it('add_working_days equals addWorkingDays for random starts and counts', async () => {
    await expectSqlMatchesEngine(lfpaId, '2000-01-01', 365 * 45, 28);
  });

  it('explains a due date day by day with the holiday and its source', async () => {
    const explained = await explainCalendarDueDate(db, lfpaId, '2026-09-15', 3);
    expect(explained.due).toBe('2026-09-21');
    expect(explained.skipped).toEqual([
      { from: '2026-09-16', to: '2026-09-16', days: 1, kind: 'holiday', ruleId: 'lfpa28.independence', label: '16 de septiembre', source: 'LFPA art. 28' },
      { from: '2026-09-19', to: '2026-09-20', days: 2, kind: 'weekend', source: 'LFPA art. 28' },
    ]);
  });
});

describe('claim clocks', () => {
  it('starts decision, filing limit, ratification and INM notice clocks with the counting convention', async () => {
    // Lodged the day before 16 September (Tuesday 15 September 2026), filed by a third party.
    const claimId = await newClaim(lfpaId, '2026-09-15', 'third_party', { enteredMexicoOn: '2026-08-03' });
    const clocks = await explainClaimClocks(db, claimId, '2026-09-15');
    const byKind = Object.fromEntries(clocks.map((c) => [c.kind, c]));
    expect(byKind.ratification).toMatchObject({ dueOn: '2026-09-21', state: 'running', riskBand: 'due_soon', workingDaysLeft: 3 });
    const calendar = await loadCalendar(db, lfpaId);
    expect(byKind.decision!.dueOn).toBe(addWorkingDays(calendar, '2026-09-15', 45));
    // 16 September skipped; 20 November (a Friday) lies after the 45th working day.
    expect(byKind.decision).toMatchObject({ dueOn: '2026-11-18', riskBand: 'on_track', workingDaysLeft: 45 });
    // 30 working days from 3 August 2026: 1 and 16 September are holidays.
    expect(byKind.filing_limit).toMatchObject({ dueOn: '2026-09-15', state: 'stopped', filedOn: '2026-09-15', late: false });
    expect(byKind.inm_notice).toBeUndefined();
    const { rows } = await db.query<{ decision_due_on: string }>('SELECT decision_due_on FROM claims WHERE id = $1', [claimId]);
    expect(rows[0]!.decision_due_on).toBe('2026-11-18');
  });

  it('runs the 72-hour INM notice in elapsed hours for a referral', async () => {
    const claimId = await newClaim(lfpaId, '2026-03-20', 'inm_referral', { protectionExpressedAt: '2026-03-19T22:30:00-06:00' });
    const notice = (await explainClaimClocks(db, claimId, '2026-03-20')).find((c) => c.kind === 'inm_notice');
    expect(notice).toMatchObject({ startedAt: '2026-03-20T04:30:00Z', dueAt: '2026-03-23T04:30:00Z', hours: 72 });
  });

  it('refuses a second start and dates outside the span', async () => {
    const claimId = await newClaim(lfpaId, '2026-02-02');
    await expect(db.transaction((tx) => startClaimClocks(tx, ctx, { claimId, lodgedOn: '2026-02-02', channel: 'comar_office' })))
      .rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(db.transaction((tx) => startClaimClocks(tx, ctx, { claimId, lodgedOn: '1999-12-31', channel: 'comar_office' })))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'lodgedOn', code: 'validation.date_outside_calendar' }] });
    await expect(db.transaction((tx) => startClaimClocks(tx, ctx, { claimId, lodgedOn: '2026-02-30', channel: 'comar_office' })))
      .rejects.toMatchObject({ fieldErrors: [{ field: 'lodgedOn', code: 'validation.invalid_format' }] });
  });

  it('pauses, resumes (adding the paused working days), extends once and stops, audited', async () => {
    const claimId = await newClaim(lfpaId, '2026-01-12');
    const calendar = await loadCalendar(db, lfpaId);
    expect(await dueOf(claimId)).toBe(addWorkingDays(calendar, '2026-01-12', 45));
    await db.transaction((tx) => pauseClock(tx, ctx, { claimId, kind: 'decision', on: '2026-01-20', reason: 'prevención' }));
    // Paused Tuesday 20 January, resumed Tuesday 27 January: 5 working days stood still.
    const resumed = await db.transaction((tx) => resumeClock(tx, ctx, { claimId, kind: 'decision', on: '2026-01-27' }));
    expect(resumed.dueOn).toBe(addWorkingDays(calendar, '2026-01-12', 50));
    const extended = await db.transaction((tx) => extendClock(tx, ctx, { claimId, reason: 'complex case' }));
    expect(extended.dueOn).toBe(addWorkingDays(calendar, '2026-01-12', 95));
    await expect(db.transaction((tx) => extendClock(tx, ctx, { claimId, reason: 'again' }))).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const { rows } = await db.query<{ decision_due_on: string }>('SELECT decision_due_on FROM claims WHERE id = $1', [claimId]);
    expect(rows[0]!.decision_due_on).toBe(extended.dueOn);
    await db.transaction((tx) => stopClock(tx, ctx, { claimId, kind: 'decision' }));
    const events = await db.query<{ details: { change: string } }>(
      `SELECT details FROM audit_events WHERE action = 'claim_clock.changed' AND entity_id = $1 ORDER BY id`, [claimId]);
    expect(events.rows.map((e) => e.details.change)).toEqual(['paused', 'resumed', 'extended', 'stopped']);
  });
});

// Each rule change re-materializes calendars (18,628 days each): slow on PGlite when the machine is busy.
describe('declared days and suspensions', { timeout: 120_000 }, () => {
  it('a Holy Week declaration on an office calendar moves a claim lodged the day before', async () => {
    const comar = await createCalendar(db, ctx, { code: 'COMAR_2024', name: 'COMAR 2024', extendsId: lfpaId, officeIds: [officeId] });
    const claimId = await newClaim(comar.id, '2024-03-27', 'third_party');
    expect(await dueOf(claimId, 'ratification')).toBe('2024-04-01');
    const { id: _id, ...holyWeek } = SAMPLE_COMAR_2024_HOLY_WEEK;
    const result = await addCalendarRule(db, ctx, comar.id, { version: comar.version, rule: holyWeek });
    expect(result.recomputation.movedClaims).toBe(1);
    // Thursday 28 and Friday 29 declared, then the weekend: day 1 is Monday 1 April.
    expect(await dueOf(claimId, 'ratification')).toBe('2024-04-03');
    expect(result.calendar.officeCodes.length).toBe(1);
  });

  it('moves exactly the clocks whose window overlaps a suspension, preview = apply, audited and explained', async () => {
    const office = await createCalendar(db, ctx, { code: 'COMAR_TAP', name: 'COMAR Tapachula', extendsId: lfpaId, officeIds: [] });
    const overlapping = await newClaim(office.id, '2026-05-04'); // due in July, spans the suspension
    const startsInside = await newClaim(office.id, '2026-06-16'); // lodged during it
    const before = await newClaim(office.id, '2026-01-05'); // due in March, before it
    const after = await newClaim(office.id, '2026-06-30'); // lodged after it ends
    const parent = await newClaim(lfpaId, '2026-05-04'); // on the calendar it extends: untouched
    const dues = { overlapping: await dueOf(overlapping), startsInside: await dueOf(startsInside), before: await dueOf(before),
      after: await dueOf(after), parent: await dueOf(parent) };
    const suspension = {
      kind: 'suspension' as const, label: 'Suspensión de plazos (prueba)', source: 'DOF 15/06/2026, Acuerdo COMAR/01/2026',
      from: '2026-06-15', to: '2026-06-26',
    };
    const preview = await previewCalendarRule(db, office.id, suspension);
    expect(preview).toMatchObject({ movedClocks: 2, movedClaims: 2 });
    // The preview wrote nothing.
    expect(await dueOf(overlapping)).toBe(dues.overlapping);
    expect((await getCalendar(db, office.id)).rules.filter((r) => !r.inherited)).toEqual([]);

    const applied = await addCalendarRule(db, ctx, office.id, { version: office.version, rule: suspension });
    expect(applied.recomputation).toMatchObject({ movedClocks: preview.movedClocks, movedClaims: preview.movedClaims });
    const calendar = await loadCalendar(db, office.id);
    expect(await dueOf(overlapping)).toBe(addWorkingDays(calendar, '2026-05-04', 45));
    expect(await dueOf(overlapping)).not.toBe(dues.overlapping);
    expect(await dueOf(startsInside)).toBe(addWorkingDays(calendar, '2026-06-16', 45));
    expect(await dueOf(startsInside)).not.toBe(dues.startsInside);
    expect(await dueOf(before)).toBe(dues.before);
    expect(await dueOf(after)).toBe(dues.after);
    expect(await dueOf(parent)).toBe(dues.parent);
    // The re-materialized days still agree with the engine around the suspension.
    await expectSqlMatchesEngine(office.id, '2026-03-01', 200, 74);
    const claimDue = await db.query<{ decision_due_on: string }>('SELECT decision_due_on FROM claims WHERE id = $1', [overlapping]);
    expect(claimDue.rows[0]!.decision_due_on).toBe(await dueOf(overlapping));

    const audit = await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'calendar.rule_added' AND entity_id = $1`, [office.id]);
    expect(audit.rows[0]!.details).toMatchObject({ calendarCode: 'COMAR_TAP', movedClocks: 2, movedClaims: 2, changeId: applied.changeId,
      rule: { source: suspension.source } });

    const decision = (await explainClaimClocks(db, overlapping, '2026-05-04')).find((c) => c.kind === 'decision')!;
    expect(decision.skipped).toContainEqual(expect.objectContaining({
      from: '2026-06-15', to: '2026-06-26', kind: 'suspension', label: suspension.label, source: suspension.source,
    }));
    expect(decision.moves).toEqual([expect.objectContaining({ oldDueOn: dues.overlapping, newDueOn: decision.dueOn, ruleSource: suspension.source })]);

    // Removing the suspension puts the due dates back.
    const ruleId = applied.calendar.rules.find((r) => !r.inherited)!.id;
    const removed = await removeCalendarRule(db, ctx, office.id, ruleId, applied.calendar.version);
    expect(removed.recomputation.movedClocks).toBe(2);
    expect(await dueOf(overlapping)).toBe(dues.overlapping);
  });

  it('a declaration on the base calendar re-materializes and moves the calendars extending it', async () => {
    const office = await createCalendar(db, ctx, { code: 'COMAR_VHS', name: 'COMAR Villahermosa', extendsId: lfpaId, officeIds: [] });
    const child = await newClaim(office.id, '2027-03-01');
    const base = await newClaim(lfpaId, '2027-03-01');
    const lfpa = await getCalendar(db, lfpaId);
    const rule = { kind: 'date_range' as const, label: 'Vacaciones (prueba)', source: 'DOF 01/03/2027', from: '2027-03-15', to: '2027-03-19' };
    const preview = await previewCalendarRule(db, lfpaId, rule);
    const applied = await addCalendarRule(db, ctx, lfpaId, { version: lfpa.version, rule });
    expect(applied.recomputation.calendarIds).toEqual(expect.arrayContaining([lfpaId, office.id]));
    expect(applied.recomputation.movedClaims).toBe(preview.movedClaims);
    expect(applied.recomputation.movedClaims).toBeGreaterThanOrEqual(2);
    expect(await dueOf(child)).toBe(await dueOf(base));
    expect(await dueOf(child)).toBe(addWorkingDays(await loadCalendar(db, office.id), '2027-03-01', 45));
  });

  it('refuses a stale version with the current calendar', async () => {
    const lfpa = await getCalendar(db, lfpaId);
    const rule = { kind: 'date_range' as const, label: 'x', source: 'DOF', from: '2030-01-02', to: '2030-01-02' };
    await expect(addCalendarRule(db, ctx, lfpaId, { version: lfpa.version - 1, rule }))
      .rejects.toMatchObject({ code: 'VERSION_CONFLICT', extra: { current: { id: lfpaId, version: lfpa.version } } });
  });
});
