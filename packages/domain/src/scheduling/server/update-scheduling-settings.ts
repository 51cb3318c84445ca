import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TSchedulingSettings, TSchedulingSettingsUpdate } from '../scheduling.schemas.ts';
import { settingsFor } from './scheduling-settings.ts';

export interface UpdateSchedulingSettingsOptions {
  input: TSchedulingSettingsUpdate;
}

/**
 * Sets an authority's abandonment threshold (and whether it has verified it against its legal
 * reading) and whether a postponement for a guarantee pauses the decision clock, with the legal
 * basis the clock's audit trail will cite. Versioned; audited with before and after.
 */
export async function updateSchedulingSettings(db: Database, ctx: RequestContext, options: UpdateSchedulingSettingsOptions): Promise<TSchedulingSettings> {
  actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    const institution = (await tx.query('SELECT 1 FROM institutions WHERE id = $1', [input.institutionId])).rowCount ?? 0;
    if (institution === 0) throw fieldError('institutionId', 'validation.unknown_reference');
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7242027))', [`settings:${input.institutionId}`]);
    const before = await settingsFor(tx, input.institutionId);
    if ((input.version ?? 0) !== before.version) throw versionConflict(before);
    await tx.query(
      `INSERT INTO scheduling_settings (institution_id, missed_signatures_threshold, threshold_verified, postponement_pauses_clock,
         postponement_legal_basis, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (institution_id) DO UPDATE SET missed_signatures_threshold = $2, threshold_verified = $3, postponement_pauses_clock = $4,
         postponement_legal_basis = $5, updated_by = $6, version = scheduling_settings.version + 1, updated_at = now()`,
      [input.institutionId, input.missedSignaturesThreshold, input.thresholdVerified, input.postponementPausesClock,
        input.postponementLegalBasis, ctx.actor?.userId ?? null]);
    const after = await settingsFor(tx, input.institutionId);
    await recordAudit(tx, ctx, {
      action: 'scheduling.settings_updated', entityType: 'institution', entityId: input.institutionId,
      details: { changes: { before: { ...before, version: undefined }, after: { ...after, version: undefined } } },
    });
    return after;
  });
}
