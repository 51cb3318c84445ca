import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { toLanguage639_3 } from '../../scheduling/index.ts';
import { mayDraftDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TDecision, TNotificationInput } from '../decisions.schemas.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface NotifyDecisionOptions {
  claimId: string;
  input: TNotificationInput;
}

/**
 * Records how the signed decision reached the person — date, place, method, language, interpreter,
 * and their acknowledgement or refusal to sign with its reason — and takes `notify` in the same
 * transaction (ADR 030). The step's safeguards check the language against the person's; its
 * effects start the appeal's 15 working days for an appealable outcome (LRPCPAP art. 25).
 */
export async function notifyDecision(db: Database, ctx: RequestContext, options: NotifyDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  const input = options.input;
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['signed']);
    if (!mayDraftDecision(actor, claim)) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    const errors = new FieldErrors();
    const { rows } = await tx.query<{ signed_at: Date; interpreter_ok: boolean | null }>(
      `SELECT d.signed_at, (SELECT i.active FROM interpreters i WHERE i.id = $2 AND i.institution_id = $3) AS interpreter_ok
         FROM decisions d WHERE d.id = $1`, [row.id, input.interpreterId, claim.institution_id]);
    const notifiedAt = new Date(input.notifiedAt);
    if (notifiedAt.getTime() > Date.now() + 5 * 60_000) errors.add('notifiedAt', 'validation.date_in_future');
    // Notification times are written to the minute: one in the minute of the signature is after it.
    else if (notifiedAt.getTime() < Math.floor(new Date(rows[0]!.signed_at).getTime() / 60_000) * 60_000) {
      errors.add('notifiedAt', 'validation.before_signature');
    }
    if (input.interpreterId && !rows[0]!.interpreter_ok) errors.add('interpreterId', 'validation.invalid_option');
    if (input.interpreterId && input.interpreterName) errors.add('interpreterName', 'validation.not_applicable');
    // Intake records languages in two letters where ISO 639-1 has them, the roster in three: kept as ISO 639-3.
    const language = toLanguage639_3(input.language);
    if (!language) errors.add('language', 'validation.invalid_option');
    if (!input.acknowledged && !input.refusalReason) errors.add('refusalReason', 'validation.required');
    if (input.acknowledged && input.refusalReason) errors.add('refusalReason', 'validation.not_applicable');
    errors.throwIfAny();
    await tx.query(
      `INSERT INTO decision_notifications (operation_id, decision_id, claim_id, notified_at, place, method, language, interpreter_id, interpreter_name,
                                          acknowledged, refusal_reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [actor.operationId, row.id, claim.id, notifiedAt, input.place, input.method, language, input.interpreterId, input.interpreterName,
        input.acknowledged, input.refusalReason, actor.userId]);
    await performStep(tx, ctx, claim.id, 'notify', { version: claim.version }, { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
