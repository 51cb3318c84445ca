import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TCoiSource } from '../coi.schemas.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { loadCoiSource, presentCoiSource } from './coi-source-view.ts';

export interface RetireCoiSourceOptions {
  sourceId: string;
  input: { version: number; reason: string };
}

/**
 * Retires a source (superseded, withdrawn by its publisher, found unreliable): it leaves the
 * search but stays cited where it was, since a decision must keep showing what it relied on.
 * Whoever curates the library; the reason and how many citations remain are audited.
 */
export async function retireCoiSource(db: Database, ctx: RequestContext, options: RetireCoiSourceOptions): Promise<TCoiSource> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('manage:coi:all')) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const reading = { language: actor.language, today: todayIn(), maxAgeYears: await coiMaxAgeYears(tx, actor.institutionId) };
    const before = await loadCoiSource(tx, actor.operationId, options.sourceId);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === 'retired') throw new AppError('INVALID_STATE', { extra: { reason: 'source_retired' } });
    const { rowCount } = await tx.query(
      `UPDATE coi_sources SET status = 'retired', retired_reason = $3, retired_by = $4, retired_at = now(), version = version + 1,
              updated_at = now() WHERE id = $1 AND version = $2`,
      [options.sourceId, options.input.version, options.input.reason, actor.userId]);
    if (rowCount === 0) throw versionConflict(presentCoiSource(before, reading));
    const cited = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM fact_evidence WHERE coi_source_id = $1', [options.sourceId])).rows[0]!.n;
    await recordAudit(tx, ctx, {
      action: 'coi_source.retired', entityType: 'coi_source', entityId: options.sourceId, details: { reason: options.input.reason, citedBy: cited },
    });
    return presentCoiSource((await loadCoiSource(tx, actor.operationId, options.sourceId))!, reading);
  });
}
