/**
 * Calendars as data in the database (docs/decisions/009-materialized-working-day-calendars.md).
 *
 * - `calendars` + `calendar_rules` hold the rules exactly as the pure engine reads them
 *   (`params` = the rule's own fields); `loadCalendar` turns a calendar and its ancestors
 *   (`extends_id`) into one engine `Calendar`.
 * - `calendar_days` is the engine's WorkingDayIndex written out over MATERIALIZED_SPAN: one row
 *   per day with the running count of working days (`ordinal`). Every rule change re-materializes
 *   the calendar and every calendar extending it, then recomputes the due dates of the clocks
 *   counting on them with one set-based UPDATE (claim-clocks.ts), in the same audited transaction.
 * - `syncBuiltInCalendars` (run at start, like the permission catalogue) installs LFPA art. 28
 *   (the default for claims) and LFT art. 74 when missing and materializes any calendar whose
 *   days do not cover the span.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import { validateCalendar, type Calendar, type CalendarRule, type CalendarRuleKind } from '../calendar.rules.ts';
import { isIsoDate, type IsoDate } from '../civil-date.ts';
import { MATERIALIZED_SPAN } from '../clock.rules.ts';
import { DEFAULT_CLAIM_CALENDAR_CODE, MEXICO_CALENDARS } from '../mexico-calendars.ts';
import { WorkingDayIndex } from '../working-day-index.ts';
import { explainDueDate, groupSkippedDays } from '../working-days.ts';
import type {
  TCalendarChangeResult, TCalendarDetail, TCalendarRule, TCalendarRuleInput, TCalendarSummary, TDueDateExplanation,
  TRecomputation, ZCalendarInput, ZCalendarUpdate,
} from '../calendars.schemas.ts';
import { lockCalendarsForChange, recomputeClockDueDates, type RuleWindow } from './claim-clocks.ts';

export const SPAN_FIRST_DAY: IsoDate = `${MATERIALIZED_SPAN.fromYear}-01-01`;
export const SPAN_LAST_DAY: IsoDate = `${MATERIALIZED_SPAN.toYear}-12-31`;

// Serialises start-up installs of two processes sharing one server.
const CALENDAR_SYNC_LOCK = 7_242_003;

interface CalendarRow {
  id: string;
  code: string;
  name: string;
  extends_id: string | null;
  weekend_days: number[];
  weekend_source: string | null;
}

interface RuleRow {
  id: string;
  calendar_id: string;
  rule_key: string;
  kind: CalendarRuleKind;
  label: string;
  source: string;
  params: Record<string, unknown>;
  valid_from: number | null;
  valid_to: number | null;
}

function ruleFromRow(row: RuleRow): CalendarRule {
  return {
    ...row.params,
    kind: row.kind,
    id: row.rule_key,
    label: row.label,
    source: row.source,
    ...(row.valid_from === null ? {} : { validFrom: row.valid_from }),
    ...(row.valid_to === null ? {} : { validTo: row.valid_to }),
  } as CalendarRule;
}

/** The kind's own fields, stored in `params`. */
function ruleParams(rule: CalendarRule | TCalendarRuleInput): Record<string, unknown> {
  const { kind: _kind, label: _label, source: _source, validFrom: _from, validTo: _to, ...rest } = rule;
  const params: Record<string, unknown> = { ...rest };
  delete params.id;
  return params;
}

/** The calendar, then its ancestors: rules are read base first. */
async function calendarChain(db: Queryable, calendarId: string): Promise<CalendarRow[]> {
  const { rows } = await db.query<CalendarRow & { depth: number }>(
    `WITH RECURSIVE chain AS (
       SELECT c.id, c.code, c.name, c.extends_id, c.weekend_days, c.weekend_source, 0 AS depth FROM calendars c WHERE c.id = $1
       UNION ALL
       SELECT c.id, c.code, c.name, c.extends_id, c.weekend_days, c.weekend_source, chain.depth + 1
         FROM calendars c JOIN chain ON c.id = chain.extends_id WHERE chain.depth < 20)
     SELECT * FROM chain ORDER BY depth`,
    [calendarId],
  );
  return rows;
}

