/**
 * A claim's legal clocks (LRPCPAP arts. 11, 18, 24, 25; Reglamento arts. 20, 22; ADR 009): decision 45 working days from lodging (extendable
 * once by 45), filing limit 30 working days from entry into Mexico, ratification 3 working days
 * from lodging (third-party filing), appeal 15 working days from notification, INM notice 72 hours.
 *
 * Contract for other features (all take the caller's transaction and never open their own):
 *
 * - `startClaimClocks(tx, ctx, { claimId, calendarId?, lodgedOn, enteredMexicoOn?, protectionExpressedAt?, channel })`
 *   Call inside the claim-creation transaction, after the claims row exists. Starts `decision`
 *   (always), `filing_limit` (with enteredMexicoOn; created stopped, as the filing already
 *   happened: the explanation says whether it was late), `ratification` (channel third_party) and
 *   `inm_notice` (channels inm_referral / detention_centre, from protectionExpressedAt, else the
 *   lodging date at 00:00 Mexico City). `calendarId` defaults to the claim's `calendar_id`.
 *   Sets `claims.decision_due_on`. Not audited here: the caller's `claim.created` event covers
 *   it (put the returned clocks in its details). Dates are civil dates (`YYYY-MM-DD`, Mexico
 *   City) inside MATERIALIZED_SPAN; anything else is a field error on the input's name.
 * - `startClock(tx, ctx, { claimId, kind, startedOn })` one more working-day clock later (the
 *   15-day appeal from notification); `pauseClock`, `resumeClock`, `extendClock` (once),
 *   `stopClock` change one clock and are audited (`claim_clock.changed`). Paused working days
 *   are those after the pause day up to and including the resume day.
 * - `explainClaimClocks(db, claimId, today?)` every clock with its due date, working days left,
 *   risk band and the skipped days (weekend / holiday / declared / suspension, with the rule's
 *   label and citation), plus the due-date moves calendar changes caused.
 *
 * Due dates are computed in SQL from `calendar_days` ordinals (`add_working_days`, day 0 = the
 * event day) and equal the pure engine's `addWorkingDays` on the same rules (tested). A clock's
 * due date counts working_days + extension_days + paused_working_days; while paused it shows the
 * due date as if it resumed on the pause day, and moves on resume.
 *
 * For list queries: SQL `claim_risk_band(calendar_id, due_on, today)` and
 * `working_days_left(calendar_id, due_on, today)` (migration 20261128141000).
 */
import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import type { Calendar } from '../calendar.rules.ts';
import { isIsoDate, type IsoDate } from '../civil-date.ts';
import { CLOCK_DEFINITIONS, MATERIALIZED_SPAN, riskBand, type ClockKind, type ClockState, type RiskBand } from '../clock.rules.ts';
import type { TClaimClock } from '../calendars.schemas.ts';
import { explainDueDate, groupSkippedDays, hoursClockDue } from '../working-days.ts';
import { loadCalendar } from './calendars.ts';
import { todayIn, localDay } from '../../shared/time.ts';

export type ClaimChannel = 'comar_office' | 'inm_referral' | 'detention_centre' | 'third_party';

export interface StartClaimClocksInput {
  claimId: string;
  /** Defaults to the claim's calendar_id. */
  calendarId?: string | null;
  /** Civil date the claim was lodged (Mexico City): day 0 of the decision and ratification clocks. */
  lodgedOn: IsoDate;
  /** Day 0 of the 30-working-day filing limit; no filing-limit clock without it. */
  enteredMexicoOn?: IsoDate | null;
  /** When the person first asked for protection (ISO instant with offset, or a Date). */
  protectionExpressedAt?: string | Date | null;
  channel: ClaimChannel;
  /**
   * When COMAR received INM's notice, if it already has: a claim opened by accepting a referral
   * starts its 72-hour clock stopped then, as the referrals inbox counts it (Reglamento art. 22).
   */
  inmNoticeReceivedAt?: string | null;
}

export interface StartedClock {
  kind: ClockKind;
  state: ClockState;
  dueOn: IsoDate | null;
  dueAt: string | null;
}

export interface RuleWindow {
  from: IsoDate;
  to: IsoDate;
}

const SPAN_FROM = `${MATERIALIZED_SPAN.fromYear}-01-01`;
const SPAN_TO = `${MATERIALIZED_SPAN.toYear}-12-31`;

