import { createHash } from 'node:crypto';
import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError } from '../../shared/errors.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import { AUDIO_CONTENT_TYPES, INTERVIEW_LIMITS } from '../interviews.rules.ts';
import type { TAudio } from '../interviews.schemas.ts';
import { ISO } from './template-rows.ts';
import { addTimelineEntry } from './timeline.ts';

export interface AttachAudioOptions {
  id: string;
  contentType: string;
  content: Buffer;
}

const AUDIO_SELECT = `SELECT a.id, a.content_type AS "contentType", a.byte_size AS "byteSize", a.sha256, u.full_name AS "uploadedBy",
    ${ISO('a.created_at')} AS "createdAt" FROM interview_audio a JOIN users u ON u.id = a.uploaded_by`;

/**
 * Attaches an audio recording of the interview, in any status (a recording is evidence of what
 * was said, not a change of the record), kept with its SHA-256. The same file sent again (a
 * retried upload) returns the one stored, never a second copy.
 */
export async function attachAudio(db: Database, ctx: RequestContext, { id, contentType, content }: AttachAudioOptions): Promise<TAudio> {
  const actor = actorOf(ctx);
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!(AUDIO_CONTENT_TYPES as readonly string[]).includes(type)) throw fieldError('content-type', 'interviews.validation.audioType');
  if (content.length === 0) throw fieldError('body', 'validation.required');
  if (content.length > INTERVIEW_LIMITS.audioMaxBytes) throw fieldError('body', 'validation.too_big', { maximum: INTERVIEW_LIMITS.audioMaxBytes });
  const sha256 = createHash('sha256').update(content).digest('hex');
  return db.transaction(async (tx) => {
    const key = await loadInterviewFor(tx, actor, id, 'write', 'update');
    const { rows: [existing] } = await tx.query<TAudio>(`${AUDIO_SELECT} WHERE a.interview_id = $1 AND a.sha256 = $2`, [id, sha256]);
    if (existing) return existing;
    const { rows: [row] } = await tx.query<{ id: string }>(
      `INSERT INTO interview_audio (interview_id, content_type, byte_size, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [id, type, content.length, sha256, content, actor.userId]);
    await addTimelineEntry(tx, key.claim_id, 'interview_audio_attached', { interviewId: id, audioId: row!.id, sha256 }, actor.userId);
    await recordAudit(tx, ctx, { action: 'interview.audio_attached', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { audioId: row!.id, sha256, byteSize: content.length, contentType: type } });
    return (await tx.query<TAudio>(`${AUDIO_SELECT} WHERE a.id = $1`, [row!.id])).rows[0]!;
  });
}
