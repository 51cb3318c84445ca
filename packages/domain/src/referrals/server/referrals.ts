import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { mayReadReferralSensitive, referralScopeCondition, requireReferralScope } from '../../shared/policies/referral.policy.ts';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError, FieldErrors } from '../../shared/errors.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/time.ts';
import { type Actor, type RequestContext, actorOf } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { arrivalDateIssues, INM_NOTICE_HOURS, isSensitiveCategory, type TClaimInput, type TPersonInput } from '../../intake/index.ts';

import { checkPerson, EMPTY_ADDRESS, insertClaim, presentPerson } from '../../intake/server/index.ts';
import type {
  TReferral, TReferralInput, TReferralListItem, ZReferralAccept, ZReferralQuery, ZReferralReturn,
} from '../referrals.schemas.ts';

interface StoredMember { relation: TReferral['members'][number]['relation']; unaccompanied: boolean; person: TPersonInput }
interface StoredIndicator { memberIndex: number | null; category: TReferralInput['indicators'][number]['category']; indicator: string }

interface ReferralRow {
  id: string; status: TReferral['status']; source_office_id: string; source_code: string; source_name: string;
  target_office_id: string; target_code: string; target_name: string; target_institution_id: string;
  source_institution_id: string; channel: TReferral['channel']; principal_name: string; members: StoredMember[];
  expressed_at: string; expressed_place: string; expressed_state_code: string; entered_mexico_on: string | null;
  identified: boolean; informed: boolean; referred: boolean; indicators: StoredIndicator[]; notes: string | null;
  notice_due_at: string; notice_state: TReferral['noticeState']; return_reason: string | null; decided_at: string | null;
  decided_by: string | null; claim_id: string | null; claim_number: string | null; created_by: string | null;
  created_at: string; version: number; member_count: number;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SELECT = `SELECT r.id, r.status, r.source_office_id, so.code AS source_code, so.name AS source_name,
    r.target_office_id, t.code AS target_code, t.name AS target_name, t.institution_id AS target_institution_id,
    so.institution_id AS source_institution_id, r.channel, r.principal_name, r.members, ${ISO('r.expressed_at')} AS expressed_at,
    r.expressed_place, r.expressed_state_code, to_char(r.entered_mexico_on, 'YYYY-MM-DD') AS entered_mexico_on,
    r.identified, r.informed, r.referred, r.indicators, r.notes, ${ISO('r.notice_due_at')} AS notice_due_at,
    CASE WHEN r.status = 'pending' THEN (CASE WHEN now() > r.notice_due_at THEN 'overdue' ELSE 'pending' END)
         WHEN r.decided_at <= r.notice_due_at THEN 'met' ELSE 'missed' END AS notice_state,
    r.return_reason, ${ISO('r.decided_at')} AS decided_at, du.full_name AS decided_by, r.claim_id, c.claim_number,
    cu.full_name AS created_by, ${ISO('r.created_at')} AS created_at, r.version, jsonb_array_length(r.members) AS member_count
  FROM referrals r
  JOIN offices so ON so.id = r.source_office_id
  JOIN offices t ON t.id = r.target_office_id
  LEFT JOIN users du ON du.id = r.decided_by
  LEFT JOIN users cu ON cu.id = r.created_by
  LEFT JOIN claims c ON c.id = r.claim_id`;

function presentItem(row: ReferralRow): TReferralListItem {
  return {
    id: row.id, status: row.status,
    sourceOffice: { id: row.source_office_id, code: row.source_code, name: row.source_name },
    targetOffice: { id: row.target_office_id, code: row.target_code, name: row.target_name },
    channel: row.channel, principalName: row.principal_name, expressedAt: row.expressed_at, expressedPlace: row.expressed_place,
    expressedStateCode: row.expressed_state_code, enteredMexicoOn: row.entered_mexico_on, identified: row.identified,
    informed: row.informed, referred: row.referred, noticeDueAt: row.notice_due_at, noticeState: row.notice_state,
    returnReason: row.return_reason, decidedAt: row.decided_at, decidedBy: row.decided_by, claimId: row.claim_id,
    claimNumber: row.claim_number, createdBy: row.created_by, createdAt: row.created_at, version: row.version,
    memberCount: row.member_count,
  };
}

function present(row: ReferralRow, actor: Actor): TReferral {
  const sensitive = mayReadReferralSensitive(actor, row);
  const { memberCount: _m, ...item } = presentItem(row);
  return {
    ...item,
    members: row.members.map((m, index) => ({
      relation: m.relation, unaccompanied: m.unaccompanied,
      person: presentPerson({
        id: `${row.id}:${index}`, given_names: m.person.givenNames, first_surname: m.person.firstSurname,
        second_surname: m.person.secondSurname, other_names: m.person.otherNames, sex: m.person.sex,
        gender_identity: m.person.genderIdentity, birth_date: m.person.birthDate, birth_date_estimated: m.person.birthDateEstimated,
        nationalities: m.person.nationalities, habitual_residence: m.person.habitualResidence, languages: m.person.languages,
        needs_interpreter: m.person.needsInterpreter, phone: m.person.phone, email: m.person.email,
        address: { ...EMPTY_ADDRESS, ...m.person.address }, documents: m.person.documents, merged_into_id: null, version: row.version,
      }, sensitive),
    })),
    indicators: row.indicators.map((i) => {
      const hidden = isSensitiveCategory(i.category) && !sensitive;
      return { memberIndex: i.memberIndex, category: hidden ? null : i.category, indicator: hidden ? null : i.indicator,
        sensitive: isSensitiveCategory(i.category) };
    }),
    notes: row.notes,
  };
}

async function loadRow(db: Queryable, actor: Actor, id: string, lock = false): Promise<ReferralRow> {
  const params: unknown[] = [id];
  const condition = referralScopeCondition(requireReferralScope(actor), actor, params);
  const { rows } = await db.query<ReferralRow>(`${SELECT} WHERE r.id = $1 AND ${condition}${lock ? ' FOR UPDATE OF r' : ''}`, params);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/**
 * A first-contact officer refers a person to COMAR from their own office. The referral goes to the
 * active COMAR office whose competence area includes the state where protection was sought.
 */
export async function createReferral(db: Database, ctx: RequestContext, input: TReferralInput): Promise<TReferral> {
  const actor = actorOf(ctx);
  const errors = new FieldErrors();
  if (!actor.officeIds.includes(input.sourceOfficeId)) errors.add('sourceOfficeId', 'validation.office_out_of_scope');
  // Days in Mexico's central zone: a post's own zone would move the check by at most an hour or two.
  for (const issue of arrivalDateIssues({ enteredMexicoOn: input.enteredMexicoOn, protectionExpressedAt: input.expressedAt }, DEFAULT_TIME_ZONE)) {
    errors.add(issue.field === 'protectionExpressedAt' ? 'expressedAt' : issue.field, issue.message);
  }
  input.members.forEach((member, index) => {
    if (index === 0 && member.relation !== 'principal') errors.add(`members.${index}.relation`, 'validation.principal_first');
    if (index > 0 && member.relation === 'principal') errors.add(`members.${index}.relation`, 'validation.one_principal');
    checkPerson(member.person, `members.${index}.person`, errors);
  });
  input.indicators.forEach((flag, index) => {
    if (flag.memberIndex !== null && flag.memberIndex >= input.members.length) errors.add(`indicators.${index}.memberIndex`, 'validation.unknown_reference');
  });
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    const source = (await tx.query<{ kind: string }>('SELECT kind FROM offices WHERE id = $1', [input.sourceOfficeId])).rows[0];
    if (!source) throw fieldError('sourceOfficeId', 'validation.unknown_reference');
    const target = (await tx.query<{ id: string }>(
      `SELECT o.id FROM offices o JOIN institutions i ON i.id = o.institution_id
        WHERE i.kind = 'asylum_authority' AND o.active AND $1 = ANY(o.served_state_codes) ORDER BY o.code LIMIT 1`,
      [input.expressedStateCode])).rows[0];
    if (!target) throw fieldError('expressedStateCode', 'validation.no_competent_office');
    const principal = input.members[0]!.person;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO referrals (source_office_id, target_office_id, members, principal_name, expressed_at, expressed_place,
         expressed_state_code, entered_mexico_on, channel, identified, informed, referred, indicators, notes, notice_due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $5::timestamptz + make_interval(hours => $15), $16)
       RETURNING id`,
      [input.sourceOfficeId, target.id, JSON.stringify(input.members),
        [principal.givenNames, principal.firstSurname, principal.secondSurname].filter(Boolean).join(' '),
        input.expressedAt, input.expressedPlace, input.expressedStateCode, input.enteredMexicoOn,
        source.kind === 'detention_centre' ? 'detention_centre' : 'inm_referral', input.identified, input.informed,
        input.referred, JSON.stringify(input.indicators), input.notes, INM_NOTICE_HOURS, actor.userId],
    );
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'referral.created', entityType: 'referral', entityId: id, officeId: input.sourceOfficeId,
      details: { targetOfficeId: target.id, members: input.members.length, expressedStateCode: input.expressedStateCode,
        indicators: input.indicators.map((i) => (isSensitiveCategory(i.category) ? 'sensitive' : i.category)) },
    });
    return present(await loadRow(tx, actor, id), actor);
  });
}

/** A referral as its reader sees it; opening it is audited (it holds a person's data). */
export async function getReferral(db: Database, ctx: RequestContext, id: string): Promise<TReferral> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, actor, id);
    await recordAudit(tx, ctx, { action: 'referral.viewed', entityType: 'referral', entityId: id, officeId: row.target_office_id });
    return present(row, actor);
  });
}

/** Referrals in scope; pending first by the 72-hour notice, then decided ones by decision time. Keyset on (notice_due_at, id). */
export async function listReferrals(db: Queryable, actor: Actor, query: z.infer<typeof ZReferralQuery>): Promise<{ items: TReferralListItem[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where = [referralScopeCondition(requireReferralScope(actor), actor, params)];
  if (query.box === 'inbox') {
    params.push(actor.officeIds);
    where.push(`r.target_office_id = ANY($${params.length}::uuid[])`);
  } else if (query.box === 'sent') {
    params.push(actor.officeIds);
    where.push(`r.source_office_id = ANY($${params.length}::uuid[])`);
  }
  if (query.status) {
    params.push(query.status);
    where.push(`r.status = $${params.length}`);
  }
  if (query.officeId) {
    params.push(query.officeId);
    where.push(`(r.target_office_id = $${params.length} OR r.source_office_id = $${params.length})`);
  }
  if (query.cursor) {
    let cursor: [string, string];
    try {
      cursor = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [string, string];
      if (!Array.isArray(cursor) || Number.isNaN(Date.parse(cursor[0])) || !/^[0-9a-f-]{36}$/i.test(cursor[1])) throw new Error('bad');
    } catch {
      throw fieldError('querystring:cursor', 'validation.invalid_format');
    }
    params.push(cursor[0], cursor[1]);
    where.push(`(r.notice_due_at, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await db.query<ReferralRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.notice_due_at, r.id LIMIT ${query.limit + 1}`, params);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentItem),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.notice_due_at, last.id])).toString('base64url') : null,
  };
}

async function loadForDecision(tx: Queryable, actor: Actor, id: string, version: number): Promise<ReferralRow> {
  const row = await loadRow(tx, actor, id, true);
  if (!actor.permissions.has('decide:referral:office') || !actor.officeIds.includes(row.target_office_id)) throw new AppError('FORBIDDEN');
  if (row.status !== 'pending') throw new AppError('INVALID_STATE', { extra: { reason: 'referral_decided', currentStatus: row.status } });
  if (row.version !== version) throw versionConflict(present(row, actor));
  return row;
}

/**
 * COMAR accepts: the claim is registered at the receiving office in the same transaction, with
 * the moment protection was first sought (for the filing-limit check) and the indicators seen at
 * first contact as flags. People matched in the duplicate check are linked instead of created.
 */
export async function acceptReferral(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZReferralAccept>,
): Promise<{ referral: TReferral; claimId: string; claimNumber: string }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const row = await loadForDecision(tx, actor, id, input.version);
    const errors = new FieldErrors();
    input.links.forEach((link, index) => {
      if (link.memberIndex >= row.members.length) errors.add(`links.${index}.memberIndex`, 'validation.unknown_reference');
    });
    errors.throwIfAny();
    const claimInput: TClaimInput = {
      officeId: row.target_office_id, channel: row.channel, modality: input.modality, enteredMexicoOn: row.entered_mexico_on,
      protectionExpressedAt: row.expressed_at, lodgedAt: null,
      members: row.members.map((m, index) => {
        const link = input.links.find((l) => l.memberIndex === index);
        return { relation: m.relation, unaccompanied: m.unaccompanied, existingPersonId: link?.existingPersonId ?? null,
          person: link ? null : m.person };
      }),
      flags: row.indicators.map((i) => ({ memberIndex: i.memberIndex, category: i.category, indicator: i.indicator })),
    };
    const claimId = await insertClaim(tx, ctx, actor, claimInput, { referralId: id, inmNoticeReceivedAt: new Date().toISOString() });
    await tx.query(
      `UPDATE referrals SET status = 'accepted', decided_by = $2, decided_at = now(), claim_id = $3, version = version + 1,
              updated_at = now() WHERE id = $1`, [id, actor.userId, claimId]);
    await recordAudit(tx, ctx, { action: 'referral.accepted', entityType: 'referral', entityId: id, officeId: row.target_office_id,
      details: { claimId, links: input.links.length } });
    const after = await loadRow(tx, actor, id);
    return { referral: present(after, actor), claimId, claimNumber: after.claim_number! };
  });
}

/** COMAR returns the referral to the first-contact office with its reason (wrong office, incomplete…). */
export async function returnReferral(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZReferralReturn>): Promise<TReferral> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const row = await loadForDecision(tx, actor, id, input.version);
    await tx.query(
      `UPDATE referrals SET status = 'returned', decided_by = $2, decided_at = now(), return_reason = $3, version = version + 1,
              updated_at = now() WHERE id = $1`, [id, actor.userId, input.reason]);
    await recordAudit(tx, ctx, { action: 'referral.returned', entityType: 'referral', entityId: id, officeId: row.target_office_id,
      details: { reason: input.reason } });
    return present(await loadRow(tx, actor, id), actor);
  });
}
