import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TInterview } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { readRecord } from './read-record.ts';
import { addTimelineEntry } from './timeline.ts';

export interface ReadBackOptions {
  id: string;
  /** The interview's version the officer saw. */
  version: number;
}

/**
 * The questioning ends and the record is read back to the applicant (EUAA guide, "closing": read
 * back the record and allow corrections before signatures). From now on only a tracked correction
 * changes what was recorded, and signatures can be given. A break still open must end first
 * (409 `break_open`).
 */
export async function readBackInterview(db: Database, ctx: RequestContext, { id, version }: ReadBackOptions): Promise<TInterview> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress'], 'update');
    if (key.version !== version) throw versionConflict(await readRecord(tx, actor, key));
    const open = await tx.query('SELECT 1 FROM interview_breaks WHERE interview_id = $1 AND ended_at IS NULL', [id]);
    if (open.rowCount > 0) throw new AppError('INVALID_STATE', { extra: { reason: 'break_open' } });
    await tx.query(
      `UPDATE interviews SET status = 'read_back', read_back_at = now(), read_back_by = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, actor.userId]);
    await addTimelineEntry(tx, key.claim_id, 'interview_read_back', { interviewId: id }, actor.userId);
    await recordAudit(tx, ctx, { action: 'interview.read_back', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { claimId: key.claim_id } });
  });
  return readRecord(db, actor, await loadInterviewFor(db, actor, id, 'read'));
}
