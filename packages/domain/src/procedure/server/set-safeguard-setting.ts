import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TSafeguardSwitch } from '../procedure.schemas.ts';
import { findSafeguard } from './registry.ts';

export interface SafeguardSetting {
  safeguardCode: string;
  institutionId: string;
  enabled: boolean;
  reason: string;
  version: number;
}

/**
 * Switches a safeguard off for one authority, or back on, where the law lets it (ADR 019): a
 * written reason either way, the version read (409 with the setting as it is now), audited.
 * Safeguards the law imposes (four eyes, the interview record before a rejection) cannot be switched.
 */
export async function setSafeguardSetting(db: Database, ctx: RequestContext, code: string, input: TSafeguardSwitch): Promise<SafeguardSetting> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('manage:procedure:all')) throw new AppError('FORBIDDEN');
  const definition = findSafeguard(code);
  if (!definition) throw new AppError('NOT_FOUND');
  if (!definition.switchable) throw new AppError('INVALID_STATE', { extra: { reason: 'safeguard_not_switchable' } });
  return db.transaction(async (tx) => {
    const institution = await tx.query('SELECT 1 FROM institutions WHERE id = $1 AND operation_id = $2', [input.institutionId, actor.operationId]);
    if (!institution.rowCount) throw fieldError('institutionId', 'validation.unknown_reference');
    const current = (await tx.query<{ enabled: boolean; reason: string; version: number }>(
      `SELECT enabled, reason, version FROM procedure_safeguard_settings WHERE institution_id = $1 AND safeguard_code = $2 FOR UPDATE`,
      [input.institutionId, code])).rows[0];
    const present = (row: { enabled: boolean; reason: string; version: number }): SafeguardSetting => ({
      safeguardCode: code, institutionId: input.institutionId, enabled: row.enabled, reason: row.reason, version: row.version,
    });
    if ((current?.version ?? 0) !== input.version) {
      throw versionConflict(current ? present(current) : { safeguardCode: code, institutionId: input.institutionId, enabled: true, reason: '', version: 0 });
    }
    const { rows } = await tx.query<{ enabled: boolean; reason: string; version: number }>(
      `INSERT INTO procedure_safeguard_settings (operation_id, institution_id, safeguard_code, enabled, reason, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (institution_id, safeguard_code) DO UPDATE
         SET enabled = EXCLUDED.enabled, reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by, changed_at = now(),
             version = procedure_safeguard_settings.version + 1
       RETURNING enabled, reason, version`,
      [actor.operationId, input.institutionId, code, input.enabled, input.reason, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'procedure.safeguard_switched', entityType: 'safeguard', entityId: null,
      details: { safeguard: code, institutionId: input.institutionId, enabled: input.enabled, reason: input.reason,
        before: current ? current.enabled : true },
    });
    return present(rows[0]!);
  });
}
