import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TCoiSettings, TCoiSettingsInput } from '../coi.schemas.ts';
import { coiSettingsOf } from './coi-settings.ts';

export interface UpdateCoiSettingsOptions {
  input: TCoiSettingsInput;
}

/**
 * Sets the reader's institution's age limit for sources (whoever curates the library; audited).
 * Version 0 writes the first setting over the default; a stale version answers 409 with the current one.
 */
export async function updateCoiSettings(db: Database, ctx: RequestContext, options: UpdateCoiSettingsOptions): Promise<TCoiSettings> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('manage:coi:all')) throw new AppError('FORBIDDEN');
  const { input } = options;
  return db.transaction(async (tx) => {
    // Two first settings at once would both see version 0.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('coi_settings:' || $1))`, [actor.institutionId]);
    const before = await coiSettingsOf(tx, actor.institutionId);
    if (before.version !== input.version) throw versionConflict(before);
    await tx.query(
      `INSERT INTO coi_settings (institution_id, operation_id, max_age_years, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (institution_id) DO UPDATE SET max_age_years = EXCLUDED.max_age_years, updated_by = EXCLUDED.updated_by,
         version = coi_settings.version + 1, updated_at = now()`,
      [actor.institutionId, actor.operationId, input.maxAgeYears, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'coi.settings_updated', entityType: 'institution', entityId: actor.institutionId,
      details: { before: { maxAgeYears: before.maxAgeYears }, after: { maxAgeYears: input.maxAgeYears } },
    });
    return coiSettingsOf(tx, actor.institutionId);
  });
}
