import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TBreak } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { ISO } from './template-rows.ts';

export interface StartBreakOptions {
  id: string;
  reason: string;
}

/**
 * A break begins now (EUAA guide: offer breaks; planned breaks for children). One at a time: a
 * second while one is open answers 409 `break_open`.
 */
export async function startBreak(db: Database, ctx: RequestContext, { id, reason }: StartBreakOptions): Promise<TBreak> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back'], 'update');
    const { rows: [row] } = await tx.query<TBreak>(
      `INSERT INTO interview_breaks (interview_id, reason) SELECT $1, $2
        WHERE NOT EXISTS (SELECT 1 FROM interview_breaks WHERE interview_id = $1 AND ended_at IS NULL)
       RETURNING id, ${ISO('started_at')} AS "startedAt", ${ISO('ended_at')} AS "endedAt", reason, version`, [id, reason]);
    if (!row) throw new AppError('INVALID_STATE', { extra: { reason: 'break_open' } });
    await recordAudit(tx, ctx, { action: 'interview.break_started', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { breakId: row.id } });
    return row;
  });
}
