import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { COMPETENCY_GATE } from '../../intake/server/index.ts';
import { enforceStepSafeguards, performStep, type StepInput } from '../../procedure/server/index.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { noticeLanguageFor } from '../scheduling.rules.ts';
import type { TAppointment, TAppointmentInput } from '../scheduling.schemas.ts';
import { appointmentById } from './appointment-view.ts';
import { checkBookingFields, refuseDoubleBooking } from './check-booking.ts';

export interface BookAppointmentOptions {
  claimId: string;
  input: TAppointmentInput;
}

/** Statuses in which a claim's personal interview is booked: admitted (the first), or already scheduled (a new date). */
const BOOKABLE = ['admitted', 'interview_scheduled'];

/**
 * Books the personal interview of a claim (ADR 024, ADR 027). The claim's `update` (its
 * officer or the office) → an admitted or interview-scheduled claim with no appointment
 * scheduled → every field checked → participants locked and double bookings refused → the
 * procedure: the first appointment of an admitted claim takes the `schedule_interview` step (its
 * safeguards, the competency gate on the appointment's officer among them; status
 * interview_scheduled); a later one is held to the same safeguards without a step → the row and
 * its audit event, in one transaction.
 */
export async function bookAppointment(db: Database, ctx: RequestContext, options: BookAppointmentOptions): Promise<TAppointment> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    if (!BOOKABLE.includes(claim.status)) {
      throw new AppError('INVALID_STATE', { extra: { reason: 'claim_not_bookable', currentStatus: claim.status, allowedFrom: BOOKABLE } });
    }
    const scheduled = (await tx.query<{ id: string }>(
      `SELECT id FROM interview_appointments WHERE claim_id = $1 AND status = 'scheduled'`, [claim.id])).rows[0];
    if (scheduled) {
      throw new AppError('INVALID_STATE', {
        fieldErrors: [{ field: 'startsAt', code: 'validation.already_scheduled' }], extra: { reason: 'already_scheduled', appointmentId: scheduled.id },
      });
    }
    const id = await insertAppointment(tx, ctx, actor, claim, options.input, null);
    const appointment = await appointmentById(tx, id);
    await recordAudit(tx, ctx, {
      action: 'appointment.booked', entityType: 'interview_appointment', entityId: id, officeId: claim.office_id,
      details: bookingDetails(appointment, claim.status === 'admitted'),
    });
    return appointment;
  });
}

/** The audit details of a new appointment: who, where, when, the requests and how each was answered. */
export function bookingDetails(a: TAppointment, stepTaken: boolean): Record<string, unknown> {
  return {
    claimId: a.claimId, officerId: a.officerId, interpreterId: a.interpreterId, language: a.language, modality: a.modality, room: a.room,
    startsAt: a.startsAt, endsAt: a.endsAt, requests: a.requests, stepTaken,
  };
}

/**
 * Checks and writes one appointment of a claim locked by the caller: fields, safeguards (the
 * step for the first one), double bookings, then the row. Shared by booking and rescheduling.
 */
export async function insertAppointment(
  tx: Queryable, ctx: RequestContext, actor: Actor, claim: ClaimKey, input: TAppointmentInput, rescheduledFrom: string | null,
): Promise<string> {
  const booking = await checkBookingFields(tx, claim, input);
  await refuseDoubleBooking(tx, actor, claim, input, booking, rescheduledFrom);
  const stepInput: StepInput = {
    officerId: input.officerId, reason: input.overrideReason, overrides: input.overrideGating ? [COMPETENCY_GATE] : [],
  };
  if (claim.status === 'admitted') {
    await performStep(tx, ctx, claim.id, 'schedule_interview', stepInput, { current: async () => null });
  } else {
    await enforceStepSafeguards(tx, ctx, claim.id, 'schedule_interview', stepInput);
  }
  const languages = (await tx.query<{ languages: string[] }>('SELECT languages FROM persons WHERE id = $1', [booking.personId])).rows[0]?.languages ?? [];
  const notice = noticeLanguageFor([...languages, input.language]);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO interview_appointments (claim_id, office_id, officer_id, interpreter_id, language, modality, room, video_link, starts_at,
       ends_at, rescheduled_from_id, created_by, person_id, applicant_requests, notice_language)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [claim.id, claim.office_id, input.officerId, input.interpreterId, input.language, input.modality, input.room?.trim() ?? null,
      input.videoLink, booking.startsAt, booking.endsAt, rescheduledFrom, actor.userId, booking.personId,
      JSON.stringify(input.requests), notice.language]);
  return rows[0]!.id;
}