function assertClockDate(field: string, value: unknown): asserts value is IsoDate {
  if (!isIsoDate(value)) throw fieldError(field, 'validation.invalid_format');
  if (value < SPAN_FROM || value > SPAN_TO) throw fieldError(field, 'validation.date_outside_calendar');
}

function instantIso(field: string, value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw fieldError(field, 'validation.invalid_format');
  return date.toISOString();
}

/**
 * Taken by every clock write: a calendar change holds these rows FOR UPDATE while it moves due
 * dates, so a clock started concurrently is either seen by the change or computed after it.
 */
async function shareCalendar(tx: Queryable, calendarId: string): Promise<void> {
  const { rowCount } = await tx.query('SELECT 1 FROM calendars WHERE id = $1 FOR SHARE', [calendarId]);
  if (rowCount === 0) throw fieldError('calendarId', 'validation.unknown_reference');
}

export async function lockCalendarsForChange(tx: Queryable, calendarIds: readonly string[]): Promise<void> {
  await tx.query('SELECT id FROM calendars WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [calendarIds]);
}

async function claimCalendar(tx: Queryable, claimId: string): Promise<string> {
  const { rows } = await tx.query<{ calendar_id: string }>('SELECT calendar_id FROM claims WHERE id = $1', [claimId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0].calendar_id;
}

async function syncDecisionDue(tx: Queryable, claimId: string): Promise<void> {
  await tx.query(
    `UPDATE claims c SET decision_due_on = k.due_on FROM claim_clocks k
      WHERE c.id = $1 AND k.claim_id = c.id AND k.kind = 'decision' AND c.decision_due_on IS DISTINCT FROM k.due_on`,
    [claimId],
  );
}

/** Starts the clocks a new claim runs; see the contract at the top of this file. */
export async function startClaimClocks(tx: Queryable, _ctx: RequestContext, input: StartClaimClocksInput): Promise<StartedClock[]> {
  assertClockDate('lodgedOn', input.lodgedOn);
  if (input.enteredMexicoOn != null) assertClockDate('enteredMexicoOn', input.enteredMexicoOn);
  const expressedAt = input.protectionExpressedAt == null ? null : instantIso('protectionExpressedAt', input.protectionExpressedAt);
  const calendarId = input.calendarId ?? (await claimCalendar(tx, input.claimId));
  await shareCalendar(tx, calendarId);
  const existing = await tx.query('SELECT 1 FROM claim_clocks WHERE claim_id = $1 LIMIT 1', [input.claimId]);
  if (existing.rowCount !== 0) throw new AppError('INVALID_STATE');

  const kinds: ClockKind[] = [];
  const startedOn: IsoDate[] = [];
  const states: ClockState[] = [];
  const stoppedAt: Array<string | null> = [];
  const add = (kind: ClockKind, on: IsoDate, state: ClockState = 'running', stopped: string | null = null) => {
    kinds.push(kind);
    startedOn.push(on);
    states.push(state);
    stoppedAt.push(stopped);
  };
  add('decision', input.lodgedOn);
  if (input.enteredMexicoOn != null) {
    // The filing happened when the person expressed the wish (INM) or lodged the claim.
    add('filing_limit', input.enteredMexicoOn, 'stopped', expressedAt ?? `${input.lodgedOn}T12:00:00-06:00`);
  }
  if (input.channel === 'third_party') add('ratification', input.lodgedOn);
  const { rows } = await tx.query<{ kind: ClockKind; state: ClockState; due_on: string | null }>(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state, stopped_at)
     SELECT $1, v.kind, $2, v.started_on, v.working_days, add_working_days($2, v.started_on, v.working_days), v.state, v.stopped_at
       FROM unnest($3::text[], $4::date[], $5::int[], $6::text[], $7::timestamptz[]) AS v(kind, started_on, working_days, state, stopped_at)
     RETURNING kind, state, due_on`,
    [input.claimId, calendarId, kinds, startedOn, kinds.map((k) => CLOCK_DEFINITIONS[k].workingDays!), states, stoppedAt],
  );
  for (const row of rows) if (row.due_on === null) throw fieldError(row.kind === 'filing_limit' ? 'enteredMexicoOn' : 'lodgedOn', 'validation.date_outside_calendar');
  const started: StartedClock[] = rows.map((r) => ({ kind: r.kind, state: r.state, dueOn: r.due_on, dueAt: null }));

  if (input.channel === 'inm_referral' || input.channel === 'detention_centre') {
    const from = expressedAt ?? new Date(`${input.lodgedOn}T00:00:00-06:00`).toISOString();
    const hours = CLOCK_DEFINITIONS.inm_notice.hours!;
    const dueAt = hoursClockDue(from, hours);
    await tx.query(
      `INSERT INTO claim_clocks (claim_id, kind, started_at, hours, due_at, state, stopped_at) VALUES ($1, 'inm_notice', $2, $3, $4, $5, $6)`,
      [input.claimId, from, hours, dueAt, input.inmNoticeReceivedAt ? 'stopped' : 'running', input.inmNoticeReceivedAt ?? null],
    );
    started.push({ kind: 'inm_notice', state: input.inmNoticeReceivedAt ? 'stopped' : 'running', dueOn: null, dueAt });
  }
  await syncDecisionDue(tx, input.claimId);
  return started;
}

interface ClockRow {
  id: string;
  kind: ClockKind;
  state: ClockState;
  calendar_id: string | null;
  started_on: string | null;
  working_days: number | null;
  extension_days: number;
  paused_working_days: number;
  paused_since: string | null;
  due_on: string | null;
  version: number;
}

async function lockClock(tx: Queryable, claimId: string, kind: ClockKind): Promise<ClockRow> {
  const { rows } = await tx.query<ClockRow>(
    `SELECT id, kind, state, calendar_id, started_on, working_days, extension_days, paused_working_days, paused_since, due_on, version
       FROM claim_clocks WHERE claim_id = $1 AND kind = $2 FOR UPDATE`,
    [claimId, kind],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

async function recomputeOne(tx: Queryable, clockId: string): Promise<string | null> {
  const { rows } = await tx.query<{ due_on: string | null }>(
    `UPDATE claim_clocks SET due_on = add_working_days(calendar_id, started_on, working_days + extension_days + paused_working_days),
            version = version + 1
      WHERE id = $1 RETURNING due_on`,
    [clockId],
  );
  return rows[0]?.due_on ?? null;
}

async function auditClock(
  tx: Queryable, ctx: RequestContext, claimId: string, kind: ClockKind, change: string, details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, ctx, { action: 'claim_clock.changed', entityType: 'claim', entityId: claimId, details: { kind, change, ...details } });
}

/** Starts one more working-day clock on the claim's calendar (e.g. the appeal from notification). */
export async function startClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind: Exclude<ClockKind, 'inm_notice'>; startedOn: IsoDate },
): Promise<StartedClock> {
  assertClockDate('startedOn', input.startedOn);
  const calendarId = await claimCalendar(tx, input.claimId);
  await shareCalendar(tx, calendarId);
  const workingDays = CLOCK_DEFINITIONS[input.kind].workingDays!;
  const { rows } = await tx.query<{ due_on: string | null }>(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on)
     VALUES ($1, $2, $3, $4, $5, add_working_days($3, $4::date, $5))
     ON CONFLICT (claim_id, kind) DO NOTHING RETURNING due_on`,
    [input.claimId, input.kind, calendarId, input.startedOn, workingDays],
  );
  if (!rows[0]) throw new AppError('INVALID_STATE');
  if (rows[0].due_on === null) throw fieldError('startedOn', 'validation.date_outside_calendar');
  await auditClock(tx, ctx, input.claimId, input.kind, 'started', { startedOn: input.startedOn, dueOn: rows[0].due_on });
  if (input.kind === 'decision') await syncDecisionDue(tx, input.claimId);
  return { kind: input.kind, state: 'running', dueOn: rows[0].due_on, dueAt: null };
}

/** Stops the count from the day after `on` (a prevención awaiting the applicant, force majeure). */
export async function pauseClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind: ClockKind; on: IsoDate; reason?: string },
): Promise<StartedClock> {
  assertClockDate('on', input.on);
  const clock = await lockClock(tx, input.claimId, input.kind);
  if (clock.state !== 'running' || clock.working_days === null) throw new AppError('INVALID_STATE');
  if (input.on < clock.started_on!) throw fieldError('on', 'validation.invalid_value');
  await shareCalendar(tx, clock.calendar_id!);
  await tx.query(`UPDATE claim_clocks SET state = 'paused', paused_since = $2, version = version + 1 WHERE id = $1`, [clock.id, input.on]);
  await auditClock(tx, ctx, input.claimId, input.kind, 'paused', { on: input.on, reason: input.reason ?? null });
  return { kind: clock.kind, state: 'paused', dueOn: clock.due_on, dueAt: null };
}

