import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TAbandonmentQueue } from '../scheduling.schemas.ts';
import { abandonmentCandidates } from './abandonment-candidates.ts';
import { settingsFor } from './scheduling-settings.ts';

/**
 * The supervisor's queue of proposed abandonments for their offices: each claim with its weeks
 * missed, its last signature and any earlier dismissal. Abandonment is never automatic: the
 * supervisor confirms (the procedure's `abandon` step) or dismisses, each with a reason. Audited.
 */
export async function listAbandonmentQueue(db: Database, ctx: RequestContext): Promise<TAbandonmentQueue> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('decide:abandonment:office')) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const items = await abandonmentCandidates(tx, actor.officeIds);
    const settings = await settingsFor(tx, actor.institutionId);
    await recordAudit(tx, ctx, {
      action: 'abandonment.queue_viewed', entityType: 'claim', details: { count: items.length, claimIds: items.map((i) => i.claimId) },
    });
    return { threshold: settings.missedSignaturesThreshold, thresholdVerified: settings.thresholdVerified, items };
  });
}
