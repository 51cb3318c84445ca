import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { isSensitiveCategory } from '../intake.rules.ts';
import type { TFlag, ZFlagAdd, ZFlagWithdraw } from '../intake.schemas.ts';
import { loadClaimFor, mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { FLAG_COLUMNS, presentFlag } from './get-claim.ts';
import { runNeedEffects } from './need-effects.ts';

async function principalOf(tx: Queryable, claimId: string): Promise<string> {
  return (await tx.query<{ id: string }>('SELECT principal_person_id AS id FROM claims WHERE id = $1', [claimId])).rows[0]!.id;
}

async function loadFlag(db: Queryable, claimId: string, flagId: string) {
  const { rows } = await db.query<Parameters<typeof presentFlag>[0]>(
    `SELECT ${FLAG_COLUMNS} FROM vulnerability_flags f LEFT JOIN users u ON u.id = f.recorded_by WHERE f.id = $1 AND f.claim_id = $2`,
    [flagId, claimId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/**
 * Records a need identified at any stage, with its indicator. Anyone who may update the claim can
 * record one (identification by non-specialists); a sensitive one is then shown only under the
 * field policy, and the timeline and audit trail name it only as "sensitive".
 */
export async function addFlag(db: Database, ctx: RequestContext, claimId: string, input: z.infer<typeof ZFlagAdd>): Promise<TFlag> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, claimId, 'update', true);
    if (input.personId) {
      const member = await tx.query('SELECT 1 FROM claim_members WHERE claim_id = $1 AND person_id = $2', [claimId, input.personId]);
      if (member.rowCount === 0) throw fieldError('personId', 'validation.unknown_reference');
    }
    const sensitive = isSensitiveCategory(input.category);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [claimId, input.personId, input.category, input.indicator, sensitive, actor.userId]);
    const flagId = rows[0]!.id;
    const named = sensitive ? 'sensitive' : input.category;
    await tx.query(`INSERT INTO claim_events (claim_id, kind, details, actor_user_id) VALUES ($1, 'flag_recorded', $2, $3)`,
      [claimId, JSON.stringify({ flagId, category: input.category, sensitive, personId: input.personId }), actor.userId]);
    await recordAudit(tx, ctx, { action: 'claim.flag_recorded', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { flagId, category: named, personId: input.personId } });
    await runNeedEffects(tx, ctx, {
      claimId, personId: input.personId ?? await principalOf(tx, claimId), category: input.category, change: 'identified', registering: false,
    });
    return presentFlag(await loadFlag(tx, claimId, flagId), mayReadSensitive(actor, claim));
  });
}

/** Withdraws a flag recorded in error or no longer relevant; the record stays with its reason. */
export async function withdrawFlag(
  db: Database, ctx: RequestContext, claimId: string, flagId: string, input: z.infer<typeof ZFlagWithdraw>,
): Promise<TFlag> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, claimId, 'update', true);
    const readSensitive = mayReadSensitive(actor, claim);
    const before = await loadFlag(tx, claimId, flagId);
    // Withdrawing a flag one may not read would be acting blind.
    if (before.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    if (before.withdrawn_at) throw new AppError('INVALID_STATE', { extra: { reason: 'flag_withdrawn' } });
    const { rowCount } = await tx.query(
      `UPDATE vulnerability_flags SET withdrawn_at = now(), withdrawn_by = $3, withdrawn_reason = $4, version = version + 1,
              updated_at = now() WHERE id = $1 AND version = $2`, [flagId, input.version, actor.userId, input.reason]);
    if (rowCount === 0) throw versionConflict(presentFlag(before, readSensitive));
    await tx.query(`INSERT INTO claim_events (claim_id, kind, reason, details, actor_user_id) VALUES ($1, 'flag_withdrawn', $2, $3, $4)`,
      [claimId, input.reason, JSON.stringify({ flagId, category: before.category, sensitive: before.sensitive }), actor.userId]);
    await recordAudit(tx, ctx, { action: 'claim.flag_withdrawn', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { flagId, category: before.sensitive ? 'sensitive' : before.category } });
    await runNeedEffects(tx, ctx, {
      claimId, personId: before.person_id ?? await principalOf(tx, claimId), category: before.category, change: 'withdrawn', registering: false,
    });
    return presentFlag(await loadFlag(tx, claimId, flagId), readSensitive);
  });
}