/** Counting resumes the working day after `on`; the working days in between are added. */
export async function resumeClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind: ClockKind; on: IsoDate; reason?: string },
): Promise<StartedClock> {
  assertClockDate('on', input.on);
  const clock = await lockClock(tx, input.claimId, input.kind);
  if (clock.state !== 'paused') throw new AppError('INVALID_STATE');
  if (input.on < clock.paused_since!) throw fieldError('on', 'validation.invalid_value');
  await shareCalendar(tx, clock.calendar_id!);
  const { rows } = await tx.query<{ days: number | null }>(
    'SELECT working_days_left($1, $2::date, $3::date) AS days', [clock.calendar_id, input.on, clock.paused_since],
  );
  const paused = rows[0]?.days ?? 0;
  await tx.query(
    `UPDATE claim_clocks SET state = 'running', paused_since = NULL, paused_working_days = paused_working_days + $2 WHERE id = $1`,
    [clock.id, paused],
  );
  const dueOn = await recomputeOne(tx, clock.id);
  await auditClock(tx, ctx, input.claimId, input.kind, 'resumed', { on: input.on, pausedWorkingDays: paused, dueOn, reason: input.reason ?? null });
  if (clock.kind === 'decision') await syncDecisionDue(tx, input.claimId);
  return { kind: clock.kind, state: 'running', dueOn, dueAt: null };
}

