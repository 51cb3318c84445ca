import type { Queryable } from '@refugio/db';
import { AppError } from '../../shared/errors.ts';
import type { TParticipant } from '../interviews.schemas.ts';

/** A participant of an interview as presented. */
export async function participantOf(db: Queryable, interviewId: string, participantId: string): Promise<TParticipant | undefined> {
  const { rows } = await db.query<TParticipant>(
    `SELECT id, role, full_name AS "fullName", organisation, interpreter_id IS NOT NULL AS "fromRoster", version
       FROM interview_participants WHERE id = $1 AND interview_id = $2`, [participantId, interviewId]);
  return rows[0];
}


/**
 * Who was present is what the signatures cover: once the first signature is given it no longer
 * changes (409 `signing_started`).
 */
export async function refuseOnceSigning(db: Queryable, interviewId: string): Promise<void> {
  const signed = await db.query('SELECT 1 FROM interview_signatures WHERE interview_id = $1 LIMIT 1', [interviewId]);
  if (signed.rowCount > 0) throw new AppError('INVALID_STATE', { extra: { reason: 'signing_started' } });
}
