import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { factView, loadFactRow } from './assessment-view.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface RemoveFactOptions {
  claimId: string;
  factId: string;
  /** The fact's version the caller read. */
  version: number;
}

/** Removes a material fact recorded in error, with its evidence; the audit trail keeps what it was. */
export async function removeFact(db: Database, ctx: RequestContext, options: RemoveFactOptions): Promise<void> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { claim, assessmentId, readSensitive } = await loadEditableAssessment(tx, actor, options.claimId);
    const before = await loadFactRow(tx, assessmentId, options.factId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    if (before.version !== options.version) throw versionConflict(await factView(tx, claim, assessmentId, options.factId, readSensitive, actor.language));
    const evidence = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM fact_evidence WHERE fact_id = $1', [options.factId])).rows[0]!.n;
    await tx.query('DELETE FROM material_facts WHERE id = $1', [options.factId]);
    await recordAudit(tx, ctx, {
      action: 'claim.fact_removed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: options.factId, kind: before.sensitive ? 'sensitive' : before.kind, conclusion: before.conclusion, evidence },
    });
  });
}
