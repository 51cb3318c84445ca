import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import { localDay, todayIn } from '../../shared/time.ts';
import { isAppealable } from '../decisions.rules.ts';
import type { TAppealInput, TDecision } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface LodgeAppealOptions {
  claimId: string;
  input: TAppealInput;
}

/**
 * Records a recurso de revisión against the notified decision (LRPCPAP art. 25) and takes
 * `lodge_appeal` in the same transaction; its effect stops the appeal clock. One lodged after the
 * 15 working days is still recorded — its admissibility is the appeal authority's to decide — and
 * the clock shows it late.
 */
export async function lodgeAppeal(db: Database, ctx: RequestContext, options: LodgeAppealOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  const input = options.input;
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['signed']);
    if (!isAppealable(row.outcome)) throw new AppError('INVALID_STATE', { extra: { reason: 'decision_not_appealable', outcome: row.outcome } });
    const errors = new FieldErrors();
    const notified = await tx.query<{ notified_at: Date }>('SELECT notified_at FROM decision_notifications WHERE decision_id = $1', [row.id]);
    if (input.lodgedOn > todayIn(claim.time_zone)) errors.add('lodgedOn', 'validation.date_in_future');
    else if (notified.rows[0] && input.lodgedOn < localDay(notified.rows[0].notified_at, claim.time_zone)) errors.add('lodgedOn', 'validation.before_notification');
    if (input.lodgedAtOfficeId) {
      const office = await tx.query<{ kind: string }>(
        'SELECT i.kind FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE o.id = $1 AND o.active', [input.lodgedAtOfficeId]);
      if (!office.rows[0] || office.rows[0].kind !== 'asylum_authority') errors.add('lodgedAtOfficeId', 'validation.invalid_option');
    }
    errors.throwIfAny();
    await tx.query(
      `INSERT INTO appeals (operation_id, claim_id, decision_id, lodged_on, lodged_at_office_id, grounds, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.operationId, claim.id, row.id, input.lodgedOn, input.lodgedAtOfficeId, input.grounds, actor.userId]);
    await performStep(tx, ctx, claim.id, 'lodge_appeal', { version: input.version }, { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
