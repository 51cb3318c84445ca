import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { isSensitiveCategory, type VulnerabilityCategory } from '../intake.rules.ts';
import type { TFlag, ZFlagAdd, ZFlagWithdraw } from '../intake.schemas.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { FLAG_COLUMNS, presentFlag } from './get-claim.ts';
import { runNeedEffects } from './need-effects.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

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
export interface RecordNeedOptions {
  claimId: string;
  officeId: string;
  /** The person the need is about; null when the flag is about the claim as a whole. */
  personId: string | null;
  category: VulnerabilityCategory;
  indicator: string;
}

/**
 * Records a flag inside the caller's transaction, with its timeline entry, audit event and the
 * effects other features registered for a new need (screening: the guarantees it calls for).
 * The caller has checked access to the claim and that the person belongs to it.
 */
export async function recordNeed(tx: Queryable, ctx: RequestContext, options: RecordNeedOptions): Promise<string> {
  const actor = actorOf(ctx);
  const sensitive = isSensitiveCategory(options.category);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [options.claimId, options.personId, options.category, options.indicator, sensitive, actor.userId]);
  const flagId = rows[0]!.id;
  const named = sensitive ? 'sensitive' : options.category;
  await tx.query(`INSERT INTO claim_events (claim_id, kind, details, actor_user_id) VALUES ($1, 'flag_recorded', $2, $3)`,
    [options.claimId, JSON.stringify({ flagId, category: options.category, sensitive, personId: options.personId }), actor.userId]);
  await recordAudit(tx, ctx, { action: 'claim.flag_recorded', entityType: 'claim', entityId: options.claimId, officeId: options.officeId,
    details: { flagId, category: named, personId: options.personId } });
  await runNeedEffects(tx, ctx, {
    claimId: options.claimId, personId: options.personId ?? await principalOf(tx, options.claimId), category: options.category,
    change: 'identified', registering: false,
  });
  return flagId;
}

/**
 * Records a need identified at any stage, with its indicator. Anyone who may update the claim can
 * record one (identification by non-specialists); a sensitive one is then shown only under the
 * field policy, and the timeline and audit trail name it only as "sensitive".
 */
export async function addFlag(db: Database, ctx: RequestContext, claimId: string, input: z.infer<typeof ZFlagAdd>): Promise<TFlag> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    if (input.personId) {
      const member = await tx.query('SELECT 1 FROM claim_members WHERE claim_id = $1 AND person_id = $2', [claimId, input.personId]);
      if (member.rowCount === 0) throw fieldError('personId', 'validation.unknown_reference');
    }
    const flagId = await recordNeed(tx, ctx, {
      claimId, officeId: claim.office_id, personId: input.personId, category: input.category, indicator: input.indicator,
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
    const claim = await loadCorrectableClaim(tx, actor, claimId);
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
