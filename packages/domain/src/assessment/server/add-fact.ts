import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TFactInput, TMaterialFact } from '../assessment.schemas.ts';
import { factView } from './assessment-view.ts';
import { loadEditableAssessment } from './editable-assessment.ts';

export interface AddFactOptions {
  claimId: string;
  input: TFactInput;
}

/**
 * Adds a material fact at the end of the list (EUAA guide on evidence assessment, step 1: the
 * facts central to the claim). A sensitive fact is written only by a reader of the claim's
 * sensitive data (field policy, ADR 012).
 */
export async function addFact(db: Database, ctx: RequestContext, options: AddFactOptions): Promise<TMaterialFact> {
  const actor = actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    const { claim, assessmentId, readSensitive } = await loadEditableAssessment(tx, actor, options.claimId);
    if (input.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    // The claim's row is locked: no other write takes the same position meanwhile.
    const { rows } = await tx.query<{ id: string; position: number }>(
      `INSERT INTO material_facts (operation_id, assessment_id, position, kind, statement, sensitive, created_by)
       SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6 FROM material_facts WHERE assessment_id = $2
       RETURNING id, position`,
      [actor.operationId, assessmentId, input.kind, input.statement, input.sensitive, actor.userId]);
    const fact = rows[0]!;
    await recordAudit(tx, ctx, {
      action: 'claim.fact_added', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: fact.id, kind: input.sensitive ? 'sensitive' : input.kind, position: fact.position },
    });
    return (await factView(tx, claim, assessmentId, fact.id, readSensitive, actor.language))!;
  });
}
