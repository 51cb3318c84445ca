import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { appointmentById } from './appointment-view.ts';

export interface AppointmentRow {
  id: string;
  claim_id: string;
  office_id: string;
  status: string;
  version: number;
  starts_at: Date | string;
  clock_paused: boolean;
  clock_resumed_at: Date | string | null;
  started: boolean;
}

/**
 * An appointment to change, locked with its claim (claim policy `update`: NOT_FOUND outside the
 * reader's scope, so another office's appointments stay invisible), at the version the caller
 * read (409 with the current appointment otherwise).
 */
export async function loadAppointmentForUpdate(tx: Queryable, actor: Actor, id: string, version: number): Promise<{ row: AppointmentRow; claim: ClaimKey }> {
  const found = (await tx.query<{ claim_id: string }>('SELECT claim_id FROM interview_appointments WHERE id = $1', [id])).rows[0];
  if (!found) throw new AppError('NOT_FOUND');
  const claim = await loadClaimFor(tx, actor, found.claim_id, 'update', true);
  const row = (await tx.query<AppointmentRow>(
    `SELECT id, claim_id, office_id, status, version, starts_at, clock_paused, clock_resumed_at, starts_at <= now() AS started
       FROM interview_appointments WHERE id = $1 FOR UPDATE`, [id])).rows[0]!;
  if (row.version !== version) throw versionConflict(await appointmentById(tx, id));
  return { row, claim };
}
