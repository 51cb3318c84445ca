import type { Database } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { loadCorrectableClaim, performStep, registerEffect, registerInputCheck } from '../../procedure/server/index.ts';
import { TRANSITION_ACTIONS, type TransitionAction } from '../../procedure/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TClaim, TTransitionInput, ZClaimUpdate } from '../intake.schemas.ts';
import { getClaimUnaudited, officeTimeZone } from './get-claim.ts';

type Step = (db: Database, ctx: RequestContext, id: string, input: TTransitionInput) => Promise<TClaim>;

/**
 * One lifecycle step through the procedure's step registry (ADR 019): permission, version,
 * allowed statuses, safeguards, status and timeline, effects and audit in one transaction.
 */
function step(action: TransitionAction): Step {
  return async (db, ctx, id, input) => {
    const actor = actorOf(ctx);
    if (action !== 'transfer' && input.toOfficeId) throw fieldError('toOfficeId', 'validation.not_applicable');
    return db.transaction(async (tx) => {
      await performStep(tx, ctx, id, action, input, { current: (q) => getClaimUnaudited(q, actor, id) });
      return getClaimUnaudited(tx, actor, id);
    });
  };
}

/**
 * The transfer step's own parts: the receiving office is required and must be another active
 * office of an asylum authority; it is named in the timeline and the audit event. Called once
 * from the domain's composition root.
 */
export function registerTransfer(): void {
  registerInputCheck({
    steps: ['transfer'],
    async check(run) {
      const toOfficeId = run.input.toOfficeId;
      if (!toOfficeId) throw fieldError('toOfficeId', 'validation.required');
      const target = (await run.tx.query<{ kind: string }>(
        `SELECT i.kind FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE o.id = $1 AND o.active`, [toOfficeId])).rows[0];
      if (!target || target.kind !== 'asylum_authority' || toOfficeId === run.claim.office_id) {
        throw fieldError('toOfficeId', 'validation.invalid_option');
      }
    },
  });
  registerEffect({
    code: 'transfer_recorded', feature: 'intake', steps: ['transfer'], order: 0,
    source: { kind: 'regulation', citationKey: 'procedure.sources.transfer_policy' },
    async apply(run) {
      Object.assign(run.eventDetails, { toOfficeId: run.input.toOfficeId });
      Object.assign(run.auditDetails, { toOfficeId: run.input.toOfficeId });
    },
  });
}

export const TRANSITION_USE_CASES = Object.fromEntries(TRANSITION_ACTIONS.map((action) => [action, step(action)])) as Record<TransitionAction, Step>;

/** Edits the claim's own fields (modality, entry date); 409 with the current claim on a stale version. */
export async function updateClaim(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZClaimUpdate>): Promise<TClaim> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, id);
    const before = await getClaimUnaudited(tx, actor, id);
    if (claim.version !== input.version) throw versionConflict(before);
    if (input.enteredMexicoOn && input.enteredMexicoOn > todayIn(await officeTimeZone(tx, claim.office_id))) {
      throw fieldError('enteredMexicoOn', 'validation.date_in_future');
    }
    await tx.query(
      `UPDATE claims SET modality = COALESCE($2, modality),
              entered_mexico_on = CASE WHEN $3::boolean THEN $4::date ELSE entered_mexico_on END,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, input.modality ?? null, input.enteredMexicoOn !== undefined, input.enteredMexicoOn ?? null]);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (input.modality !== undefined && input.modality !== before.modality) changes.modality = { before: before.modality, after: input.modality };
    if (input.enteredMexicoOn !== undefined && input.enteredMexicoOn !== before.enteredMexicoOn) {
      changes.enteredMexicoOn = { before: before.enteredMexicoOn, after: input.enteredMexicoOn };
    }
    await tx.query(`INSERT INTO claim_events (claim_id, kind, details, actor_user_id) VALUES ($1, 'updated', $2, $3)`,
      [id, JSON.stringify({ changes }), actor.userId]);
    await recordAudit(tx, ctx, { action: 'claim.updated', entityType: 'claim', entityId: id, officeId: claim.office_id, details: { changes } });
    return getClaimUnaudited(tx, actor, id);
  });
}
