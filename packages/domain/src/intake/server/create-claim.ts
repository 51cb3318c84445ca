import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { runRegistrationEffects } from '../../procedure/server/index.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { DEFAULT_TIME_ZONE, localDay, todayIn } from '../../shared/time.ts';
import { ageOn, arrivalDateIssues, defaultClaimPrefix, formatClaimNumber, isSensitiveCategory, suggestFlags } from '../intake.rules.ts';
import type { TClaim, TClaimInput } from '../intake.schemas.ts';
import { getClaimUnaudited } from './get-claim.ts';
import { runNeedEffects } from './need-effects.ts';
import { checkPerson, insertPerson } from './persons.ts';

/**
 * Next claim number of an office and year. The counter row is locked by the UPDATE until the
 * claim's transaction ends, so concurrent registrations queue and a rollback returns the number.
 */
export async function allocateClaimNumber(tx: Queryable, officeId: string, year: number): Promise<string> {
  const { rows } = await tx.query<{ counter: number; code: string; claim_number_prefix: string | null; claim_number_format: string }>(
    `WITH next AS (
       INSERT INTO claim_number_counters (office_id, year, counter) VALUES ($1, $2, 1)
       ON CONFLICT (office_id, year) DO UPDATE SET counter = claim_number_counters.counter + 1
       RETURNING counter)
     SELECT next.counter, o.code, o.claim_number_prefix, o.claim_number_format FROM next, offices o WHERE o.id = $1`,
    [officeId, year],
  );
  const row = rows[0]!;
  return formatClaimNumber(row.claim_number_format, {
    prefix: row.claim_number_prefix ?? defaultClaimPrefix(row.code), year, seq: row.counter,
  });
}

/** The office's calendar, else the operation's default for claims. */
export async function claimCalendarFor(tx: Queryable, officeId: string): Promise<string> {
  const { rows } = await tx.query<{ id: string | null }>(
    `SELECT COALESCE(o.calendar_id, (SELECT id FROM calendars WHERE is_default_for_claims AND operation_id = o.operation_id)) AS id
       FROM offices o WHERE o.id = $1`, [officeId]);
  const id = rows[0]?.id;
  if (!id) throw new AppError('INVALID_STATE', { extra: { reason: 'no_claim_calendar' } });
  return id;
}

export interface CreateClaimOptions {
  /** Set when a referral is accepted: recorded in the timeline and the audit event. */
  referralId?: string;
  /** Checked by the caller (the referral's target office) instead of the actor's offices. */
  skipOfficeMembershipCheck?: boolean;
  /** Set with referralId: when COMAR received INM's notice (the referral's acceptance). */
  inmNoticeReceivedAt?: string;
}

/** Validates what the schema cannot: the family's shape, dates, references. Throws every error at once. */
async function checkClaimInput(tx: Queryable, actor: Actor, input: TClaimInput, options: CreateClaimOptions): Promise<{ timeZone: string; today: string; institutionId: string }> {
  const errors = new FieldErrors();
  const office = (await tx.query<{ kind: string; active: boolean; time_zone: string; institution_id: string }>(
    `SELECT i.kind, o.active, o.time_zone, o.institution_id FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE o.id = $1`, [input.officeId])).rows[0];
  // Dates are checked against the office's own day (a claim lodged in Tijuana at 23:30 is lodged that day).
  const today = todayIn(office?.time_zone);
  if (!office) errors.add('officeId', 'validation.unknown_reference');
  else if (office.kind !== 'asylum_authority' || !office.active) errors.add('officeId', 'validation.office_cannot_register');
  else if (!options.skipOfficeMembershipCheck && !actor.officeIds.includes(input.officeId)) errors.add('officeId', 'validation.office_out_of_scope');
  for (const issue of arrivalDateIssues(input, office?.time_zone ?? DEFAULT_TIME_ZONE)) errors.add(issue.field, issue.message);
  const existingIds: string[] = [];
  input.members.forEach((member, index) => {
    const field = `members.${index}`;
    if (index === 0 && member.relation !== 'principal') errors.add(`${field}.relation`, 'validation.principal_first');
    if (index > 0 && member.relation === 'principal') errors.add(`${field}.relation`, 'validation.one_principal');
    if ((member.person === null) === (member.existingPersonId === null)) errors.add(`${field}.person`, 'validation.person_or_existing');
    if (member.person) checkPerson(member.person, `${field}.person`, errors, today);
    if (member.existingPersonId) {
      if (existingIds.includes(member.existingPersonId)) errors.add(`${field}.existingPersonId`, 'validation.duplicate_member');
      existingIds.push(member.existingPersonId);
    }
    const birthDate = member.person?.birthDate ?? null;
    if (member.unaccompanied && birthDate && ageOn(birthDate, today) >= 18) errors.add(`${field}.unaccompanied`, 'validation.unaccompanied_adult');
  });
  if (existingIds.length > 0) {
    const { rows } = await tx.query<{ id: string; merged_into_id: string | null }>(
      'SELECT id, merged_into_id FROM persons WHERE id = ANY($1::uuid[])', [existingIds]);
    input.members.forEach((member, index) => {
      if (!member.existingPersonId) return;
      const found = rows.find((r) => r.id === member.existingPersonId);
      if (!found || found.merged_into_id) errors.add(`members.${index}.existingPersonId`, 'validation.unknown_reference');
    });
  }
  input.flags.forEach((flag, index) => {
    if (flag.memberIndex !== null && flag.memberIndex >= input.members.length) errors.add(`flags.${index}.memberIndex`, 'validation.unknown_reference');
  });
  errors.throwIfAny();
  return { timeZone: office!.time_zone, today, institutionId: office!.institution_id };
}