/** The one-time extension by an equal period (decision clock, LRPCPAP art. 24). */
export async function extendClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind?: ClockKind; reason: string },
): Promise<StartedClock> {
  const kind = input.kind ?? 'decision';
  const extension = CLOCK_DEFINITIONS[kind].extensionDays;
  const clock = await lockClock(tx, input.claimId, kind);
  if (extension === undefined || clock.extension_days !== 0 || clock.state === 'stopped') throw new AppError('INVALID_STATE');
  await shareCalendar(tx, clock.calendar_id!);
  await tx.query('UPDATE claim_clocks SET extension_days = $2 WHERE id = $1', [clock.id, extension]);
  const dueOn = await recomputeOne(tx, clock.id);
  await auditClock(tx, ctx, input.claimId, kind, 'extended', { extensionDays: extension, before: clock.due_on, dueOn, reason: input.reason });
  if (kind === 'decision') await syncDecisionDue(tx, input.claimId);
  return { kind, state: clock.state, dueOn, dueAt: null };
}

/** The clock has done its job (decision notified, claim ratified, INM told, claim closed). */
export async function stopClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind: ClockKind; at?: Date; reason?: string },
): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE claim_clocks SET state = 'stopped', stopped_at = $3, paused_since = NULL, version = version + 1
      WHERE claim_id = $1 AND kind = $2 AND state <> 'stopped' RETURNING id`,
    [input.claimId, input.kind, input.at ?? new Date()],
  );
  if (!rows[0]) throw new AppError('INVALID_STATE');
  await auditClock(tx, ctx, input.claimId, input.kind, 'stopped', { reason: input.reason ?? null });
}

/**
 * A working-day clock stopped when its file closed counts again when the file is reopened (ADR 050):
 * the working days the file stayed closed are not counted, as for a pause from the day it stopped to
 * `on`. With `paused`, it stays paused from the day it stopped (a file reopened into a prevención).
 */
export async function restartStoppedClock(
  tx: Queryable, ctx: RequestContext, input: { claimId: string; kind: ClockKind; on: IsoDate; paused: boolean; reason?: string },
): Promise<StartedClock> {
  assertClockDate('on', input.on);
  const clock = await lockClock(tx, input.claimId, input.kind);
  if (clock.state !== 'stopped' || clock.working_days === null) throw new AppError('INVALID_STATE');
  await shareCalendar(tx, clock.calendar_id!);
  const { rows } = await tx.query<{ stopped_on: string }>(
    `SELECT to_char((k.stopped_at AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS stopped_on
       FROM claim_clocks k JOIN claims c ON c.id = k.claim_id JOIN offices o ON o.id = c.office_id WHERE k.id = $1`, [clock.id]);
  const stoppedOn = rows[0]?.stopped_on ?? input.on;
  if (input.paused) {
    await tx.query(`UPDATE claim_clocks SET state = 'paused', stopped_at = NULL, paused_since = $2, version = version + 1 WHERE id = $1`,
      [clock.id, stoppedOn]);
    await auditClock(tx, ctx, input.claimId, input.kind, 'paused', { on: stoppedOn, reason: input.reason ?? null });
    return { kind: clock.kind, state: 'paused', dueOn: clock.due_on, dueAt: null };
  }
  const closed = (await tx.query<{ days: number | null }>(
    'SELECT greatest(working_days_left($1, $2::date, $3::date), 0) AS days', [clock.calendar_id, input.on, stoppedOn])).rows[0]?.days ?? 0;
  await tx.query(
    `UPDATE claim_clocks SET state = 'running', stopped_at = NULL, paused_since = NULL, paused_working_days = paused_working_days + $2 WHERE id = $1`,
    [clock.id, closed]);
  const dueOn = await recomputeOne(tx, clock.id);
  await auditClock(tx, ctx, input.claimId, input.kind, 'resumed', { on: input.on, pausedWorkingDays: closed, dueOn, reason: input.reason ?? null });
  if (clock.kind === 'decision') await syncDecisionDue(tx, input.claimId);
  return { kind: clock.kind, state: 'running', dueOn, dueAt: null };
}

// The clocks a change to these calendars can move, with their due date on the re-materialized days.
// A clock whose window [started_on, due_on] lies wholly before or after the rule's days keeps its
// due date, so with a window only clocks started before its end and due on or after its start are read.
const RECOMPUTED = `
  SELECT k.id, k.claim_id, k.kind, k.due_on AS old_due, d.day AS new_due
    FROM claim_clocks k
    JOIN calendar_days s ON s.calendar_id = k.calendar_id AND s.day = k.started_on
    LEFT JOIN calendar_days d ON d.calendar_id = k.calendar_id AND d.is_working
         AND d.ordinal = s.ordinal + k.working_days + k.extension_days + k.paused_working_days
   WHERE k.calendar_id = ANY($1::uuid[]) AND k.working_days IS NOT NULL
     AND (k.state <> 'stopped' OR k.kind = 'filing_limit')
     AND ($2::date IS NULL OR k.due_on >= $2::date) AND ($3::date IS NULL OR k.started_on < $3::date)`;

/**
 * Moves the due dates of the open clocks (and every filing-limit clock, whose lateness depends on
 * it) counting on these calendars to what their materialized days now give, in one statement:
 * logs each move under the change, keeps claims.decision_due_on in step. With `dryRun` it only
 * counts what would move (the preview), with the very same selection.
 */
export async function recomputeClockDueDates(
  tx: Queryable, input: { calendarIds: readonly string[]; window: RuleWindow | null; changeId: string | null; dryRun?: boolean },
): Promise<{ clocks: number; claims: number }> {
  const params = [input.calendarIds, input.window?.from ?? null, input.window?.to ?? null];
  if (input.dryRun) {
    const { rows } = await tx.query<{ clocks: number; claims: number }>(
      `SELECT count(*)::int AS clocks, count(DISTINCT claim_id)::int AS claims FROM (${RECOMPUTED}) r
        WHERE r.new_due IS DISTINCT FROM r.old_due`, params);
    return rows[0] ?? { clocks: 0, claims: 0 };
  }
  const { rows } = await tx.query<{ clocks: number; claims: number }>(
    `WITH recomputed AS (${RECOMPUTED}
     ), moved AS (
       UPDATE claim_clocks c SET due_on = r.new_due, version = c.version + 1
         FROM recomputed r WHERE c.id = r.id AND r.new_due IS DISTINCT FROM r.old_due
       RETURNING c.id, c.claim_id, c.kind, r.old_due, r.new_due
     ), logged AS (
       INSERT INTO claim_clock_moves (change_id, clock_id, claim_id, kind, old_due_on, new_due_on)
       SELECT $4, id, claim_id, kind, old_due, new_due FROM moved
     ), claims_moved AS (
       UPDATE claims c SET decision_due_on = m.new_due FROM moved m WHERE m.claim_id = c.id AND m.kind = 'decision'
     )
     SELECT count(*)::int AS clocks, count(DISTINCT claim_id)::int AS claims FROM moved`,
    [...params, input.changeId],
  );
  return rows[0] ?? { clocks: 0, claims: 0 };
}

/** An instant as ISO 8601 in UTC, the same from both drivers. */
function isoInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

interface ExplainRow extends ClockRow {
  calendar_code: string | null;
  calendar_name: string | null;
  started_at: string | null;
  hours: number | null;
  due_at: string | null;
  stopped_at: string | null;
  days_left: number | null;
}

/** Every clock of the claim, explained day by day; see the contract at the top of this file. */
export async function explainClaimClocks(
  db: Queryable, claimId: string, today: IsoDate = todayIn(),
): Promise<TClaimClock[]> {
  const { rows } = await db.query<ExplainRow>(
    `SELECT k.id, k.kind, k.state, k.calendar_id, c.code AS calendar_code, c.name AS calendar_name, k.started_on, ${isoInstantSql('k.started_at')} AS started_at,
            k.working_days, k.hours, k.extension_days, k.paused_working_days, k.paused_since, k.due_on,
            ${isoInstantSql('k.due_at')} AS due_at, ${isoInstantSql('k.stopped_at')} AS stopped_at, k.version,
            working_days_left(k.calendar_id, k.due_on, $2::date) AS days_left
       FROM claim_clocks k LEFT JOIN calendars c ON c.id = k.calendar_id
      WHERE k.claim_id = $1
      ORDER BY array_position(ARRAY['decision','filing_limit','ratification','inm_notice','appeal'], k.kind)`,
    [claimId, today],
  );
  const moves = await db.query<{ clock_id: string; change_id: string; at: string; old_due_on: string | null; new_due_on: string | null;
    rule_label: string; rule_source: string; action: string }>(
    `SELECT m.clock_id, m.change_id, ${isoInstantSql('ch.created_at')} AS at, m.old_due_on, m.new_due_on, ch.rule_label, ch.rule_source, ch.action
       FROM claim_clock_moves m JOIN calendar_changes ch ON ch.id = m.change_id
      WHERE m.claim_id = $1 ORDER BY ch.created_at DESC`,
    [claimId],
  );
  const calendars = new Map<string, Calendar>();
  const result: TClaimClock[] = [];
  for (const row of rows) {
    let skipped: TClaimClock['skipped'] = [];
    let band: RiskBand | null = null;
    let filedOn: string | null = null;
    let late: boolean | null = null;
    if (row.working_days !== null && row.calendar_id !== null && row.started_on !== null) {
      let calendar = calendars.get(row.calendar_id);
      if (!calendar) {
        calendar = await loadCalendar(db, row.calendar_id);
        calendars.set(row.calendar_id, calendar);
      }
      const total = row.working_days + row.extension_days + row.paused_working_days;
      skipped = groupSkippedDays(explainDueDate(calendar, row.started_on, total).skipped);
      if (row.kind === 'filing_limit' && row.stopped_at !== null && row.due_on !== null) {
        filedOn = localDay(new Date(row.stopped_at));
        late = filedOn > row.due_on;
      } else if (row.state !== 'stopped' && row.due_on !== null && row.days_left !== null) {
        band = riskBand(row.due_on, today, row.days_left);
      }
    } else if (row.due_at !== null && row.state !== 'stopped') {
      band = Date.parse(row.due_at) < Date.now() ? 'overdue' : 'due_soon';
    }
    result.push({
      id: row.id, kind: row.kind, state: row.state, calendarId: row.calendar_id, calendarCode: row.calendar_code, calendarName: row.calendar_name,
      startedOn: row.started_on, startedAt: row.started_at, workingDays: row.working_days, hours: row.hours,
      extensionDays: row.extension_days, pausedWorkingDays: row.paused_working_days, pausedSince: row.paused_since,
      dueOn: row.due_on, dueAt: row.due_at,
      workingDaysLeft: row.state === 'stopped' ? null : row.days_left,
      riskBand: band, source: CLOCK_DEFINITIONS[row.kind].source, skipped,
      moves: moves.rows.filter((m) => m.clock_id === row.id).map((m) => ({
        changeId: m.change_id, at: m.at, oldDueOn: m.old_due_on, newDueOn: m.new_due_on,
        ruleLabel: m.rule_label, ruleSource: m.rule_source, action: m.action,
      })),
      version: row.version, filedOn, late,
    });
  }
  return result;
}
