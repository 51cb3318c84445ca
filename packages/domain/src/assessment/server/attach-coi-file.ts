import { createHash } from 'node:crypto';
import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import { attachmentName, sniffEvidenceType } from '../assessment.rules.ts';
import { COI_FILE_MAX_BYTES } from '../coi.rules.ts';
import type { TCoiSource } from '../coi.schemas.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { loadCoiSource, presentCoiSource } from './coi-source-view.ts';

export interface AttachCoiFileOptions {
  sourceId: string;
  fileName: string;
  content: Uint8Array;
}

/**
 * Attaches a source's PDF, stored with its SHA-256 (ADR 029): the copy of record a citation
 * points to. Once attached it is never replaced, so what a decision cited stays what it cited; a
 * new edition is a new source. Whoever added the source, or whoever curates the library, attaches it.
 */
export async function attachCoiFile(db: Database, ctx: RequestContext, options: AttachCoiFileOptions): Promise<TCoiSource> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('create:coi:all')) throw new AppError('FORBIDDEN');
  const { content } = options;
  if (content.length > COI_FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ created_by: string | null; status: string; sha256: string | null }>(
      'SELECT created_by, status, sha256 FROM coi_sources WHERE id = $1 AND operation_id = $2 FOR UPDATE', [options.sourceId, actor.operationId]);
    const source = rows[0];
    if (!source) throw new AppError('NOT_FOUND');
    if (source.created_by !== actor.userId && !actor.permissions.has('manage:coi:all')) throw new AppError('FORBIDDEN');
    if (source.status !== 'active') throw new AppError('INVALID_STATE', { extra: { reason: 'source_retired' } });
    if (source.sha256) throw new AppError('INVALID_STATE', { extra: { reason: 'file_attached' } });
    if (sniffEvidenceType(content) !== 'application/pdf') throw fieldError('file', 'validation.not_pdf');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const fileName = attachmentName(options.fileName, 'fuente.pdf').utf8;
    await tx.query(
      `UPDATE coi_sources SET file_name = $2, content_type = 'application/pdf', content = $3, sha256 = $4, size_bytes = $5,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [options.sourceId, fileName, content, sha256, content.length]);
    await recordAudit(tx, ctx, {
      action: 'coi_source.file_attached', entityType: 'coi_source', entityId: options.sourceId,
      details: { fileName, sha256, sizeBytes: content.length },
    });
    const row = (await loadCoiSource(tx, actor.operationId, options.sourceId))!;
    return presentCoiSource(row, { language: actor.language, today: todayIn(), maxAgeYears: await coiMaxAgeYears(tx, actor.institutionId) });
  });
}
