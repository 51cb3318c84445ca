import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TBreak } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { ISO } from './template-rows.ts';

export interface EndBreakOptions {
  id: string;
  breakId: string;
  version: number;
}

const BREAK_SELECT = `SELECT id, ${ISO('started_at')} AS "startedAt", ${ISO('ended_at')} AS "endedAt", reason, version FROM interview_breaks`;

/** The interview resumes: the open break ends now (409 `break_ended` if it already has; 409 with it on a stale version). */
export async function endBreak(db: Database, ctx: RequestContext, { id, breakId, version }: EndBreakOptions): Promise<TBreak> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back'], 'update');
    const { rows: [before] } = await tx.query<TBreak>(`${BREAK_SELECT} WHERE id = $1 AND interview_id = $2`, [breakId, id]);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.endedAt) throw new AppError('INVALID_STATE', { extra: { reason: 'break_ended' } });
    if (before.version !== version) throw versionConflict(before);
    await tx.query('UPDATE interview_breaks SET ended_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [breakId]);
    await recordAudit(tx, ctx, { action: 'interview.break_ended', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { breakId } });
    return (await tx.query<TBreak>(`${BREAK_SELECT} WHERE id = $1`, [breakId])).rows[0]!;
  });
}
