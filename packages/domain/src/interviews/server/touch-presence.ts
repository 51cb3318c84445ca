import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import { INTERVIEW_LIMITS } from '../interviews.rules.ts';
import type { TPresenceAnswer } from '../interviews.schemas.ts';
import { ISO } from './template-rows.ts';

export interface TouchPresenceOptions {
  id: string;
  /** A random id per tab, kept by the page for as long as it is open. */
  editorId: string;
}

/**
 * A tab's heartbeat on an interview it may change (ADR 025): records that it is open and answers
 * which other tabs or devices have it open now, so a second tab is told instead of overwriting
 * the first in silence (its saves would meet the versions the first one wrote). Presence, not a
 * read of the record: not audited.
 */
export async function touchPresence(db: Queryable, ctx: RequestContext, { id, editorId }: TouchPresenceOptions): Promise<TPresenceAnswer> {
  const actor = actorOf(ctx);
  await loadInterviewFor(db, actor, id, 'write');
  await db.query(
    `INSERT INTO interview_editors (interview_id, editor_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (interview_id, editor_id) DO UPDATE SET seen_at = now() WHERE interview_editors.user_id = excluded.user_id`,
    [id, editorId, actor.userId]);
  await db.query(`DELETE FROM interview_editors WHERE interview_id = $1 AND seen_at < now() - interval '1 day'`, [id]);
  const { rows } = await db.query<TPresenceAnswer['others'][number]>(
    `SELECT e.editor_id AS "editorId", u.full_name AS "userName", ${ISO('e.opened_at')} AS "openedAt", ${ISO('e.seen_at')} AS "seenAt",
            e.user_id = $3 AS "sameUser"
       FROM interview_editors e JOIN users u ON u.id = e.user_id
      WHERE e.interview_id = $1 AND e.editor_id <> $2 AND e.seen_at > now() - make_interval(secs => $4)
      ORDER BY e.opened_at`, [id, editorId, actor.userId, INTERVIEW_LIMITS.presenceSeconds]);
  return { others: rows };
}
