import type { Database } from '@refugio/db';
import type { z } from 'zod';
import { todayInMexico } from '../../calendars/clock.rules.ts';
import { recordAudit } from '../../audit/server/record-audit.ts';
import type { AuditAction } from '../../audit/audit.actions.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { TRANSITIONS, type ClaimStatus, type TransitionAction } from '../intake.rules.ts';
import type { TClaim, TTransitionInput, ZClaimUpdate } from '../intake.schemas.ts';
import { actorOf, loadClaimFor } from './claim-access.ts';
import { onClaimStatusChanged } from './claim-clocks.ts';
import { getClaimUnaudited } from './get-claim.ts';

/** The audit event of each lifecycle action. */
export const TRANSITION_AUDIT: Record<TransitionAction, AuditAction> = {
  admit: 'claim.admitted',
  open_late_filing_review: 'claim.late_filing_review_opened',
  schedule_interview: 'claim.interview_scheduled',
  record_interview: 'claim.interviewed',
  start_assessment: 'claim.assessment_started',
  draft_decision: 'claim.decision_drafted',
  submit_for_review: 'claim.submitted_for_review',
  return_to_drafting: 'claim.returned_to_drafting',
  decide: 'claim.decided',
  notify: 'claim.notified',
  close: 'claim.closed',
  abandon: 'claim.abandoned',
  withdraw: 'claim.withdrawn',
  transfer: 'claim.transferred',
};

/**
 * One step of the lifecycle: the caller may update the claim (office, or own when assigned),
 * the claim is in one of the action's allowed statuses and at the version the caller read. The
 * status, its timeline entry and its audit event are written together; the clock service hears of it.
 */
async function transition(db: Database, ctx: RequestContext, id: string, action: TransitionAction, input: TTransitionInput): Promise<TClaim> {
  const actor = actorOf(ctx);
  const rule = TRANSITIONS[action];
  if (rule.needsReason && !input.reason) throw fieldError('reason', 'validation.required');
  if (action === 'transfer' && !input.toOfficeId) throw fieldError('toOfficeId', 'validation.required');
  if (action !== 'transfer' && input.toOfficeId) throw fieldError('toOfficeId', 'validation.not_applicable');
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, id, 'update', true);
    if (claim.version !== input.version) throw versionConflict(await getClaimUnaudited(tx, actor, id));
    const from = claim.status as ClaimStatus;
    if (!(rule.from as readonly ClaimStatus[]).includes(from)) {
      throw new AppError('INVALID_STATE', { extra: { reason: 'transition_not_allowed', action, currentStatus: from, allowedFrom: rule.from } });
    }
    if (action === 'transfer') {
      const target = (await tx.query<{ kind: string }>(
        `SELECT i.kind FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE o.id = $1 AND o.active`, [input.toOfficeId])).rows[0];
      if (!target || target.kind !== 'asylum_authority' || input.toOfficeId === claim.office_id) {
        throw fieldError('toOfficeId', 'validation.invalid_option');
      }
    }
    const closing = rule.to === 'closed';
    await tx.query(
      `UPDATE claims SET status = $2, version = version + 1, updated_at = now()${closing ? ', closed_at = now()' : ''} WHERE id = $1`,
      [id, rule.to]);
    const details = input.toOfficeId ? { action, toOfficeId: input.toOfficeId } : { action };
    await tx.query(
      `INSERT INTO claim_events (claim_id, kind, from_status, to_status, reason, details, actor_user_id)
       VALUES ($1, 'status_changed', $2, $3, $4, $5, $6)`,
      [id, from, rule.to, input.reason, JSON.stringify(details), actor.userId]);
    await onClaimStatusChanged(tx, ctx, { claimId: id, from, to: rule.to, reason: input.reason });
    await recordAudit(tx, ctx, {
      action: TRANSITION_AUDIT[action], entityType: 'claim', entityId: id, officeId: claim.office_id,
      details: { from, to: rule.to, reason: input.reason, ...(input.toOfficeId ? { toOfficeId: input.toOfficeId } : {}) },
    });
    return getClaimUnaudited(tx, actor, id);
  });
}

type Step = (db: Database, ctx: RequestContext, id: string, input: TTransitionInput) => Promise<TClaim>;
const step = (action: TransitionAction): Step => (db, ctx, id, input) => transition(db, ctx, id, action, input);

export const admitClaim = step('admit');
/** Prevención: the filing limit was missed; COMAR asks for the reasons before admitting. */
export const openLateFilingReview = step('open_late_filing_review');
export const scheduleInterview = step('schedule_interview');
export const recordInterview = step('record_interview');
export const startAssessment = step('start_assessment');
export const draftDecision = step('draft_decision');
export const submitForReview = step('submit_for_review');
export const returnToDrafting = step('return_to_drafting');
export const decideClaim = step('decide');
export const notifyDecision = step('notify');
export const closeClaim = step('close');
export const abandonClaim = step('abandon');
export const withdrawClaim = step('withdraw');
export const transferClaim = step('transfer');

export const TRANSITION_USE_CASES: Record<TransitionAction, Step> = {
  admit: admitClaim, open_late_filing_review: openLateFilingReview, schedule_interview: scheduleInterview,
  record_interview: recordInterview, start_assessment: startAssessment, draft_decision: draftDecision,
  submit_for_review: submitForReview, return_to_drafting: returnToDrafting, decide: decideClaim, notify: notifyDecision,
  close: closeClaim, abandon: abandonClaim, withdraw: withdrawClaim, transfer: transferClaim,
};

/** Edits the claim's own fields (modality, entry date); 409 with the current claim on a stale version. */
export async function updateClaim(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZClaimUpdate>): Promise<TClaim> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, id, 'update', true);
    const before = await getClaimUnaudited(tx, actor, id);
    if (claim.version !== input.version) throw versionConflict(before);
    if (input.enteredMexicoOn && input.enteredMexicoOn > todayInMexico()) {
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