/** The engine's view of a stored calendar: its weekend days and its ancestors' rules then its own. */
export async function loadCalendar(db: Queryable, calendarId: string): Promise<Calendar> {
  const chain = await calendarChain(db, calendarId);
  const self = chain[0];
  if (!self) throw new AppError('NOT_FOUND');
  const { rows } = await db.query<RuleRow & { depth: number }>(
    `SELECT r.id, r.calendar_id, r.rule_key, r.kind, r.label, r.source, r.params, r.valid_from, r.valid_to
       FROM calendar_rules r JOIN unnest($1::uuid[]) WITH ORDINALITY AS c(id, depth) ON c.id = r.calendar_id
      ORDER BY c.depth DESC, r.created_at, r.rule_key`,
    [chain.map((c) => c.id)],
  );
  return {
    code: self.code,
    label: self.name,
    weekendDays: self.weekend_days,
    ...(self.weekend_source === null ? {} : { weekendSource: self.weekend_source }),
    rules: rows.map(ruleFromRow),
  };
}

/** The calendar and every calendar extending it, directly or not. */
async function calendarTree(db: Queryable, calendarId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id FROM calendars WHERE id = $1
       UNION SELECT c.id FROM calendars c JOIN tree t ON c.extends_id = t.id)
     SELECT id FROM tree`,
    [calendarId],
  );
  return rows.map((r) => r.id);
}

/**
 * Rewrites the calendar's days over the span from its current rules: the engine computes the
 * ordinals, one INSERT … SELECT FROM unnest(...) writes the 18,600 rows.
 */
export async function materializeCalendar(tx: Queryable, calendarId: string): Promise<void> {
  const calendar = await loadCalendar(tx, calendarId);
  const index = new WorkingDayIndex(calendar, MATERIALIZED_SPAN.fromYear, MATERIALIZED_SPAN.toYear);
  const rows = index.rows();
  await tx.query('DELETE FROM calendar_days WHERE calendar_id = $1', [calendarId]);
  await tx.query(
    `INSERT INTO calendar_days (calendar_id, day, ordinal, is_working)
     SELECT $1, $2::date + (g.i - 1)::int, g.ordinal, g.working
       FROM unnest($3::int[], $4::boolean[]) WITH ORDINALITY AS g(ordinal, working, i)`,
    [calendarId, SPAN_FIRST_DAY, rows.map((r) => r.ordinal), rows.map((r) => r.isWorking)],
  );
}

/** Installs the statutory calendars when missing and materializes calendars not covering the span. */
export async function syncBuiltInCalendars(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_SYNC_LOCK]);
    for (const calendar of MEXICO_CALENDARS) {
      // The first install of the default code becomes the claims default unless one is set.
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO calendars (code, name, weekend_days, weekend_source, built_in, is_default_for_claims)
         VALUES ($1, $2, $3, $4, true, $5 AND NOT EXISTS (SELECT 1 FROM calendars WHERE operation_id = 1 AND is_default_for_claims))
         ON CONFLICT (operation_id, code) DO NOTHING RETURNING id`,
        [calendar.code, calendar.label ?? calendar.code, calendar.weekendDays, calendar.weekendSource ?? null,
          calendar.code === DEFAULT_CLAIM_CALENDAR_CODE],
      );
      const id = inserted.rows[0]?.id;
      // Rules go in once: what an administrator later removes stays removed.
      if (id) for (const rule of calendar.rules) await insertRule(tx, id, rule, rule.id, null);
    }
    const { rows } = await tx.query<{ id: string }>(
      `SELECT c.id FROM calendars c
        WHERE NOT EXISTS (SELECT 1 FROM calendar_days d WHERE d.calendar_id = c.id AND d.day = $1::date)
           OR NOT EXISTS (SELECT 1 FROM calendar_days d WHERE d.calendar_id = c.id AND d.day = $2::date)
           OR EXISTS (SELECT 1 FROM calendar_days d WHERE d.calendar_id = c.id AND (d.day < $1::date OR d.day > $2::date))`,
      [SPAN_FIRST_DAY, SPAN_LAST_DAY],
    );
    for (const row of rows) await materializeCalendar(tx, row.id);
  });
}

async function insertRule(
  tx: Queryable, calendarId: string, rule: CalendarRule | TCalendarRuleInput, key: string, createdBy: string | null,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO calendar_rules (calendar_id, rule_key, kind, label, source, params, valid_from, valid_to, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [calendarId, key, rule.kind, rule.label, rule.source, JSON.stringify(ruleParams(rule)), rule.validFrom ?? null,
      rule.validTo ?? null, createdBy],
  );
  return rows[0]!.id;
}

const SUMMARY = `SELECT c.id, c.code, c.name, c.extends_id AS "extendsId", p.code AS "extendsCode",
    c.weekend_days AS "weekendDays", c.weekend_source AS "weekendSource",
    c.is_default_for_claims AS "isDefaultForClaims", c.built_in AS "builtIn",
    (SELECT count(*)::int FROM calendar_rules r WHERE r.calendar_id = c.id) AS "ruleCount",
    COALESCE((SELECT array_agg(o.code ORDER BY o.code) FROM offices o WHERE o.calendar_id = c.id), '{}') AS "officeCodes",
    c.version
  FROM calendars c LEFT JOIN calendars p ON p.id = c.extends_id`;

