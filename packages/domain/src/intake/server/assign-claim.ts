import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { isOpenStatus, type ClaimStatus } from '../../procedure/index.ts';
import { OPEN_STATUS_SQL, performStep, registerEffect, registerInputCheck } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TClaim, ZAssignInput } from '../intake.schemas.ts';
import { getClaimUnaudited } from './get-claim.ts';

/** The safeguard a supervisor overrides when assigning without a required competency (training registers it). */
export const COMPETENCY_GATE = 'competency_gate';

/**
 * Who may be given a claim: active eligibility officers of the claim's office; of those, the
 * competency gate (a safeguard of the assign step) decides who is competent for its needs.
 */
export const ASSIGNABLE_OFFICERS_SQL = `SELECT u.id, u.full_name AS "fullName", u.username,
    (SELECT count(*)::int FROM claims oc WHERE oc.assigned_officer_id = u.id AND oc.status IN ${OPEN_STATUS_SQL}) AS "openClaims"
   FROM users u
  WHERE u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1)
    AND u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code = 'eligibility_officer')`;

/** Whether the officer may be given claims of the office at all (role, office, active). */
export async function isAssignableOfficer(db: Queryable, officeId: string, officerId: string): Promise<boolean> {
  return ((await db.query(`${ASSIGNABLE_OFFICERS_SQL} AND u.id = $2`, [officeId, officerId])).rowCount ?? 0) > 0;
}

/**
 * Assigns (or, with a null officer, unassigns) an open claim through the assign step: the
 * officer must be one of the office's; the registered safeguards (the competency gate) decide
 * whether they are competent, a supervisor overriding with a written reason. The history keeps
 * who held the claim when.
 */
export async function assignClaim(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZAssignInput>): Promise<TClaim> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, id, 'assign', true);
    if (claim.version !== input.version) throw versionConflict(await getClaimUnaudited(tx, actor, id));
    if (!isOpenStatus(claim.status as ClaimStatus)) {
      throw new AppError('INVALID_STATE', { extra: { reason: 'claim_not_open', currentStatus: claim.status } });
    }
    if (input.officerId === claim.assigned_officer_id) return getClaimUnaudited(tx, actor, id);
    await performStep(tx, ctx, id, 'assign', {
      version: input.version, reason: input.reason, officerId: input.officerId,
      overrides: input.overrideGating ? [COMPETENCY_GATE] : [],
    }, { current: (q) => getClaimUnaudited(q, actor, id) });
    return getClaimUnaudited(tx, actor, id);
  });
}

/**
 * The assign step's own parts (ADR 019): the officer must belong to the claim's office; the
 * effect moves the claim to them and closes the previous assignment. Called once from the
 * domain's composition root.
 */
export function registerAssignment(): void {
  registerInputCheck({
    steps: ['assign'],
    async check(run) {
      const officerId = run.input.officerId ?? null;
      if (officerId !== null && !await isAssignableOfficer(run.tx, run.claim.office_id, officerId)) {
        throw fieldError('officerId', 'validation.officer_not_assignable');
      }
    },
  });
  registerEffect({
    code: 'assignment_recorded', feature: 'intake', steps: ['assign'], order: 0,
    source: { kind: 'authority_policy', citationKey: 'procedure.sources.assignment_policy' },
    async apply(run) {
      const officerId = run.input.officerId ?? null;
      await run.tx.query('UPDATE claims SET assigned_officer_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [run.claim.id, officerId]);
      await run.tx.query('UPDATE claim_assignments SET unassigned_at = now() WHERE claim_id = $1 AND unassigned_at IS NULL', [run.claim.id]);
      if (officerId) {
        await run.tx.query(`INSERT INTO claim_assignments (claim_id, officer_id, assigned_by, reason) VALUES ($1, $2, $3, $4)`,
          [run.claim.id, officerId, run.actor.userId, run.input.reason ?? null]);
      }
      Object.assign(run.eventDetails, { from: run.claim.assigned_officer_id, to: officerId });
      Object.assign(run.auditDetails, { from: run.claim.assigned_officer_id, to: officerId });
    },
  });
}
