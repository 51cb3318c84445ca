import type { Queryable } from '@refugio/db';
import type { z } from 'zod';
import { DUE_SOON_WORKING_DAYS } from '../../calendars/index.ts';
import { AWAITING_ACT_STATUSES } from '../../procedure/index.ts';
import { OPEN_STATUS_SQL } from '../../procedure/server/index.ts';
import type { Actor } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { claimScopeCondition, requireClaimScope } from '../../shared/policies/claim.policy.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/time.ts';
import { isSensitiveCategory } from '../intake.rules.ts';
import type { TClaimListItem, TClaimQuery, ZRiskCounts } from '../intake.schemas.ts';
import { attentionCondition } from './work-queue-attention.ts';

/**
 * Decided claims with an act still due (ADR 051), as SQL: in one of those statuses, their file not
 * marked concluded (`closed_at`, which a history imported as concluded carries).
 */
const AWAITING_ACT_CONDITION = `(c.status IN (${AWAITING_ACT_STATUSES.map((s) => `'${s}'`).join(', ')}) AND c.closed_at IS NULL)`;
const OPEN_CONDITION = `c.status IN ${OPEN_STATUS_SQL}`;

/** The sort key of every queue: due date, claims without one last ('infinity'), then id. */
const SORT_KEY = `COALESCE(c.decision_due_on, 'infinity'::date)`;

/**
 * Today and the start of a civil day for a queue's filters, in the zone of the office the queue
 * is about (one office filtered, or the reader's only office); a queue spanning offices in
 * several zones uses the operation's day (ADR 020). Each row's own risk band uses its office's zone.
 */
function queueZone(actor: Actor, query: { officeId?: string | undefined }, params: unknown[]): string {
  const office = query.officeId ?? (actor.officeIds.length === 1 ? actor.officeIds[0] : undefined);
  if (!office) return `'${DEFAULT_TIME_ZONE}'`;
  params.push(office);
  return `(SELECT time_zone FROM offices WHERE id = $${params.length})`;
}

interface Cursor { due: string; id: string }

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.due, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string'
      && /^(\d{4}-\d{2}-\d{2}|infinity)$/.test(parsed[0]) && /^[0-9a-f-]{36}$/i.test(parsed[1])) {
      return { due: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the field error.
  }
  throw fieldError('querystring:cursor', 'validation.invalid_format');
}

/** Words of a name search, at most five, each at least two characters (trigrams need them). */
function searchWords(q: string): string[] {
  return q.split(/\s+/).filter((w) => w.length >= 2).slice(0, 5);
}

interface Built { where: string; params: unknown[] }

