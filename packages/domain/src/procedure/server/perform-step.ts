import type { Queryable } from '@refugio/db';
import { recordAudit, type AuditAction } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors, type ErrorCode } from '../../shared/errors.ts';
import { loadClaimFor, mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { todayIn } from '../../shared/time.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { isClosedFile, STEPS, stepAllowedFrom, type ClaimStatus, type StepCode } from '../procedure.rules.ts';
import { effectsOf, inputChecksOf, type StepClaim, type StepInput, type StepRun } from './registry.ts';
import { weighSafeguards, type WeighedSafeguard } from './weigh-safeguards.ts';

/** The audit event of each step. */
export const STEP_AUDIT: Record<StepCode, AuditAction> = {
  register: 'claim.created',
  assign: 'claim.assigned',
  admit: 'claim.admitted',
  open_late_filing_review: 'claim.late_filing_review_opened',
  schedule_interview: 'claim.interview_scheduled',
  start_interview: 'claim.interview_started',
  record_interview: 'claim.interviewed',
  start_assessment: 'claim.assessment_started',
  draft_decision: 'claim.decision_drafted',
  submit_for_review: 'claim.submitted_for_review',
  return_to_drafting: 'claim.returned_to_drafting',
  approve: 'claim.approved',
  decide: 'claim.decided',
  notify: 'claim.notified',
  lodge_appeal: 'claim.appeal_lodged',
  resolve_appeal: 'claim.appeal_resolved',
  send_back: 'claim.sent_back',
  close: 'claim.closed',
  abandon: 'claim.abandoned',
  withdraw: 'claim.withdrawn',
  transfer: 'claim.transferred',
  reopen: 'claim.reopened',
};

/** A version read by the caller that no longer matches: 409 with the claim as it is now. */
export type CurrentClaim = (tx: Queryable) => Promise<unknown>;

export interface PerformStepOptions {
  /** Presents the current claim for a VERSION_CONFLICT (the intake feature's presenter). */
  current: CurrentClaim;
}

export function newRun(tx: Queryable, ctx: RequestContext, step: StepCode, claim: StepClaim, input: StepInput, to: ClaimStatus | null = STEPS[step].to): StepRun {
  const actor = actorOf(ctx);
  return {
    tx, ctx, actor, step, claim, from: claim.status, to, input, today: todayIn(claim.time_zone),
    mayReadSensitive: mayReadSensitive(actor, claim), findings: new Map(), overridden: [], eventDetails: {}, auditDetails: {},
  };
}

/**
 * Takes one step of a claim's procedure inside the caller's transaction (ADR 019): the caller's
 * permission on the claim, the version they read, the statuses the step is allowed from, the
 * step's input checks, then every safeguard registered for it. One refusal names every unmet
 * safeguard; otherwise the status and its timeline entry are written, the registered effects run
 * (clocks, assignment rows…) and the step's audit event records what they added.
 */
export async function performStep(
  tx: Queryable, ctx: RequestContext, claimId: string, step: StepCode, input: StepInput, options: PerformStepOptions,
): Promise<StepRun> {
  const actor = actorOf(ctx);
  const declaration = STEPS[step];
  if (declaration.needsReason && !input.reason) throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field: 'reason', code: 'validation.required' }] });
  const claim = await loadClaimFor(tx, actor, claimId, declaration.permission === 'register' ? 'update' : declaration.permission, true) as StepClaim;
  if (input.version !== undefined && claim.version !== input.version) throw versionConflict(await options.current(tx));
  if (!stepAllowedFrom(step, claim.status)) {
    throw new AppError('INVALID_STATE', {
      extra: { reason: step === 'assign' ? 'claim_not_open' : 'transition_not_allowed', action: step, currentStatus: claim.status, allowedFrom: declaration.from },
    });
  }
  const run = newRun(tx, ctx, step, claim, input, await targetStatus(tx, step, claimId));
  for (const check of inputChecksOf(step)) await check.check(run);
  await enforceSafeguards(run);
  if (run.to && run.to !== claim.status) await moveStatus(tx, claimId, claim.status, run.to);
  for (const effect of effectsOf(step)) await effect.apply(run);
  await writeTimeline(run);
  await recordAudit(tx, ctx, {
    action: STEP_AUDIT[step], entityType: 'claim', entityId: claimId, officeId: claim.office_id,
    details: declaration.timeline === 'status_changed'
      ? { from: claim.status, to: run.to, reason: input.reason ?? null, ...run.auditDetails }
      : { reason: input.reason ?? null, ...run.auditDetails },
  });
  return run;
}

/**
 * Where the step leads: its declared status, or for a reopening the status the file was closed
 * from (null when none was recorded; the reopening's input check refuses it, ADR 050).
 */
export async function targetStatus(tx: Queryable, step: StepCode, claimId: string): Promise<ClaimStatus | null> {
  const declaration: { to: ClaimStatus | null; returnsToStatusBeforeClosing?: boolean } = STEPS[step];
  if (!declaration.returnsToStatusBeforeClosing) return declaration.to;
  const { rows } = await tx.query<{ closed_from_status: ClaimStatus | null }>('SELECT closed_from_status FROM claims WHERE id = $1', [claimId]);
  return rows[0]?.closed_from_status ?? null;
}

