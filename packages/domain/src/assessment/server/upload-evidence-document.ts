import { createHash } from 'node:crypto';
import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import { attachmentName, EVIDENCE_FILE_MAX_BYTES, sniffEvidenceType } from '../assessment.rules.ts';
import type { TEvidence, TEvidenceFileQuery } from '../assessment.schemas.ts';
import { EVIDENCE_SELECT, presentEvidence, type EvidenceRow } from './assessment-view.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { loadEvidenceTarget } from './evidence-target.ts';

export interface UploadEvidenceDocumentOptions {
  claimId: string;
  factId: string;
  meta: TEvidenceFileQuery;
  content: Uint8Array;
}

/**
 * Adds an uploaded document to a material fact (an identity card's scan, a police report, a
 * medical certificate): a PDF, PNG or JPEG told by its first bytes, at most 10 MiB, stored with its
 * SHA-256 so the decision can name exactly what it relied on.
 */
export async function uploadEvidenceDocument(db: Database, ctx: RequestContext, options: UploadEvidenceDocumentOptions): Promise<TEvidence> {
  const actor = actorOf(ctx);
  const { content } = options;
  if (content.length > EVIDENCE_FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  const contentType = sniffEvidenceType(content);
  if (!contentType) throw fieldError('file', 'validation.not_evidence_file');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const fileName = attachmentName(options.meta.fileName, 'documento').utf8;
  return db.transaction(async (tx) => {
    const { claim } = await loadEvidenceTarget(tx, actor, options.claimId, options.factId);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO fact_evidence (operation_id, fact_id, kind, description, file_name, content_type, content, sha256, size_bytes, created_by)
       VALUES ($1, $2, 'document', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [actor.operationId, options.factId, options.meta.description, fileName, contentType, content, sha256, content.length, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'claim.evidence_added', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: options.factId, evidenceId: id, kind: 'document', fileName, contentType, sha256, sizeBytes: content.length },
    });
    const row = (await tx.query<EvidenceRow>(`${EVIDENCE_SELECT} WHERE e.id = $1`, [id])).rows[0]!;
    return presentEvidence(row, { language: actor.language, today: todayIn(claim.time_zone), maxAgeYears: await coiMaxAgeYears(tx, claim.institution_id) });
  });
}
