import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import type { Actor } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import type { ClaimKey } from '../../shared/policies/claim.policy.ts';
import { withinAvailability, type AvailabilitySlot } from '../scheduling.rules.ts';
import type { TAppointmentInput } from '../scheduling.schemas.ts';
import { localSql, utcSql } from './appointment-view.ts';

/** What a booking was checked into: its instants and the person heard. */
export interface CheckedBooking {
  startsAt: string;
  endsAt: string;
  personId: string;
}

interface InterpreterRow {
  id: string;
  full_name: string;
  sex: string;
  languages: string[];
  modalities: string[];
  office_ids: string[];
  availability: AvailabilitySlot[];
  active: boolean;
}

/** An officer who may interview for the office: active, of the office, an eligibility officer or a supervisor. */
const OFFICER_SQL = `SELECT u.id FROM users u
  WHERE u.id = $2 AND u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1)
    AND u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code IN ('eligibility_officer', 'supervisor'))`;

/** The weekday 1 (Monday)–7 of a civil day. */
const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Checks a booking's input against the claim and the roster, naming every bad field at once:
 * a start in the future (office time), a room for an interview in person and a link for a video
 * one, an officer of the office, an interpreter who is active, works for the office, speaks the
 * interview's language, works in its modality and is available then, and the applicant's
 * requests either met by whom is booked or refused with a reason (EUAA practical guide on the
 * personal interview: interviewer and interpreter of the requested sex where possible).
 */
export async function checkBookingFields(tx: Queryable, claim: ClaimKey, input: TAppointmentInput): Promise<CheckedBooking> {
  const errors = new FieldErrors();
  const times = (await tx.query<{ starts: string; ends: string; past: boolean; local_end: string }>(
    `SELECT ${utcSql('s')} AS starts, ${utcSql('e')} AS ends, s <= now() AS past, ${localSql('e', '$2')} AS local_end
       FROM (SELECT ($1::timestamp AT TIME ZONE $2) AS s, (($1::timestamp + make_interval(mins => $3)) AT TIME ZONE $2) AS e) t`,
    [input.startsAt, claim.time_zone, input.durationMinutes])).rows[0]!;
  if (times.past) errors.add('startsAt', 'validation.in_the_past');
  if (input.modality === 'in_person' && !input.room) errors.add('room', 'validation.required');
  if (input.modality === 'video' && !input.videoLink) errors.add('videoLink', 'validation.required');
  if (input.modality !== 'video' && input.videoLink) errors.add('videoLink', 'validation.not_applicable');
  if (((await tx.query(OFFICER_SQL, [claim.office_id, input.officerId])).rowCount ?? 0) === 0) {
    errors.add('officerId', 'validation.officer_not_assignable');
  }
  let interpreter: InterpreterRow | null = null;
  if (input.interpreterId) {
    interpreter = (await tx.query<InterpreterRow>(
      'SELECT id, full_name, sex, languages, modalities, office_ids, availability, active FROM interpreters WHERE id = $1',
      [input.interpreterId])).rows[0] ?? null;
    if (!interpreter || !interpreter.office_ids.includes(claim.office_id)) errors.add('interpreterId', 'validation.interpreter_office');
    else if (!interpreter.active) errors.add('interpreterId', 'validation.interpreter_inactive');
    else if (!interpreter.languages.includes(input.language)) errors.add('interpreterId', 'validation.interpreter_language');
    else if (!interpreter.modalities.includes(input.modality)) errors.add('interpreterId', 'validation.interpreter_modality');
    else {
      const [day = '', start = ''] = input.startsAt.split('T');
      const [endDay = '', end = ''] = times.local_end.split('T');
      if (endDay !== day || !withinAvailability(interpreter.availability, weekdayOf(day), start, end)) {
        errors.add('interpreterId', 'validation.interpreter_unavailable');
      }
    }
  }
  input.requests.forEach((request, index) => {
    if (!request.honoured && !request.reason) errors.add(`requests.${index}.reason`, 'validation.refusal_reason_required');
    if (request.kind !== 'third_party' && !request.sex) errors.add(`requests.${index}.sex`, 'validation.required');
    if (request.kind === 'third_party' && !request.role) errors.add(`requests.${index}.role`, 'validation.required');
    if (request.kind === 'interpreter_sex' && request.honoured && interpreter && interpreter.sex !== request.sex) {
      errors.add(`requests.${index}.honoured`, 'validation.request_not_met');
    }
  });
  let personId = input.personId;
  if (personId) {
    const member = await tx.query('SELECT 1 FROM claim_members WHERE claim_id = $1 AND person_id = $2', [claim.id, personId]);
    if ((member.rowCount ?? 0) === 0) errors.add('personId', 'validation.unknown_reference');
  } else {
    personId = (await tx.query<{ id: string }>('SELECT principal_person_id AS id FROM claims WHERE id = $1', [claim.id])).rows[0]!.id;
  }
  errors.throwIfAny();
  return { startsAt: times.starts, endsAt: times.ends, personId };
}

