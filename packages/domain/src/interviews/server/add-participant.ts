import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TParticipant, TParticipantInput } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { participantOf, refuseOnceSigning } from './participants.ts';

export interface AddParticipantOptions {
  id: string;
  input: TParticipantInput;
}

/**
 * Records someone present with their role — a representative or guardian, a lawyer, a trusted
 * person, an interpreter not on the roster — until the record is signed. Names enter the record,
 * not the audit trail (ADR 012).
 */
export async function addParticipant(db: Database, ctx: RequestContext, { id, input }: AddParticipantOptions): Promise<TParticipant> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back'], 'update');
    await refuseOnceSigning(tx, id);
    const { rows: [row] } = await tx.query<{ id: string }>(
      `INSERT INTO interview_participants (interview_id, role, full_name, organisation) VALUES ($1, $2, $3, $4) RETURNING id`,
      [id, input.role, input.fullName, input.organisation]);
    await recordAudit(tx, ctx, { action: 'interview.participant_added', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { participantId: row!.id, role: input.role } });
    return (await participantOf(tx, id, row!.id))!;
  });
}
