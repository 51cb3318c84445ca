import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor, mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { attachmentName, type EvidenceContentType } from '../assessment.rules.ts';

export interface EvidenceFileOptions {
  claimId: string;
  evidenceId: string;
}

/** An uploaded document of a claim's assessment, for its readers (a sensitive fact's under the field policy); each download is audited. */
export async function evidenceFile(db: Database, ctx: RequestContext, options: EvidenceFileOptions)
  : Promise<{ content: Buffer; contentType: EvidenceContentType; sha256: string; fileName: { utf8: string; ascii: string } }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const { rows } = await tx.query<{ file_name: string; content_type: EvidenceContentType; content: Uint8Array; sha256: string; sensitive: boolean }>(
      `SELECT e.file_name, e.content_type, e.content, e.sha256, f.sensitive FROM fact_evidence e JOIN material_facts f ON f.id = e.fact_id
         JOIN claim_assessments a ON a.id = f.assessment_id WHERE e.id = $1 AND a.claim_id = $2 AND e.content IS NOT NULL`,
      [options.evidenceId, claim.id]);
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND');
    if (row.sensitive && !mayReadSensitive(actor, claim)) throw new AppError('FORBIDDEN');
    await recordAudit(tx, ctx, {
      action: 'claim.evidence_downloaded', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { evidenceId: options.evidenceId, sha256: row.sha256 },
    });
    return {
      // node-postgres gives a Buffer, PGlite a Uint8Array: the same bytes either way, not copied.
      content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength),
      contentType: row.content_type, sha256: row.sha256, fileName: attachmentName(row.file_name, 'documento'),
    };
  });
}
