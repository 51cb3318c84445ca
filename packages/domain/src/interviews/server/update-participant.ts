import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TParticipant, TParticipantUpdate } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { participantOf, refuseOnceSigning } from './participants.ts';

export interface UpdateParticipantOptions {
  id: string;
  participantId: string;
  input: TParticipantUpdate;
}

/** Corrects a participant's name or organisation until the record is signed (409 with it on a stale version). */
export async function updateParticipant(db: Database, ctx: RequestContext, { id, participantId, input }: UpdateParticipantOptions): Promise<TParticipant> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back'], 'update');
    await refuseOnceSigning(tx, id);
    const before = await participantOf(tx, id, participantId);
    if (!before) throw new AppError('NOT_FOUND');
    const updated = await tx.query(
      `UPDATE interview_participants SET full_name = $3, organisation = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND interview_id = $2 AND version = $5`, [participantId, id, input.fullName, input.organisation, input.version]);
    if (updated.rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, { action: 'interview.participant_updated', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { participantId, role: before.role, changed: ['fullName', 'organisation'].filter((f) => (f === 'fullName' ? before.fullName !== input.fullName : before.organisation !== input.organisation)) } });
    return (await participantOf(tx, id, participantId))!;
  });
}