export async function listCalendars(db: Queryable): Promise<TCalendarSummary[]> {
  const { rows } = await db.query<TCalendarSummary>(`${SUMMARY} WHERE c.operation_id = 1 ORDER BY c.built_in DESC, c.code`);
  return rows;
}

export async function getCalendar(db: Queryable, id: string): Promise<TCalendarDetail> {
  const summary = (await db.query<TCalendarSummary>(`${SUMMARY} WHERE c.id = $1`, [id])).rows[0];
  if (!summary) throw new AppError('NOT_FOUND');
  const chain = await calendarChain(db, id);
  const { rows } = await db.query<Omit<TCalendarRule, 'inherited'>>(
    `SELECT r.id, r.rule_key AS key, r.kind, r.label, r.source, r.valid_from AS "validFrom", r.valid_to AS "validTo",
            r.params, r.calendar_id AS "calendarId", c.code AS "calendarCode", r.created_at::text AS "createdAt"
       FROM calendar_rules r JOIN calendars c ON c.id = r.calendar_id
       JOIN unnest($1::uuid[]) WITH ORDINALITY AS ch(id, depth) ON ch.id = r.calendar_id
      ORDER BY ch.depth DESC, r.created_at, r.rule_key`,
    [chain.map((c) => c.id)],
  );
  return { ...summary, rules: rows.map((rule) => ({ ...rule, inherited: rule.calendarId !== id })) };
}

/** A calendar by its id or its code (`LFPA_ART_28`); NOT_FOUND otherwise. */
export async function resolveCalendar(db: Queryable, ref: string): Promise<{ id: string; code: string }> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const { rows } = await db.query<{ id: string; code: string }>(
    `SELECT id, code FROM calendars WHERE operation_id = 1 AND (${isUuid ? 'id = $1::uuid' : 'upper(code) = upper($1)'})`,
    [ref],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/** The calendar claims count on when their office names none. */
export async function defaultClaimCalendar(db: Queryable): Promise<{ id: string; code: string }> {
  const { rows } = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM calendars WHERE operation_id = 1 AND is_default_for_claims',
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/** The calendar a new claim at this office counts on: the office's own, else the default. */
export async function claimCalendarForOffice(db: Queryable, officeId: string): Promise<{ id: string; code: string }> {
  const { rows } = await db.query<{ id: string; code: string }>(
    'SELECT c.id, c.code FROM offices o JOIN calendars c ON c.id = o.calendar_id WHERE o.id = $1',
    [officeId],
  );
  return rows[0] ?? defaultClaimCalendar(db);
}

async function assertOfficesExist(tx: Queryable, officeIds: readonly string[]): Promise<void> {
  if (officeIds.length === 0) return;
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM offices WHERE id = ANY($1::uuid[])', [[...new Set(officeIds)]]);
  if (rows[0]?.n !== new Set(officeIds).size) throw fieldError('officeIds', 'validation.unknown_reference');
}

export async function createCalendar(
  db: Database, ctx: RequestContext, input: z.infer<typeof ZCalendarInput>,
): Promise<TCalendarDetail> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    const parent = (await tx.query<CalendarRow>('SELECT id, code, weekend_days, weekend_source FROM calendars WHERE id = $1', [input.extendsId])).rows[0];
    if (!parent) throw fieldError('extendsId', 'validation.unknown_reference');
    await assertOfficesExist(tx, input.officeIds);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO calendars (code, name, extends_id, weekend_days, weekend_source) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.code, input.name, parent.id, parent.weekend_days, parent.weekend_source],
    );
    const id = rows[0]!.id;
    if (input.officeIds.length > 0) {
      await tx.query('UPDATE offices SET calendar_id = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])', [id, input.officeIds]);
    }
    await materializeCalendar(tx, id);
    await recordAudit(tx, ctx, {
      action: 'calendar.created', entityType: 'calendar', entityId: id,
      details: { code: input.code, name: input.name, extendsCode: parent.code, officeIds: input.officeIds },
    });
    return getCalendar(tx, id);
  }), 'code');
}

