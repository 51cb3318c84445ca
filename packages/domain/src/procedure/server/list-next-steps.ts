import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor, mayActOnClaim } from '../../shared/policies/claim.policy.ts';
import { STEP_CODES, STEPS, stepAllowedFrom } from '../procedure.rules.ts';
import type { TNextSteps } from '../procedure.schemas.ts';
import { newRun, targetStatus } from './perform-step.ts';
import { effectsOf, type StepClaim } from './registry.ts';
import { switchedOffSafeguards, weighSafeguards } from './weigh-safeguards.ts';

/**
 * The steps the claim's status allows now, each with whether the reader may take it and every
 * safeguard as it stands — the claim page's checklist ("Before the interview: representative
 * appointed ✗") and what each step sets off, for the confirmation of a legal act. Reads only; the claim's read is audited by the claim file itself.
 */
export async function listNextSteps(db: Queryable, ctx: RequestContext, claimId: string): Promise<TNextSteps> {
  const actor = actorOf(ctx);
  const claim = await loadClaimFor(db, actor, claimId, 'read') as StepClaim;
  const off = await switchedOffSafeguards(db, claim.institution_id);
  const steps: TNextSteps['steps'] = [];
  for (const step of STEP_CODES) {
    if (!stepAllowedFrom(step, claim.status)) continue;
    const declaration = STEPS[step];
    const permitted = mayActOnClaim(actor, declaration.permission, claim);
    const to = await targetStatus(db, step, claim.id);
    const weighed = await weighSafeguards(newRun(db, ctx, step, claim, {}, to), off);
    steps.push({
      step, to, permitted, needsReason: declaration.needsReason,
      allowed: permitted && weighed.every((w) => w.state !== 'unmet'),
      safeguards: weighed.map((w) => w.check),
      effects: effectsOf(step).map((effect) => ({
        code: effect.code,
        title: translate(actor.language, `procedure.effects.${effect.code}.title`),
        description: translate(actor.language, `procedure.effects.${effect.code}.description`),
      })),
    });
  }
  return { status: claim.status, version: claim.version, steps };
}