interface ConflictRow {
  id: string;
  kind: 'officer' | 'interpreter' | 'room';
  name: string;
  local_start: string;
  local_end: string;
  starts_at: string;
  ends_at: string;
}

const FIELD_OF = { officer: 'officerId', interpreter: 'interpreterId', room: 'room' } as const;
const CONFLICT_KEY = { officer: 'scheduling.conflicts.officer', interpreter: 'scheduling.conflicts.interpreter', room: 'scheduling.conflicts.room' } as const;

/**
 * Refuses a double booking of the officer, the interpreter or the room (ADR 027). The
 * participants are locked first (a transaction-scoped advisory lock per officer, interpreter and
 * room, taken in a fixed order so two bookings sharing two participants cannot deadlock): a
 * concurrent booking of any of them waits until this one commits, then its check sees it. Under
 * READ COMMITTED each statement reads what was committed before it began, so the check after
 * the lock is never stale. The refusal names every conflict with its times (office time).
 */
export async function refuseDoubleBooking(
  tx: Queryable, actor: Actor, claim: ClaimKey, input: Pick<TAppointmentInput, 'officerId' | 'interpreterId' | 'room'>,
  booking: CheckedBooking, excludeId: string | null,
): Promise<void> {
  const room = input.room ? input.room.trim().toLowerCase() : null;
  const keys = [`officer:${input.officerId}`, ...(input.interpreterId ? [`interpreter:${input.interpreterId}`] : []),
    ...(room ? [`room:${claim.office_id}:${room}`] : [])].toSorted();
  for (const key of keys) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7242027))', [key]);
  const { rows } = await tx.query<ConflictRow>(
    `SELECT a.id, k.kind, CASE k.kind WHEN 'officer' THEN u.full_name WHEN 'interpreter' THEN i.full_name ELSE a.room END AS name,
            ${localSql('a.starts_at')} AS local_start, ${localSql('a.ends_at')} AS local_end,
            ${utcSql('a.starts_at')} AS starts_at, ${utcSql('a.ends_at')} AS ends_at
       FROM interview_appointments a
       JOIN offices o ON o.id = a.office_id
       JOIN users u ON u.id = a.officer_id
       LEFT JOIN interpreters i ON i.id = a.interpreter_id
       CROSS JOIN LATERAL (VALUES
         (CASE WHEN a.officer_id = $3 THEN 'officer' END),
         (CASE WHEN a.interpreter_id = $4 THEN 'interpreter' END),
         (CASE WHEN a.office_id = $5 AND lower(btrim(a.room)) = $6 THEN 'room' END)) k(kind)
      WHERE a.status = 'scheduled' AND a.starts_at < $2 AND a.ends_at > $1 AND k.kind IS NOT NULL
        AND ($7::uuid IS NULL OR a.id <> $7)
        AND (a.officer_id = $3 OR a.interpreter_id = $4 OR (a.office_id = $5 AND lower(btrim(a.room)) = $6))
      ORDER BY a.starts_at, array_position(ARRAY['officer', 'interpreter', 'room'], k.kind)`,
    [booking.startsAt, booking.endsAt, input.officerId, input.interpreterId, claim.office_id, room, excludeId]);
  if (rows.length === 0) return;
  const sentence = (r: ConflictRow) => translate(actor.language, CONFLICT_KEY[r.kind], {
    name: r.name, day: r.local_start.slice(0, 10), from: r.local_start.slice(11), to: r.local_end.slice(11),
  });
  const kinds = [...new Set(rows.map((r) => r.kind))];
  throw new AppError('SCHEDULE_CONFLICT', {
    params: { conflicts: rows.map(sentence).join('; ') },
    fieldErrors: kinds.map((kind) => ({ field: FIELD_OF[kind], code: 'validation.double_booked' })),
    extra: {
      conflicts: rows.map((r) => ({ kind: r.kind, name: r.name, appointmentId: r.id, startsAt: r.starts_at, endsAt: r.ends_at, message: sentence(r) })),
    },
  });
}
