import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { pauseClock } from '../../calendars/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TAppointment, TPostponeInput } from '../scheduling.schemas.ts';
import { appointmentById } from './appointment-view.ts';
import { loadAppointmentForUpdate } from './load-appointment.ts';
import { settingsFor } from './scheduling-settings.ts';

export interface PostponeAppointmentOptions {
  appointmentId: string;
  input: TPostponeInput;
}

/**
 * Postpones a scheduled interview so that a guarantee can be secured first (EUAA guide on
 * vulnerable persons: fitness for interview, a representative, an interpreter of the requested
 * sex…), with the reason. Where the authority has said so in its settings, with the legal basis
 * it cites, the decision clock pauses from today (the clocks feature counts the paused working
 * days when it resumes, at the next booking); whether a postponement may suspend the 45-day term
 * is not settled in the law (domain §10), so it is off unless configured.
 */
export async function postponeAppointment(db: Database, ctx: RequestContext, options: PostponeAppointmentOptions): Promise<TAppointment> {
  const actor = actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    const { row, claim } = await loadAppointmentForUpdate(tx, actor, options.appointmentId, input.version);
    if (row.status !== 'scheduled') throw new AppError('INVALID_STATE', { extra: { reason: 'not_scheduled', currentStatus: row.status } });
    const settings = await settingsFor(tx, claim.institution_id);
    const running = (await tx.query(`SELECT 1 FROM claim_clocks WHERE claim_id = $1 AND kind = 'decision' AND state = 'running'`, [claim.id])).rowCount ?? 0;
    const pause = settings.postponementPausesClock && running > 0;
    if (pause) {
      await pauseClock(tx, ctx, { claimId: claim.id, kind: 'decision', on: todayIn(claim.time_zone), reason: settings.postponementLegalBasis ?? input.reason });
    }
    await tx.query(
      `UPDATE interview_appointments SET status = 'postponed', status_reason = $2, postponed_for = $3, clock_paused = $4, clock_legal_basis = $5,
              status_changed_at = now(), status_changed_by = $6, version = version + 1, updated_at = now() WHERE id = $1`,
      [row.id, input.reason, input.guarantee, pause, pause ? settings.postponementLegalBasis : null, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'appointment.postponed', entityType: 'interview_appointment', entityId: row.id, officeId: claim.office_id,
      details: { claimId: claim.id, guarantee: input.guarantee, reason: input.reason, clockPaused: pause, legalBasis: pause ? settings.postponementLegalBasis : null },
    });
    return appointmentById(tx, row.id);
  });
}
