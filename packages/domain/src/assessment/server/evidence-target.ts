import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadEditableAssessment, type EditableAssessment } from './editable-assessment.ts';
import { loadFactRow } from './assessment-view.ts';

/**
 * The fact evidence is added to: in the claim's open assessment, and readable by the caller (the
 * evidence of a sensitive fact is under the field policy like the fact).
 */
export async function loadEvidenceTarget(tx: Queryable, actor: Actor, claimId: string, factId: string): Promise<EditableAssessment> {
  const editable = await loadEditableAssessment(tx, actor, claimId);
  const fact = await loadFactRow(tx, editable.assessmentId, factId);
  if (!fact) throw new AppError('NOT_FOUND');
  if (fact.sensitive && !editable.readSensitive) throw new AppError('FORBIDDEN');
  return editable;
}
