import type { Queryable } from '@refugio/db';

/** Interview entries of the claim's timeline (the step's own entries are written by performStep). */
export type InterviewTimelineKind = 'interview_read_back' | 'interview_signed' | 'interview_annex_added' | 'interview_audio_attached';

export async function addTimelineEntry(
  tx: Queryable, claimId: string, kind: InterviewTimelineKind, details: Record<string, unknown>, actorUserId: string,
): Promise<void> {
  await tx.query('INSERT INTO claim_events (claim_id, kind, details, actor_user_id) VALUES ($1, $2, $3, $4)',
    [claimId, kind, JSON.stringify(details), actorUserId]);
}
