import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';

export interface GetAudioOptions {
  id: string;
  audioId: string;
}

/** An audio recording of an interview, for a reader of its claim (audited, like every read of the record). */
export async function getAudio(db: Queryable, ctx: RequestContext, { id, audioId }: GetAudioOptions) {
  const actor = actorOf(ctx);
  const key = await loadInterviewFor(db, actor, id, 'read');
  const { rows: [audio] } = await db.query<{ content_type: string; content: Uint8Array; sha256: string }>(
    'SELECT content_type, content, sha256 FROM interview_audio WHERE id = $1 AND interview_id = $2', [audioId, id]);
  if (!audio) throw new AppError('NOT_FOUND');
  await recordAudit(db, ctx, { action: 'interview.audio_downloaded', entityType: 'interview', entityId: id, officeId: key.office_id,
    details: { audioId, sha256: audio.sha256 } });
  const extension = audio.content_type.split('/')[1]?.replace('x-', '').replace('mpeg', 'mp3') ?? 'bin';
  return { contentType: audio.content_type, content: Buffer.from(audio.content), sha256: audio.sha256, fileName: `entrevista-${id.slice(0, 8)}.${extension}` };
}