/**
 * The status write. Entering a closed file from an open one keeps where it stood
 * (`closed_from_status`), which a reopening returns to; leaving the closed files forgets it.
 */
async function moveStatus(tx: Queryable, claimId: string, from: ClaimStatus, to: ClaimStatus): Promise<void> {
  const closing = isClosedFile(to) && !isClosedFile(from);
  const reopening = isClosedFile(from) && !isClosedFile(to);
  await tx.query(
    `UPDATE claims SET status = $2, version = version + 1, updated_at = now()
       ${to === 'closed' ? ', closed_at = now()' : ''}${closing ? ', closed_from_status = $3' : ''}${reopening ? ', closed_at = NULL, closed_from_status = NULL' : ''}
     WHERE id = $1`,
    closing ? [claimId, to, from] : [claimId, to]);
}

/**
 * Weighs a step's input checks and safeguards, refusing as the step would, for an act the step
 * governs once the status has moved on (ADR 027: every appointment of a claim, not only the
 * first one that takes `schedule_interview`, needs an interviewer the competency gate accepts).
 * Writes nothing; overrides are honoured as for the step.
 */
export async function enforceStepSafeguards(tx: Queryable, ctx: RequestContext, claimId: string, step: StepCode, input: StepInput): Promise<StepRun> {
  const actor = actorOf(ctx);
  const declaration = STEPS[step];
  const claim = await loadClaimFor(tx, actor, claimId, declaration.permission === 'register' ? 'update' : declaration.permission, true) as StepClaim;
  const run = newRun(tx, ctx, step, claim, input);
  for (const check of inputChecksOf(step)) await check.check(run);
  await enforceSafeguards(run);
  return run;
}

/**
 * Runs the effects of registration for a claim the intake feature has just inserted (its
 * clocks). Registration has no source status; its audit event is intake's own.
 */
export async function runRegistrationEffects(tx: Queryable, ctx: RequestContext, claim: StepClaim, facts: Record<string, unknown>): Promise<StepRun> {
  const run = newRun(tx, ctx, 'register', claim, { facts });
  for (const effect of effectsOf('register')) await effect.apply(run);
  return run;
}

async function writeTimeline(run: StepRun): Promise<void> {
  const declaration = STEPS[run.step];
  if (declaration.timeline === 'created') return;
  if (declaration.timeline === 'status_changed') {
    const details = { action: run.step, ...run.eventDetails };
    await run.tx.query(
      `INSERT INTO claim_events (claim_id, kind, from_status, to_status, reason, details, actor_user_id)
       VALUES ($1, 'status_changed', $2, $3, $4, $5, $6)`,
      [run.claim.id, run.from, run.to, run.input.reason ?? null, JSON.stringify(details), run.actor.userId]);
    return;
  }
  await run.tx.query(
    `INSERT INTO claim_events (claim_id, kind, reason, details, actor_user_id) VALUES ($1, $2, $3, $4, $5)`,
    [run.claim.id, declaration.timeline, run.input.reason ?? null, JSON.stringify(run.eventDetails), run.actor.userId]);
}

/**
 * Weighs every safeguard of the step; an unmet one the caller overrides needs its permission and
 * a written reason. Anything still unmet refuses the step, naming each in the caller's language.
 */
async function enforceSafeguards(run: StepRun): Promise<void> {
  const weighed = await weighSafeguards(run);
  const unmet: WeighedSafeguard[] = [];
  for (const item of weighed) {
    if (item.state !== 'unmet') continue;
    const override = item.definition.override;
    if (override && run.input.overrides?.includes(item.definition.code)) {
      if (!run.actor.permissions.has(override.permission)) throw new AppError('FORBIDDEN');
      if ((run.input.reason ?? '').length < override.reasonMin) {
        const errors = new FieldErrors();
        errors.add('reason', 'validation.override_reason_required', { minimum: override.reasonMin });
        errors.throwIfAny();
      }
      run.overridden.push(item.definition.code);
      continue;
    }
    unmet.push(item);
  }
  if (unmet.length > 0) throw safeguardRefusal(unmet);
}

function safeguardRefusal(unmet: WeighedSafeguard[]): AppError {
  const codes = new Set(unmet.map((u) => u.definition.refusal ?? 'SAFEGUARD_UNMET'));
  const code: ErrorCode = codes.size === 1 ? [...codes][0]! : 'SAFEGUARD_UNMET';
  const only = unmet.length === 1 ? unmet[0] : undefined;
  const params = code === 'SAFEGUARD_UNMET' || !only ? { unmet: unmet.map((u) => u.check.message).join(' · ') } : (only.params ?? {});
  return new AppError(code, {
    params,
    fieldErrors: unmet.flatMap((u) => (u.field ? [{ field: u.field.name, code: u.field.code, params: u.params ?? {} }] : [])),
    extra: { unmet: unmet.map((u) => u.check), ...Object.assign({}, ...unmet.map((u) => u.findings ?? {})) },
  });
}

export type { ClaimStatus };
