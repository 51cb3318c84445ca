import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TIndicator } from '../screening.schemas.ts';
import { INDICATOR_SELECT, presentIndicator } from './get-screening.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

/** Withdraws an indicator recorded in error; the record stays with its reason (the need is withdrawn apart). */
export async function withdrawIndicator(
  db: Database, ctx: RequestContext, claimId: string, indicatorId: string, input: { version: number; reason: string },
): Promise<TIndicator> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    const readSensitive = mayReadSensitive(actor, claim);
    const select = `${INDICATOR_SELECT} WHERE i.id = $1 AND i.claim_id = $2`;
    const before = (await tx.query<Parameters<typeof presentIndicator>[0]>(select, [indicatorId, claimId])).rows[0];
    if (!before) throw new AppError('NOT_FOUND');
    // Withdrawing what one may not read would be acting blind.
    if (before.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    if (before.withdrawnAt) throw new AppError('INVALID_STATE', { extra: { reason: 'indicator_withdrawn' } });
    const { rowCount } = await tx.query(
      `UPDATE vulnerability_indicators SET withdrawn_at = now(), withdrawn_by = $3, withdrawn_reason = $4, version = version + 1,
              updated_at = now() WHERE id = $1 AND version = $2`, [indicatorId, input.version, actor.userId, input.reason]);
    if (rowCount === 0) throw versionConflict(presentIndicator(before, readSensitive));
    await recordAudit(tx, ctx, {
      action: 'claim.indicator_withdrawn', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { indicatorId, category: before.sensitive ? 'sensitive' : before.category },
    });
    return presentIndicator((await tx.query<Parameters<typeof presentIndicator>[0]>(select, [indicatorId, claimId])).rows[0]!, readSensitive);
  });
}