/**
 * Registers a claim with its whole family in one transaction: persons (new or linked), members,
 * the claim number, flags (those matching a suggestion from the dates of birth are marked
 * derived), the first timeline entry, the clocks and the audit event. Nothing is kept on failure.
 */
export async function createClaim(db: Database, ctx: RequestContext, input: TClaimInput, options: CreateClaimOptions = {}): Promise<TClaim> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claimId = await insertClaim(tx, ctx, actor, input, options);
    return getClaimUnaudited(tx, actor, claimId);
  });
}

/** The body of createClaim inside the caller's transaction (referral acceptance reuses it). */
export async function insertClaim(tx: Queryable, ctx: RequestContext, actor: Actor, input: TClaimInput, options: CreateClaimOptions): Promise<string> {
  const { timeZone, today, institutionId } = await checkClaimInput(tx, actor, input, options);
  const lodgedAt = input.lodgedAt ? new Date(input.lodgedAt) : new Date();
  // The lodging day in the office's zone is day 0 of the clocks and gives the claim number's year.
  const lodgedOn = localDay(lodgedAt, timeZone);
  const calendarId = await claimCalendarFor(tx, input.officeId);
  const claimNumber = await allocateClaimNumber(tx, input.officeId, Number(lodgedOn.slice(0, 4)));
  const personIds: string[] = [];
  for (const member of input.members) {
    personIds.push(member.existingPersonId ?? await insertPerson(tx, member.person!));
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, modality, entered_mexico_on,
       protection_expressed_at, lodged_at, calendar_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [claimNumber, input.officeId, personIds[0], input.channel, input.modality, input.enteredMexicoOn,
      input.protectionExpressedAt, lodgedAt, calendarId, actor.userId],
  );
  const claimId = rows[0]!.id;
  await tx.query(
    `INSERT INTO claim_members (claim_id, person_id, relation, unaccompanied)
     SELECT $1, unnest($2::uuid[]), unnest($3::text[]), unnest($4::boolean[])`,
    [claimId, personIds, input.members.map((m) => m.relation), input.members.map((m) => m.unaccompanied)],
  );

  // Birth dates of linked persons count for the suggestions too.
  const linked = personIds.length > 0 ? (await tx.query<{ id: string; birth_date: string | null; birth_date_estimated: boolean }>(
    `SELECT id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birth_date_estimated FROM persons WHERE id = ANY($1::uuid[])`,
    [personIds])).rows : [];
  const suggestions = suggestFlags(input.members.map((m, i) => {
    const p = linked.find((r) => r.id === personIds[i]);
    return { relation: m.relation, unaccompanied: m.unaccompanied, birthDate: p?.birth_date ?? null, birthDateEstimated: p?.birth_date_estimated ?? false };
  }), today);
  for (const flag of input.flags) {
    const derived = suggestions.some((s) => s.category === flag.category && s.memberIndex === (flag.memberIndex ?? 0));
    await tx.query(
      `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive, source, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [claimId, flag.memberIndex === null ? null : personIds[flag.memberIndex], flag.category, flag.indicator,
        isSensitiveCategory(flag.category), derived ? 'derived' : 'recorded', actor.userId],
    );
  }
  for (const flag of input.flags) {
    await runNeedEffects(tx, ctx, {
      claimId, personId: personIds[flag.memberIndex ?? 0]!, category: flag.category, change: 'identified', registering: true,
    });
  }

  await tx.query(
    `INSERT INTO claim_events (claim_id, kind, to_status, details, actor_user_id) VALUES ($1, 'created', 'registered', $2, $3)`,
    [claimId, JSON.stringify({ claimNumber, members: personIds.length, channel: input.channel, referralId: options.referralId ?? null,
      flags: input.flags.length }), actor.userId],
  );
  await runRegistrationEffects(tx, ctx, {
    id: claimId, office_id: input.officeId, institution_id: institutionId, assigned_officer_id: null, status: 'registered',
    version: 1, time_zone: timeZone,
  }, { calendarId, lodgedOn, enteredMexicoOn: input.enteredMexicoOn, protectionExpressedAt: input.protectionExpressedAt, channel: input.channel,
    inmNoticeReceivedAt: options.inmNoticeReceivedAt ?? null });
  await recordAudit(tx, ctx, {
    action: 'claim.created', entityType: 'claim', entityId: claimId, officeId: input.officeId,
    // Personal data stays out of the audit trail: it names the people by id only.
    details: { claimNumber, channel: input.channel, modality: input.modality, personIds, linkedPersonIds: input.members
      .filter((m) => m.existingPersonId).map((m) => m.existingPersonId),
      flags: input.flags.map((f) => (isSensitiveCategory(f.category) ? 'sensitive' : f.category)),
      referralId: options.referralId ?? null },
  });
  return claimId;
}
