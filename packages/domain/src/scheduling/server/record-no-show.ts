import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TAppointment, TNoShowInput } from '../scheduling.schemas.ts';
import { appointmentById } from './appointment-view.ts';
import { loadAppointmentForUpdate } from './load-appointment.ts';

export interface RecordNoShowOptions {
  appointmentId: string;
  input: TNoShowInput;
}

/**
 * Records that the applicant did not come (ADR 027). Only a scheduled appointment whose start
 * has passed: before then nobody has failed to appear. The row stays, with the reason if one is
 * known; a new date is a reschedule from it. Missed appointments can lead to abandonment only
 * through the supervisor (Reglamento art. 24), never by themselves.
 */
export async function recordNoShow(db: Database, ctx: RequestContext, options: RecordNoShowOptions): Promise<TAppointment> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const { row, claim } = await loadAppointmentForUpdate(tx, actor, options.appointmentId, options.input.version);
    if (row.status !== 'scheduled') throw new AppError('INVALID_STATE', { extra: { reason: 'not_scheduled', currentStatus: row.status } });
    if (!row.started) throw new AppError('INVALID_STATE', { extra: { reason: 'not_started_yet' } });
    await tx.query(
      `UPDATE interview_appointments SET status = 'no_show', status_reason = $2, status_changed_at = now(), status_changed_by = $3,
              version = version + 1, updated_at = now() WHERE id = $1`, [row.id, options.input.reason, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'appointment.no_show_recorded', entityType: 'interview_appointment', entityId: row.id, officeId: claim.office_id,
      details: { claimId: claim.id, reason: options.input.reason },
    });
    return appointmentById(tx, row.id);
  });
}