/** WHERE clause of a queue query: the actor's scope, then each filter. */
function buildWhere(actor: Actor, query: Omit<TClaimQuery, 'limit' | 'cursor'>): Built {
  const params: unknown[] = [];
  const where = [claimScopeCondition(requireClaimScope(actor, 'read'), actor, params)];
  // The zone's parameter is bound only when a filter needs it (an unused parameter is an error).
  let zoneSql: string | undefined;
  const zone = () => (zoneSql ??= queueZone(actor, query, params));
  const todaySql = () => `local_today(${zone()})`;
  const dayStart = (param: string) => `((${param})::date::timestamp AT TIME ZONE ${zone()})`;
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const value of values) {
      params.push(value);
      text = text.replace('?', `$${params.length}`);
    }
    where.push(text);
  };
  if (query.officeId) add('c.office_id = ?', query.officeId);
  if (query.open || query.riskBand) where.push(OPEN_CONDITION);
  if (query.open === false) where.push(`c.status NOT IN ${OPEN_STATUS_SQL}`, `NOT ${AWAITING_ACT_CONDITION}`);
  if (query.status && query.status.length > 0) add('c.status = ANY(?::text[])', query.status);
  if (query.officerId) add('c.assigned_officer_id = ?', query.officerId);
  if (query.mine) add('c.assigned_officer_id = ?', actor.userId);
  if (query.unassigned) where.push('c.assigned_officer_id IS NULL');
  if (query.attention) where.push(attentionCondition(query.attention, todaySql()));
  if (query.modality) add('c.modality = ?', query.modality);
  if (query.lodgedFrom) add(`c.lodged_at >= ${dayStart('?')}`, query.lodgedFrom);
  if (query.lodgedTo) add(`c.lodged_at < ${dayStart('?::date + 1')}`, query.lodgedTo);
  if (query.nationality) add('EXISTS (SELECT 1 FROM persons p WHERE p.id = c.principal_person_id AND ? = ANY(p.nationalities))', query.nationality);
  if (query.flag) {
    // Filtering on a sensitive category reveals it: only inside the field policy's reach.
    if (isSensitiveCategory(query.flag)) {
      if (actor.permissions.has('read:sensitive:office')) add('c.office_id = ANY(?::uuid[])', actor.officeIds);
      else if (actor.permissions.has('read:sensitive:own')) add('c.assigned_officer_id = ?', actor.userId);
      else throw new AppError('FORBIDDEN');
    }
    add('EXISTS (SELECT 1 FROM vulnerability_flags f WHERE f.claim_id = c.id AND f.category = ? AND f.withdrawn_at IS NULL)', query.flag);
  }
  // Bounds on the sort key (computed once over the calendars) keep each band one index range; the
  // per-claim band then checks the claim's own calendar.
  const today = query.riskBand ? todaySql() : '';
  const soonest = `(SELECT min(add_working_days(k.id, ${today}, ${DUE_SOON_WORKING_DAYS})) FROM calendars k)`;
  const latest = `(SELECT max(add_working_days(k.id, ${today}, ${DUE_SOON_WORKING_DAYS})) FROM calendars k)`;
  if (query.riskBand === 'overdue') where.push(`${SORT_KEY} < ${today}`);
  else if (query.riskBand === 'due_soon') {
    where.push(`${SORT_KEY} >= ${today}`, `${SORT_KEY} <= ${latest}`,
      `claim_risk_band(c.calendar_id, c.decision_due_on, ${today}) = 'due_soon'`);
  } else if (query.riskBand === 'on_track') {
    where.push(`${SORT_KEY} > ${soonest}`, 'c.decision_due_on IS NOT NULL',
      `claim_risk_band(c.calendar_id, c.decision_due_on, ${today}) = 'on_track'`);
  }
  if (query.q) {
    // With a digit it is a claim number (trigram index on claim_number); otherwise names, folded
    // like the duplicate check folds them (persons.name_key, trigram index), every word in any order.
    if (/\d/.test(query.q)) {
      add('c.claim_number ILIKE ?', `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
    } else {
      const words = searchWords(query.q);
      if (words.length === 0) throw fieldError('querystring:q', 'validation.too_short', { minimum: 2 });
      const conditions = words.map((word) => {
        params.push(word);
        return `p.name_key LIKE '%' || refugio_name_fold($${params.length}) || '%'`;
      });
      where.push(`c.id IN (SELECT cm.claim_id FROM claim_members cm JOIN persons p ON p.id = cm.person_id WHERE ${conditions.join(' AND ')})`);
    }
  }
  return { where: where.join(' AND '), params };
}

interface ListRow extends Omit<TClaimListItem, 'flagCategories' | 'hiddenSensitiveFlags'> {
  sortDue: string;
  flags: Array<{ category: TClaimListItem['flagCategories'][number]; sensitive: boolean }>;
}

/**
 * A work queue page: claims in the actor's scope matching the filters, by due date (none last)
 * then id, after the cursor. Keyset pagination keeps every page one index range scan.
 */
export async function listClaims(db: Queryable, actor: Actor, query: TClaimQuery): Promise<{ items: TClaimListItem[]; nextCursor: string | null }> {
  const { where, params } = buildWhere(actor, query);
  const conditions = [where];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    params.push(cursor.due, cursor.id);
    conditions.push(`(${SORT_KEY}, c.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
  }
  const pageOf = (condition: string) => `SELECT c.* FROM claims c WHERE ${condition} ORDER BY ${SORT_KEY}, c.id LIMIT ${query.limit + 1}`;
  // "In progress" is the open claims and the decided ones with an act still due (ADR 051). Each part
  // keeps its own ordered index range (the open statuses' partial queue indexes; the few awaiting an
  // act by office and status), and the page is the first rows of the two: one OR would not match
  // the partial indexes' predicate and sort every open claim. Reasoned from the plans of the open
  // queue, not yet measured at a million claims (docs/BENCHMARKS.md).
  const inProgress = query.open === true && !query.riskBand;
  const pageSql = inProgress
    ? `SELECT c.* FROM ((${pageOf(conditions.join(' AND '))}) UNION ALL (${pageOf(conditions.join(' AND ').replace(OPEN_CONDITION, AWAITING_ACT_CONDITION))})) c
        ORDER BY ${SORT_KEY}, c.id LIMIT ${query.limit + 1}`
    : pageOf(conditions.join(' AND '));
  const sensitiveOffice = actor.permissions.has('read:sensitive:office');
  const sensitiveOwn = actor.permissions.has('read:sensitive:own');
  params.push(sensitiveOffice ? actor.officeIds : [], sensitiveOwn ? actor.userId : null);
  const officesParam = `$${params.length - 1}::uuid[]`;
  const ownParam = `$${params.length}::uuid`;
  const { rows } = await db.query<ListRow>(
    `SELECT c.id, c.claim_number AS "claimNumber", c.office_id AS "officeId", o.code AS "officeCode", o.name AS "officeName",
            c.channel, c.modality, c.status, to_char(c.entered_mexico_on, 'YYYY-MM-DD') AS "enteredMexicoOn",
            to_char(c.protection_expressed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "protectionExpressedAt",
            to_char(c.lodged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lodgedAt",
            to_char(c.decision_due_on, 'YYYY-MM-DD') AS "decisionDueOn",
            CASE WHEN c.status IN ${OPEN_STATUS_SQL} THEN claim_risk_band(c.calendar_id, c.decision_due_on, local_today(o.time_zone)) END AS "riskBand",
            CASE WHEN c.status IN ${OPEN_STATUS_SQL} AND c.decision_due_on IS NOT NULL
                 THEN working_days_left(c.calendar_id, c.decision_due_on, local_today(o.time_zone)) END AS "decisionWorkingDaysLeft",
            c.assigned_officer_id AS "assignedOfficerId", u.full_name AS "assignedOfficerName", c.version,
            concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "principalName",
            p.nationalities AS "principalNationalities",
            (SELECT count(*)::int FROM claim_members m WHERE m.claim_id = c.id) AS "memberCount",
            COALESCE((SELECT json_agg(json_build_object('category', f.category, 'sensitive',
                        f.sensitive AND NOT COALESCE(c.office_id = ANY(${officesParam}) OR c.assigned_officer_id = ${ownParam}, false)))
                        FROM vulnerability_flags f WHERE f.claim_id = c.id AND f.withdrawn_at IS NULL), '[]') AS flags,
            CASE WHEN c.decision_due_on IS NULL THEN 'infinity' ELSE to_char(c.decision_due_on, 'YYYY-MM-DD') END AS "sortDue"
       FROM (
         -- The page is chosen on claims alone (ordered index scan, stops after the page), then joined.
         -- With the joins in the same query a cursor inside a crowd of equal due dates (a suspension
         -- moves thousands to one day) was estimated at ~3 rows and planned as join-everything-then-
         -- sort: 370 ms instead of 4.5 ms at 1,000,000 claims.
         ${pageSql}) c
       JOIN offices o ON o.id = c.office_id
       JOIN persons p ON p.id = c.principal_person_id
       LEFT JOIN users u ON u.id = c.assigned_officer_id
      ORDER BY ${SORT_KEY}, c.id`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortDue: _s, flags, ...row }) => ({
      ...row,
      flagCategories: [...new Set(flags.filter((f) => !f.sensitive).map((f) => f.category))],
      hiddenSensitiveFlags: flags.filter((f) => f.sensitive).length,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ due: last.sortDue, id: last.id }) : null,
  };
}

