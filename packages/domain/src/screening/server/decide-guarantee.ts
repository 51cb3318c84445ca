import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TGuarantee, TGuaranteeDecision } from '../screening.schemas.ts';
import { loadGuarantee, presentGuarantee } from './get-screening.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

/**
 * Sets a guarantee's status: met with what proves it (the representative's name and
 * appointment, the doctor's certificate), not applicable with the reason, or back to pending.
 */
export async function decideGuarantee(
  db: Database, ctx: RequestContext, claimId: string, guaranteeId: string, input: TGuaranteeDecision,
): Promise<TGuarantee> {
  const actor = actorOf(ctx);
  const errors = new FieldErrors();
  if (input.status === 'met' && !input.evidence) errors.add('evidence', 'validation.required');
  if (input.status === 'not_applicable' && !input.reason) errors.add('reason', 'validation.required');
  if (input.status !== 'met' && input.evidence) errors.add('evidence', 'validation.not_applicable');
  if (input.status !== 'not_applicable' && input.reason) errors.add('reason', 'validation.not_applicable');
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    const readSensitive = mayReadSensitive(actor, claim);
    const before = await loadGuarantee(tx, actor.language, claimId, guaranteeId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    const pending = input.status === 'pending';
    const { rowCount } = await tx.query(
      `UPDATE claim_guarantees SET status = $3, evidence = $4, reason = $5, decided_by = $6, decided_at = $7, version = version + 1,
              updated_at = now() WHERE id = $1 AND version = $2`,
      [guaranteeId, input.version, input.status, input.evidence, input.reason, pending ? null : actor.userId, pending ? null : new Date()]);
    if (rowCount === 0) throw versionConflict(presentGuarantee(before, readSensitive));
    await recordAudit(tx, ctx, {
      action: 'claim.guarantee_decided', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { guaranteeId, guarantee: before.sensitive ? 'sensitive' : before.code, from: before.status, to: input.status },
    });
    return presentGuarantee((await loadGuarantee(tx, actor.language, claimId, guaranteeId))!, readSensitive);
  });
}
