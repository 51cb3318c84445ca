import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { resumeClock } from '../../calendars/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TAppointment, TRescheduleInput } from '../scheduling.schemas.ts';
import { appointmentById } from './appointment-view.ts';
import { bookingDetails, insertAppointment } from './book-appointment.ts';
import { loadAppointmentForUpdate } from './load-appointment.ts';

export interface RescheduleAppointmentOptions {
  appointmentId: string;
  input: TRescheduleInput;
}

/** An appointment that can be given a new date: still scheduled, missed (no-show) or postponed. */
const RESCHEDULABLE = ['scheduled', 'no_show', 'postponed'];

/**
 * Gives an appointment a new date (ADR 027): the old row keeps its history — a scheduled one is
 * marked `rescheduled` with the reason; a missed or postponed one keeps its status — and the new
 * one points back at it, checked like any booking (fields, safeguards, double bookings). A
 * decision clock paused by the postponement resumes on the day of the new booking.
 */
export async function rescheduleAppointment(db: Database, ctx: RequestContext, options: RescheduleAppointmentOptions): Promise<TAppointment> {
  const actor = actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    const { row, claim } = await loadAppointmentForUpdate(tx, actor, options.appointmentId, input.version);
    if (!RESCHEDULABLE.includes(row.status)) throw new AppError('INVALID_STATE', { extra: { reason: 'not_reschedulable', currentStatus: row.status } });
    const later = await tx.query('SELECT 1 FROM interview_appointments WHERE rescheduled_from_id = $1', [row.id]);
    if ((later.rowCount ?? 0) > 0) throw new AppError('INVALID_STATE', { extra: { reason: 'already_rescheduled' } });
    if (row.status !== 'scheduled') {
      const other = await tx.query(`SELECT 1 FROM interview_appointments WHERE claim_id = $1 AND status = 'scheduled'`, [claim.id]);
      if ((other.rowCount ?? 0) > 0) throw new AppError('INVALID_STATE', { extra: { reason: 'already_scheduled' } });
    } else {
      await tx.query(
        `UPDATE interview_appointments SET status = 'rescheduled', status_reason = $2, status_changed_at = now(), status_changed_by = $3,
                version = version + 1, updated_at = now() WHERE id = $1`, [row.id, input.reason, actor.userId]);
    }
    const id = await insertAppointment(tx, ctx, actor, claim, input, row.id);
    let clockResumed = false;
    if (row.clock_paused && row.clock_resumed_at === null) {
      await resumeClock(tx, ctx, { claimId: claim.id, kind: 'decision', on: todayIn(claim.time_zone), reason: input.reason });
      await tx.query('UPDATE interview_appointments SET clock_resumed_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [row.id]);
      clockResumed = true;
    }
    const appointment = await appointmentById(tx, id);
    await recordAudit(tx, ctx, {
      action: 'appointment.rescheduled', entityType: 'interview_appointment', entityId: id, officeId: claim.office_id,
      details: { ...bookingDetails(appointment, false), fromAppointmentId: row.id, previousStatus: row.status, reason: input.reason, clockResumed },
    });
    return appointment;
  });
}
