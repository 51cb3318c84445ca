import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface RemoveEvidenceOptions {
  claimId: string;
  evidenceId: string;
}

/**
 * Removes an item of evidence added in error. Evidence is never edited, so there is no version to
 * race on: a second removal finds nothing (404). The audit trail keeps what it was and its hash.
 */
export async function removeEvidence(db: Database, ctx: RequestContext, options: RemoveEvidenceOptions): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { claim, assessmentId, readSensitive } = await loadEditableAssessment(tx, actor, options.claimId);
    const { rows } = await tx.query<{ factId: string; kind: string; sha256: string | null; coiSourceId: string | null; sensitive: boolean }>(
      `SELECT e.fact_id AS "factId", e.kind, e.sha256, e.coi_source_id AS "coiSourceId", f.sensitive
         FROM fact_evidence e JOIN material_facts f ON f.id = e.fact_id WHERE e.id = $1 AND f.assessment_id = $2`,
      [options.evidenceId, assessmentId]);
    const found = rows[0];
    if (!found) throw new AppError('NOT_FOUND');
    // The evidence of a sensitive fact is under the field policy like the fact.
    if (found.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    await tx.query('DELETE FROM fact_evidence WHERE id = $1', [options.evidenceId]);
    await recordAudit(tx, ctx, {
      action: 'claim.evidence_removed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: found.factId, evidenceId: options.evidenceId, kind: found.kind, sha256: found.sha256, coiSourceId: found.coiSourceId },
    });
  });
}
