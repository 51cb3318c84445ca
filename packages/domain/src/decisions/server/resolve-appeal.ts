import type { Database } from '@refugio/db';
import { LIMITS } from '../../shared/limits.ts';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TAppealResolutionInput, TDecisionPage } from '../decisions.schemas.ts';
import { decisionPage } from './decision-view.ts';

export interface ResolveAppealOptions {
  claimId: string;
  appealId: string;
  input: TAppealResolutionInput;
}

/**
 * Records the appeal's resolution, kept for the quality indicators (ADR 028): the decision
 * confirmed or revoked closes the file (`resolve_appeal`); sent back for a new decision, the
 * decision is superseded and the claim returns to assessment (`send_back`), its assessment kept
 * for the officer to correct. One transaction.
 */
export async function resolveAppeal(db: Database, ctx: RequestContext, options: ResolveAppealOptions): Promise<TDecisionPage> {
  const actor = actorOf(ctx);
  const input = options.input;
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    const { rows } = await tx.query<{ id: string; decision_id: string; status: string; version: number; lodged_on: string }>(
      'SELECT id, decision_id, status, version, lodged_on::text AS lodged_on FROM appeals WHERE id = $1 AND claim_id = $2 FOR UPDATE',
      [options.appealId, claim.id]);
    const appeal = rows[0];
    if (!appeal) throw new AppError('NOT_FOUND');
    if (appeal.status !== 'lodged') throw new AppError('INVALID_STATE', { extra: { reason: 'appeal_resolved' } });
    if (appeal.version !== input.version) throw versionConflict(await decisionPage(tx, actor, claim));
    const errors = new FieldErrors();
    if (input.resolvedOn > todayIn(claim.time_zone)) errors.add('resolvedOn', 'validation.date_in_future');
    else if (input.resolvedOn < appeal.lodged_on) errors.add('resolvedOn', 'validation.before_lodging');
    errors.throwIfAny();
    await tx.query(
      `UPDATE appeals SET status = 'resolved', outcome = $2, resolved_on = $3, resolution = $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [appeal.id, input.outcome, input.resolvedOn, input.resolution]);
    const reason = input.resolution.slice(0, LIMITS.reasonMax);
    const step = input.outcome === 'sent_back' ? 'send_back' : 'resolve_appeal';
    if (step === 'send_back') {
      await tx.query(`UPDATE decisions SET status = 'superseded', superseded_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [appeal.decision_id]);
    }
    const current = await tx.query<{ version: number }>('SELECT version FROM claims WHERE id = $1', [claim.id]);
    await performStep(tx, ctx, claim.id, step, { version: current.rows[0]!.version, reason }, { current: (q) => decisionPage(q, actor, claim) });
    return decisionPage(tx, actor, claim);
  });
}
