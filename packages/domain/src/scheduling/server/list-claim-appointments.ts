import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TAppointment } from '../scheduling.schemas.ts';
import { APPOINTMENT_SELECT } from './appointment-view.ts';

export interface ListClaimAppointmentsOptions {
  claimId: string;
}

/**
 * A claim's appointments, newest first, with the ones they were rescheduled from (claim policy
 * `read`: NOT_FOUND outside the reader's scope). Every read of a person's appointments is audited.
 */
export async function listClaimAppointments(db: Database, ctx: RequestContext, options: ListClaimAppointmentsOptions): Promise<TAppointment[]> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const { rows } = await tx.query<TAppointment>(`${APPOINTMENT_SELECT} WHERE a.claim_id = $1 ORDER BY a.starts_at DESC, a.created_at DESC`, [claim.id]);
    await recordAudit(tx, ctx, {
      action: 'appointment.viewed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id, details: { claimId: claim.id, count: rows.length },
    });
    return rows;
  });
}