export async function updateCalendar(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZCalendarUpdate>,
): Promise<TCalendarDetail> {
  return db.transaction(async (tx) => {
    const before = await getCalendar(tx, id);
    if (before.version !== input.version) throw versionConflict(before);
    if (input.isDefaultForClaims && !before.isDefaultForClaims) {
      await tx.query('UPDATE calendars SET is_default_for_claims = false, version = version + 1, updated_at = now() WHERE operation_id = 1 AND is_default_for_claims');
    }
    const { rowCount } = await tx.query(
      `UPDATE calendars SET name = COALESCE($3, name), is_default_for_claims = is_default_for_claims OR $4,
              version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [id, input.version, input.name ?? null, input.isDefaultForClaims === true],
    );
    if (rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, {
      action: 'calendar.updated', entityType: 'calendar', entityId: id,
      details: { code: before.code, ...(input.name ? { name: { before: before.name, after: input.name } } : {}),
        ...(input.isDefaultForClaims ? { isDefaultForClaims: true } : {}) },
    });
    return getCalendar(tx, id);
  });
}

/** The days a rule can touch: clocks whose window lies wholly outside them keep their due dates. */
function ruleWindow(rule: CalendarRule | TCalendarRuleInput): RuleWindow | null {
  switch (rule.kind) {
    case 'date_range':
    case 'suspension':
      return { from: rule.from, to: rule.to };
    case 'working_day_override':
      return { from: rule.date, to: rule.date };
    default:
      return null;
  }
}

/** Calendar issues the schema cannot see (31 February, an empty calendar) as a field error. */
function assertSoundRule(rule: TCalendarRuleInput): void {
  const probe: CalendarRule = { ...rule, id: 'probe', ...(rule.validFrom == null ? { validFrom: undefined } : {}),
    ...(rule.validTo == null ? { validTo: undefined } : {}) } as CalendarRule;
  const issues = validateCalendar({ code: 'probe', weekendDays: [6, 7], rules: [probe] });
  if (issues.length > 0) throw fieldError('rule', 'validation.invalid_value');
}

function newRuleKey(rule: TCalendarRuleInput): string {
  const anchor = 'from' in rule ? rule.from : 'date' in rule ? rule.date : `${rule.month}`;
  return `${rule.kind}.${anchor}.${randomUUID().slice(0, 8)}`;
}

interface ChangeRecord {
  calendarId: string;
  action: 'rule_added' | 'rule_removed';
  ruleKey: string;
  rule: { kind: string; label: string; source: string };
  window: RuleWindow | null;
  actorUserId: string | null;
  /** Count what would move without moving it (the preview; its transaction is rolled back). */
  dryRun?: boolean;
}

/** Re-materializes the calendar and its descendants and moves the affected due dates. */
async function applyChange(tx: Queryable, change: ChangeRecord): Promise<{ changeId: string; recomputation: TRecomputation }> {
  const calendarIds = await calendarTree(tx, change.calendarId);
  await lockCalendarsForChange(tx, calendarIds);
  for (const id of calendarIds) await materializeCalendar(tx, id);
  if (change.dryRun) {
    const counted = await recomputeClockDueDates(tx, { calendarIds, window: change.window, changeId: null, dryRun: true });
    return { changeId: '', recomputation: { calendarIds, movedClocks: counted.clocks, movedClaims: counted.claims } };
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO calendar_changes (calendar_id, action, rule_key, rule_kind, rule_label, rule_source, moved_clocks, moved_claims, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7) RETURNING id`,
    [change.calendarId, change.action, change.ruleKey, change.rule.kind, change.rule.label, change.rule.source, change.actorUserId],
  );
  const changeId = rows[0]!.id;
  const moved = await recomputeClockDueDates(tx, { calendarIds, window: change.window, changeId });
  await tx.query('UPDATE calendar_changes SET moved_clocks = $2, moved_claims = $3 WHERE id = $1', [changeId, moved.clocks, moved.claims]);
  return { changeId, recomputation: { calendarIds, movedClocks: moved.clocks, movedClaims: moved.claims } };
}

async function lockCalendarVersion(tx: Queryable, id: string, version: number): Promise<void> {
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM calendars WHERE id = $1 FOR UPDATE', [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  if (rows[0].version !== version) throw versionConflict(await getCalendar(tx, id));
}

/**
 * Adds a rule (a DOF-declared day or range, a suspension, a holiday) and, in the same audited
 * transaction, re-materializes the calendar and its descendants and moves every affected due date.
 */
export async function addCalendarRule(
  db: Database, ctx: RequestContext, calendarId: string, input: { version: number; rule: TCalendarRuleInput },
): Promise<TCalendarChangeResult> {
  assertSoundRule(input.rule);
  return db.transaction(async (tx) => {
    await lockCalendarVersion(tx, calendarId, input.version);
    const key = newRuleKey(input.rule);
    await insertRule(tx, calendarId, input.rule, key, ctx.actor?.userId ?? null);
    await tx.query('UPDATE calendars SET version = version + 1, updated_at = now() WHERE id = $1', [calendarId]);
    const { changeId, recomputation } = await applyChange(tx, {
      calendarId, action: 'rule_added', ruleKey: key, rule: input.rule, window: ruleWindow(input.rule),
      actorUserId: ctx.actor?.userId ?? null,
    });
    const calendar = await getCalendar(tx, calendarId);
    await recordAudit(tx, ctx, {
      action: 'calendar.rule_added', entityType: 'calendar', entityId: calendarId,
      details: { calendarCode: calendar.code, ruleKey: key, rule: { ...input.rule }, changeId,
        movedClocks: recomputation.movedClocks, movedClaims: recomputation.movedClaims },
    });
    return { calendar, changeId, recomputation };
  });
}

export async function removeCalendarRule(
  db: Database, ctx: RequestContext, calendarId: string, ruleId: string, version: number,
): Promise<TCalendarChangeResult> {
  return db.transaction(async (tx) => {
    await lockCalendarVersion(tx, calendarId, version);
    const rule = (await tx.query<RuleRow>(
      `SELECT id, calendar_id, rule_key, kind, label, source, params, valid_from, valid_to FROM calendar_rules
        WHERE id = $1 AND calendar_id = $2`, [ruleId, calendarId])).rows[0];
    if (!rule) throw new AppError('NOT_FOUND');
    await tx.query('DELETE FROM calendar_rules WHERE id = $1', [ruleId]);
    await tx.query('UPDATE calendars SET version = version + 1, updated_at = now() WHERE id = $1', [calendarId]);
    const engineRule = ruleFromRow(rule);
    const { changeId, recomputation } = await applyChange(tx, {
      calendarId, action: 'rule_removed', ruleKey: rule.rule_key, rule, window: ruleWindow(engineRule),
      actorUserId: ctx.actor?.userId ?? null,
    });
    const calendar = await getCalendar(tx, calendarId);
    await recordAudit(tx, ctx, {
      action: 'calendar.rule_removed', entityType: 'calendar', entityId: calendarId,
      details: { calendarCode: calendar.code, ruleKey: rule.rule_key, rule: { kind: rule.kind, label: rule.label, source: rule.source, ...rule.params },
        changeId, movedClocks: recomputation.movedClocks, movedClaims: recomputation.movedClaims },
    });
    return { calendar, changeId, recomputation };
  });
}

class PreviewRollback extends Error {
  constructor(readonly result: TRecomputation) {
    super('preview rollback');
  }
}

/**
 * What adding the rule would move: the calendars are re-materialized with the rule inside a
 * transaction that is then rolled back, and the clocks the apply would update are counted with
 * the same selection, so the preview's count is the applied count.
 */
export async function previewCalendarRule(db: Database, calendarId: string, rule: TCalendarRuleInput): Promise<TRecomputation> {
  assertSoundRule(rule);
  try {
    await db.transaction(async (tx) => {
      const exists = await tx.query('SELECT 1 FROM calendars WHERE id = $1', [calendarId]);
      if (exists.rowCount === 0) throw new AppError('NOT_FOUND');
      const key = newRuleKey(rule);
      await insertRule(tx, calendarId, rule, key, null);
      const { recomputation } = await applyChange(tx, {
        calendarId, action: 'rule_added', ruleKey: key, rule, window: ruleWindow(rule), actorUserId: null, dryRun: true,
      });
      throw new PreviewRollback(recomputation);
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result;
    throw error;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}

/**
 * The due date `workingDays` after `from` on a stored calendar, day by day: the due date comes
 * from the materialized ordinals (as every clock's), the skipped days and their reasons from the
 * engine on the same rules.
 */
export async function explainCalendarDueDate(
  db: Queryable, calendarId: string, from: IsoDate, workingDays: number,
): Promise<TDueDateExplanation> {
  if (!isIsoDate(from)) throw fieldError('from', 'validation.invalid_format');
  const calendar = await loadCalendar(db, calendarId);
  const { rows } = await db.query<{ due: string | null }>('SELECT add_working_days($1, $2::date, $3) AS due', [calendarId, from, workingDays]);
  const due = rows[0]?.due ?? null;
  if (due === null) throw fieldError('workingDays', 'validation.date_outside_calendar');
  const explanation = explainDueDate(calendar, from, workingDays);
  return {
    calendarId, calendarCode: calendar.code, from, workingDays, due,
    skipped: groupSkippedDays(explanation.skipped),
  };
}
