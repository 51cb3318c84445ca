import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { TInterview } from '../interviews.schemas.ts';
import { AppError } from '../../shared/errors.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import { ISO } from './template-rows.ts';
import { addTimelineEntry } from './timeline.ts';

export interface AddAnnexOptions {
  id: string;
  text: string;
}

/**
 * Adds to a locked record: never an edit, an annex with who and when (ADR 025). Before the
 * record is signed the record itself is changed instead (409 `interview_not_locked`).
 */
export async function addAnnex(db: Database, ctx: RequestContext, { id, text }: AddAnnexOptions): Promise<TInterview['annexes'][number]> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await loadInterviewFor(tx, actor, id, 'write', 'update');
    if (key.status !== 'signed') throw new AppError('INVALID_STATE', { extra: { reason: 'interview_not_locked', interviewStatus: key.status } });
    const { rows: [row] } = await tx.query<TInterview['annexes'][number]>(
      `WITH x AS (INSERT INTO interview_annexes (interview_id, text, added_by) VALUES ($1, $2, $3) RETURNING *)
       SELECT x.id, x.text, u.full_name AS "addedBy", ${ISO('x.created_at')} AS "createdAt" FROM x JOIN users u ON u.id = x.added_by`,
      [id, text, actor.userId]);
    await addTimelineEntry(tx, key.claim_id, 'interview_annex_added', { interviewId: id, annexId: row!.id }, actor.userId);
    await recordAudit(tx, ctx, { action: 'interview.annex_added', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { annexId: row!.id, length: text.length } });
    return row!;
  });
}