/** Open claims per office in the actor's scope by risk band (due_soon: 10 working days or fewer). */
export async function countClaimsByRisk(db: Queryable, actor: Actor, query: { officeId?: string | undefined }): Promise<z.infer<typeof ZRiskCounts>> {
  const { where, params } = buildWhere(actor, { officeId: query.officeId, open: true });
  const { rows } = await db.query<z.infer<typeof ZRiskCounts>[number]>(
    // Today is computed once per calendar and office zone (in soon), not per counted row: the
    // time-zone conversion per row was half the query's time at 500,000 claims.
    `WITH soon AS (SELECT k.id AS calendar_id, z.time_zone, z.today, add_working_days(k.id, z.today, ${DUE_SOON_WORKING_DAYS}) AS until
                     FROM calendars k, (SELECT DISTINCT time_zone, local_today(time_zone) AS today FROM offices) z),
          counts AS (
            SELECT c.office_id,
                   count(*) FILTER (WHERE c.decision_due_on IS NULL)::int AS no_due,
                   count(*) FILTER (WHERE c.decision_due_on < s.today)::int AS overdue,
                   count(*) FILTER (WHERE c.decision_due_on >= s.today AND c.decision_due_on <= s.until)::int AS due_soon,
                   count(*) FILTER (WHERE c.decision_due_on >= s.today AND (s.until IS NULL OR c.decision_due_on > s.until))::int AS on_track
              FROM claims c JOIN offices co ON co.id = c.office_id
              LEFT JOIN soon s ON s.calendar_id = c.calendar_id AND s.time_zone = co.time_zone
             WHERE ${where}
             GROUP BY c.office_id)
     SELECT o.id AS "officeId", o.code AS "officeCode", o.name AS "officeName", k.on_track AS "onTrack", k.due_soon AS "dueSoon",
            k.overdue, k.no_due AS "noDueDate"
       FROM counts k JOIN offices o ON o.id = k.office_id ORDER BY o.name`,
    params,
  );
  return rows;
}
