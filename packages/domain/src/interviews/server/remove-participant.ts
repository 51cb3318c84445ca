import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { openForWriting } from './open-for-writing.ts';
import { participantOf, refuseOnceSigning } from './participants.ts';

export interface RemoveParticipantOptions {
  id: string;
  participantId: string;
  version: number;
}

/**
 * Removes someone recorded as present by mistake, until the record is signed. The applicant and
 * the officer stay (INVALID_STATE `participant_required`).
 */
export async function removeParticipant(db: Database, ctx: RequestContext, { id, participantId, version }: RemoveParticipantOptions): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back'], 'update');
    await refuseOnceSigning(tx, id);
    const before = await participantOf(tx, id, participantId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.role === 'applicant' || before.role === 'officer') throw new AppError('INVALID_STATE', { extra: { reason: 'participant_required' } });
    // A roster interpreter recorded by mistake was not the interview's interpreter either.
    await tx.query(`UPDATE interviews SET interpreter_id = NULL WHERE id = $1
                      AND interpreter_id = (SELECT interpreter_id FROM interview_participants WHERE id = $2 AND version = $3)`, [id, participantId, version]);
    const deleted = await tx.query('DELETE FROM interview_participants WHERE id = $1 AND interview_id = $2 AND version = $3', [participantId, id, version]);
    if (deleted.rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, { action: 'interview.participant_removed', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { participantId, role: before.role } });
  });
}
