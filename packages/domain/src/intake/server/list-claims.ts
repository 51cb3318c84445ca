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

/**
 * A name search whose words match at most this many persons is answered from those persons'
 * claims, sorted; beyond it, by walking the queue in due-date order until the page is full, which
 * is quick only when matches are dense (ADR 058).
 */
const NAME_MATCHES_LISTED = 20_000;

/** The member-name condition of a name search, its words bound from `params`. */
function nameCondition(q: string, params: unknown[]): string {
  const words = searchWords(q);
  if (words.length === 0) throw fieldError('querystring:q', 'validation.too_short', { minimum: 2 });
  return words.map((word) => {
    params.push(word);
    return `p.name_key LIKE '%' || refugio_name_fold($${params.length}) || '%'`;
  }).join(' AND ');
}

/**
 * The persons whose folded names hold every word of a name search, when there are at most
 * NAME_MATCHES_LISTED of them (through the trigram index on persons.name_key); null when more.
 * The planner cannot estimate how many persons a LIKE matches: with the match inside the queue
 * query it walked the office's queue in due-date order checking each claim's members (71,552
 * claims, 2.5 s for "Jean Joseph", 3,758 persons, at 1,000,000 claims).
 */
async function personsMatchingName(db: Queryable, q: string): Promise<string[] | null> {
  const params: unknown[] = [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM persons p WHERE ${nameCondition(q, params)} LIMIT ${NAME_MATCHES_LISTED + 1}`, params);
  return rows.length > NAME_MATCHES_LISTED ? null : rows.map((r) => r.id);
}

/** WHERE clause of a queue query: the actor's scope, then each filter. */
function buildWhere(actor: Actor, query: Omit<TClaimQuery, 'limit' | 'cursor'>, nameMatches: string[] | null = null): Built {
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
    } else if (nameMatches) {
      // Applied by listClaims: the page is chosen among the matched persons' claims.
    } else {
      where.push(`c.id IN (SELECT cm.claim_id FROM claim_members cm JOIN persons p ON p.id = cm.person_id WHERE ${nameCondition(query.q, params)})`);
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
  requireClaimScope(actor, 'read');
  const nameMatches = query.q && !/\d/.test(query.q) ? await personsMatchingName(db, query.q) : null;
  const { where, params } = buildWhere(actor, query, nameMatches);
  const conditions = [where];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    params.push(cursor.due, cursor.id);
    conditions.push(`(${SORT_KEY}, c.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
  }
  // A name search with few matches starts from the matched persons' claims, each looked up by its
  // key (OFFSET 0 keeps that nested loop), then sorts them: 66–77 ms instead of 2.5–3.1 s for the
  // commonest name pair at 1,000,000 claims (ADR 058). Otherwise the page is an index range scan.
  let nameParam = 0;
  if (nameMatches) {
    params.push(nameMatches);
    nameParam = params.length;
  }
  const rowsWhere = (condition: string) => (nameMatches
    ? `SELECT c.* FROM (SELECT DISTINCT cm.claim_id FROM unnest($${nameParam}::uuid[]) pid
                                JOIN claim_members cm ON cm.person_id = pid) m
          CROSS JOIN LATERAL (SELECT c.* FROM claims c WHERE c.id = m.claim_id AND ${condition} OFFSET 0) c`
    : `SELECT c.* FROM claims c WHERE ${condition}`);
  const pageOf = (condition: string) => `${rowsWhere(condition)} ORDER BY ${SORT_KEY}, c.id LIMIT ${query.limit + 1}`;
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
    // time-zone conversion per row was half the query's time at 500,000 claims. The open claims
    // are first counted per (office, due date, calendar) — the order of claims_open_risk_idx, so an
    // index-only scan feeds a streaming aggregate — and only those few hundred groups are joined
    // to the bands (ADR 058).
    `WITH soon AS (SELECT k.id AS calendar_id, z.time_zone, z.today, add_working_days(k.id, z.today, ${DUE_SOON_WORKING_DAYS}) AS until
                     FROM calendars k, (SELECT DISTINCT time_zone, local_today(time_zone) AS today FROM offices) z),
          per_day AS (
            SELECT c.office_id, c.decision_due_on, c.calendar_id, count(*) AS n
              FROM claims c
             WHERE ${where}
             GROUP BY c.office_id, c.decision_due_on, c.calendar_id),
          counts AS (
            SELECT d.office_id,
                   coalesce(sum(d.n) FILTER (WHERE d.decision_due_on IS NULL), 0)::int AS no_due,
                   coalesce(sum(d.n) FILTER (WHERE d.decision_due_on < s.today), 0)::int AS overdue,
                   coalesce(sum(d.n) FILTER (WHERE d.decision_due_on >= s.today AND d.decision_due_on <= s.until), 0)::int AS due_soon,
                   coalesce(sum(d.n) FILTER (WHERE d.decision_due_on >= s.today AND (s.until IS NULL OR d.decision_due_on > s.until)), 0)::int AS on_track
              FROM per_day d JOIN offices co ON co.id = d.office_id
              LEFT JOIN soon s ON s.calendar_id = d.calendar_id AND s.time_zone = co.time_zone
             GROUP BY d.office_id)
     SELECT o.id AS "officeId", o.code AS "officeCode", o.name AS "officeName", k.on_track AS "onTrack", k.due_soon AS "dueSoon",
            k.overdue, k.no_due AS "noDueDate"
       FROM counts k JOIN offices o ON o.id = k.office_id ORDER BY o.name`,
    params,
  );
  return rows;
}
