import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { loadClaimFor, mayReadSensitive, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { isAssessmentEditable } from '../assessment.rules.ts';

export interface EditableAssessment {
  claim: ClaimKey;
  assessmentId: string;
  assessmentVersion: number;
  readSensitive: boolean;
}

/**
 * The assessment a write may change: the caller may update the claim (its policy, ADR 012), the
 * claim is under assessment, and its row is locked, so writes to one claim's assessment serialise
 * and a version read inside the transaction stays true until the commit.
 */
export async function loadEditableAssessment(tx: Queryable, actor: Actor, claimId: string): Promise<EditableAssessment> {
  const claim = await loadClaimFor(tx, actor, claimId, 'update', true);
  const { rows } = await tx.query<{ id: string; version: number }>('SELECT id, version FROM claim_assessments WHERE claim_id = $1', [claimId]);
  const row = rows[0];
  if (!row || !isAssessmentEditable(claim.status)) {
    throw new AppError('INVALID_STATE', { extra: { reason: 'assessment_not_open', currentStatus: claim.status } });
  }
  return { claim, assessmentId: row.id, assessmentVersion: row.version, readSensitive: mayReadSensitive(actor, claim) };
}

/**
 * A statement quotes a signed interview record of this claim: an interview still in progress or
 * read back may change, and another claim's record is not this applicant's word (ADR 024).
 */
export async function requireSignedInterview(tx: Queryable, claimId: string, interviewId: string): Promise<void> {
  const { rowCount } = await tx.query(`SELECT 1 FROM interviews WHERE id = $1 AND claim_id = $2 AND status = 'signed'`, [interviewId, claimId]);
  if (!rowCount) throw fieldError('interviewId', 'validation.interview_not_signed');
}
