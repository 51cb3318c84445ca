import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { explainClaimClocks } from '../../calendars/server/index.ts';
import { allowedActions, type ClaimStatus } from '../../procedure/index.ts';
import { OPEN_STATUS_SQL } from '../../procedure/server/index.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor, mayActOnClaim, mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { DEFAULT_TIME_ZONE, todayIn } from '../../shared/time.ts';
import { suggestFlags, type MemberRelation } from '../intake.rules.ts';
import type { TClaim, TFlag } from '../intake.schemas.ts';
import { PERSON_COLUMNS, presentPerson, type PersonRow } from './persons.ts';

/** The IANA zone in which an office's days begin and end (shared/time.ts). */
export async function officeTimeZone(db: Queryable, officeId: string): Promise<string> {
  const { rows } = await db.query<{ time_zone: string }>('SELECT time_zone FROM offices WHERE id = $1', [officeId]);
  return rows[0]?.time_zone ?? DEFAULT_TIME_ZONE;
}

interface ClaimRow {
  id: string; claim_number: string; office_id: string; office_code: string; office_name: string; channel: TClaim['channel'];
  modality: TClaim['modality']; status: ClaimStatus; entered_mexico_on: string | null; protection_expressed_at: string | null;
  lodged_at: string; decision_due_on: string | null; risk_band: TClaim['riskBand']; assigned_officer_id: string | null;
  assigned_officer_name: string | null; version: number; calendar_id: string; referral_id: string | null; closed_at: string | null;
  time_zone: string;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface FlagRow {
  id: string; person_id: string | null; category: NonNullable<TFlag['category']>; indicator: string; sensitive: boolean;
  source: TFlag['source']; recorded_by: string | null; recorded_at: string; withdrawn_at: string | null;
  withdrawn_reason: string | null; version: number;
}

export function presentFlag(row: FlagRow, readSensitive: boolean): TFlag {
  const hidden = row.sensitive && !readSensitive;
  return {
    id: row.id, personId: row.person_id, category: hidden ? null : row.category, indicator: hidden ? null : row.indicator,
    sensitive: row.sensitive, redacted: hidden, source: row.source, recordedBy: row.recorded_by, recordedAt: row.recorded_at,
    withdrawnAt: row.withdrawn_at, withdrawnReason: hidden ? null : row.withdrawn_reason, version: row.version,
  };
}

export const FLAG_COLUMNS = `f.id, f.person_id, f.category, f.indicator, f.sensitive, f.source, u.full_name AS recorded_by,
  ${ISO('f.recorded_at')} AS recorded_at, ${ISO('f.withdrawn_at')} AS withdrawn_at, f.withdrawn_reason, f.version`;

/**
 * The claim file without the read audit: for use cases that just wrote it (their own event covers
 * it). One statement: the claim, its people, flags and clocks as JSON (a round trip each cost more
 * than the query itself); access is decided on the row it returns.
 */
export async function getClaimUnaudited(db: Queryable, actor: Actor, id: string): Promise<TClaim> {
  const { rows } = await db.query<ClaimRow & { institution_id: string; members: Array<PersonRow & { relation: MemberRelation; unaccompanied: boolean }>;
    flags: FlagRow[]; clocks: TClaim['clocks'] }>(
    `SELECT c.id, c.claim_number, c.office_id, o.code AS office_code, o.name AS office_name, c.channel, c.modality, c.status,
            to_char(c.entered_mexico_on, 'YYYY-MM-DD') AS entered_mexico_on, ${ISO('c.protection_expressed_at')} AS protection_expressed_at,
            ${ISO('c.lodged_at')} AS lodged_at, to_char(c.decision_due_on, 'YYYY-MM-DD') AS decision_due_on,
            CASE WHEN c.status IN ${OPEN_STATUS_SQL} THEN claim_risk_band(c.calendar_id, c.decision_due_on, local_today(o.time_zone)) END AS risk_band,
            o.time_zone, o.institution_id, c.assigned_officer_id, u.full_name AS assigned_officer_name, c.version, c.calendar_id,
            (SELECT r.id FROM referrals r WHERE r.claim_id = c.id LIMIT 1) AS referral_id, ${ISO('c.closed_at')} AS closed_at,
            (SELECT coalesce(json_agg(m ORDER BY m.relation <> 'principal', m.birth_date NULLS LAST, m.id), '[]')
               FROM (SELECT cm.relation, cm.unaccompanied, ${PERSON_COLUMNS}
                       FROM claim_members cm JOIN persons p ON p.id = cm.person_id WHERE cm.claim_id = c.id) m) AS members,
            (SELECT coalesce(json_agg(f ORDER BY f.recorded_order, f.id), '[]')
               FROM (SELECT ${FLAG_COLUMNS}, f.recorded_at AS recorded_order
                       FROM vulnerability_flags f LEFT JOIN users u ON u.id = f.recorded_by WHERE f.claim_id = c.id) f) AS flags,
            (SELECT coalesce(json_agg(k ORDER BY k.kind), '[]')
               FROM (SELECT kind, to_char(started_on, 'YYYY-MM-DD') AS "startedOn", ${ISO('started_at')} AS "startedAt",
                            working_days AS "workingDays", hours, extension_days AS "extensionDays",
                            to_char(due_on, 'YYYY-MM-DD') AS "dueOn", ${ISO('due_at')} AS "dueAt", state
                       FROM claim_clocks WHERE claim_id = c.id) k) AS clocks
       FROM claims c JOIN offices o ON o.id = c.office_id LEFT JOIN users u ON u.id = c.assigned_officer_id
      WHERE c.id = $1`, [id], { prepared: 'refugio_claim_file' });
  const row = rows[0];
  // Out of scope answers as if the file did not exist.
  if (!row || !mayActOnClaim(actor, 'read', row)) throw new AppError('NOT_FOUND');
  const sensitive = mayReadSensitive(actor, row);
  const today = todayIn(row.time_zone);
  const { members, clocks } = row;
  const flags = row.flags.map(({ recorded_order: _order, ...flag }: FlagRow & { recorded_order?: string }) => flag);
  const activeFlags = flags.filter((f) => f.withdrawn_at === null);
  const suggestedFlags = suggestFlags(members.map((m) => ({
    relation: m.relation, unaccompanied: m.unaccompanied, birthDate: m.birth_date, birthDateEstimated: m.birth_date_estimated,
  })), today)
    .filter((s) => !activeFlags.some((f) => f.category === s.category && (f.person_id ?? members[0]?.id) === members[s.memberIndex]?.id))
    .map((s) => ({ personId: members[s.memberIndex]?.id ?? null, memberIndex: s.memberIndex, category: s.category,
      indicatorKey: s.indicatorKey, params: s.params }));
  return {
    id: row.id, claimNumber: row.claim_number, officeId: row.office_id, officeCode: row.office_code, officeName: row.office_name,
    channel: row.channel, modality: row.modality, status: row.status, enteredMexicoOn: row.entered_mexico_on,
    protectionExpressedAt: row.protection_expressed_at, lodgedAt: row.lodged_at, decisionDueOn: row.decision_due_on,
    riskBand: row.risk_band, assignedOfficerId: row.assigned_officer_id, assignedOfficerName: row.assigned_officer_name,
    version: row.version, calendarId: row.calendar_id, referralId: row.referral_id, closedAt: row.closed_at,
    members: members.map((m) => ({ relation: m.relation, unaccompanied: m.unaccompanied, person: presentPerson(m, sensitive, today) })),
    flags: flags.map((f) => presentFlag(f, sensitive)),
    suggestedFlags,
    clocks,
    allowedActions: allowedActions(row.status),
    canReadSensitive: sensitive,
  };
}

/**
 * A claim file as its reader sees it; every read is audited (claim.viewed). Two statements and no
 * transaction: a read changes nothing that its event would have to roll back with, and the file
 * is answered only once its event has committed, so no read goes unrecorded (ADR 032).
 */
export async function getClaim(db: Queryable, ctx: RequestContext, id: string): Promise<TClaim> {
  const claim = await getClaimUnaudited(db, actorOf(ctx), id);
  await recordAudit(db, ctx, { action: 'claim.viewed', entityType: 'claim', entityId: id, officeId: claim.officeId });
  return claim;
}

export interface ClaimEventRow {
  id: string; kind: string; fromStatus: string | null; toStatus: string | null; reason: string | null;
  details: Record<string, unknown>; actor: string | null; occurredAt: string; assignedTo: string | null; assignedFrom: string | null;
}

/** The claim's timeline, oldest first (the claim's read is audited by getClaim; the timeline is part of the same file). */
export async function getClaimTimeline(db: Queryable, ctx: RequestContext, id: string): Promise<ClaimEventRow[]> {
  const actor = actorOf(ctx);
  const key = await loadClaimFor(db, actor, id, 'read');
  const sensitive = mayReadSensitive(actor, key);
  const { rows } = await db.query<ClaimEventRow>(
    `SELECT e.id, e.kind, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason, e.details,
            u.full_name AS actor, ${ISO('e.occurred_at')} AS "occurredAt", ut.full_name AS "assignedTo", uf.full_name AS "assignedFrom"
       FROM claim_events e LEFT JOIN users u ON u.id = e.actor_user_id
       -- An assignment says to whom and from whom (its details hold the officers' ids; compared as text,
       -- so no other kind's details are ever cast).
       LEFT JOIN users ut ON e.kind = 'assigned' AND ut.id::text = e.details->>'to'
       LEFT JOIN users uf ON e.kind = 'assigned' AND uf.id::text = e.details->>'from'
      WHERE e.claim_id = $1 ORDER BY e.occurred_at, e.id`, [id]);
  // Flag events name a sensitive category only to readers under the field policy.
  return rows.map((row) => (row.details.sensitive === true && !sensitive
    ? { ...row, reason: null, details: { ...row.details, category: null } }
    : row));
}

/** The claim's clocks explained day by day (skipped days with their rule and citation, moves). */
export async function getClaimClocks(db: Queryable, ctx: RequestContext, id: string) {
  await loadClaimFor(db, actorOf(ctx), id, 'read');
  return explainClaimClocks(db, id);
}
