import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/record-audit.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import {
  checkGating, competencyRequiredError, competencyTitles, rankOfficersForClaim,
} from '../../training/competencies/server/gating.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { isOpenStatus, type ClaimStatus } from '../intake.rules.ts';
import type { TClaim, ZAssignableOfficer, ZAssignInput } from '../intake.schemas.ts';
import { actorOf, loadClaimFor, type ClaimKey } from './claim-access.ts';
import { getClaimUnaudited, OPEN_STATUS_SQL } from './get-claim.ts';

/** Shortest written reason for assigning without a required competency (it is read in reports). */
export const OVERRIDE_REASON_MIN = 10;

/**
 * Who may be given a claim: active eligibility officers of the claim's office; of those, the
 * gating check (training/competencies/server/gating.ts) decides who is competent for its needs.
 */
export const ASSIGNABLE_OFFICERS_SQL = `SELECT u.id, u.full_name AS "fullName", u.username,
    (SELECT count(*)::int FROM claims oc WHERE oc.assigned_officer_id = u.id AND oc.status IN ${OPEN_STATUS_SQL}) AS "openClaims"
   FROM users u
  WHERE u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1)
    AND u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code = 'eligibility_officer')`;

/** Supervisors act on claims of their own offices only. */
async function loadForAssignment(tx: Queryable, ctx: RequestContext, id: string, lock: boolean): Promise<ClaimKey> {
  const actor = actorOf(ctx);
  const claim = await loadClaimFor(tx, actor, id, 'read', lock);
  if (!actor.permissions.has('assign:claim:office') || !actor.officeIds.includes(claim.office_id)) throw new AppError('FORBIDDEN');
  return claim;
}

export async function listAssignableOfficers(db: Queryable, ctx: RequestContext, id: string): Promise<Array<z.infer<typeof ZAssignableOfficer>>> {
  const claim = await loadForAssignment(db, ctx, id, false);
  const ranked = await rankOfficersForClaim(db, id, claim.office_id);
  const codes = [...new Set(ranked.flatMap((o) => o.missing))];
  const titles = new Map(codes.map((c, i) => [c, i] as const));
  const names = await competencyTitles(db, codes, actorOf(ctx).language);
  return ranked.map((o) => ({ ...o, missing: o.missing.map((code) => ({ code, title: names[titles.get(code) ?? 0] ?? code })) }));
}

/** Assigns (or, with a null officer, unassigns) an open claim; the history keeps who held it when. */
export async function assignClaim(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZAssignInput>): Promise<TClaim> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadForAssignment(tx, ctx, id, true);
    if (claim.version !== input.version) throw versionConflict(await getClaimUnaudited(tx, actor, id));
    if (!isOpenStatus(claim.status as ClaimStatus)) {
      throw new AppError('INVALID_STATE', { extra: { reason: 'claim_not_open', currentStatus: claim.status } });
    }
    if (input.officerId === claim.assigned_officer_id) return getClaimUnaudited(tx, actor, id);
    let gating = { required: [] as string[], missing: [] as string[] };
    if (input.officerId !== null) {
      const ok = await tx.query(`${ASSIGNABLE_OFFICERS_SQL} AND u.id = $2`, [claim.office_id, input.officerId]);
      if (ok.rowCount === 0) throw fieldError('officerId', 'validation.officer_not_assignable');
      gating = await checkGating(tx, id, input.officerId);
      if (gating.missing.length > 0) {
        if (!input.overrideGating) throw await competencyRequiredError(tx, gating, actor.language);
        if (!actor.permissions.has('override:gating:office')) throw new AppError('FORBIDDEN');
        if ((input.reason ?? '').length < OVERRIDE_REASON_MIN) {
          throw fieldError('reason', 'validation.override_reason_required', { minimum: OVERRIDE_REASON_MIN });
        }
      }
    }
    const overrideReason = gating.missing.length > 0 ? input.reason : null;
    await tx.query('UPDATE claims SET assigned_officer_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, input.officerId]);
    await tx.query('UPDATE claim_assignments SET unassigned_at = now() WHERE claim_id = $1 AND unassigned_at IS NULL', [id]);
    if (input.officerId) {
      await tx.query(`INSERT INTO claim_assignments (claim_id, officer_id, assigned_by, reason, required_competencies,
          missing_competencies, override_reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, input.officerId, actor.userId, input.reason, gating.required, gating.missing, overrideReason]);
    }
    await tx.query(
      `INSERT INTO claim_events (claim_id, kind, reason, details, actor_user_id) VALUES ($1, 'assigned', $2, $3, $4)`,
      [id, input.reason, JSON.stringify({ from: claim.assigned_officer_id, to: input.officerId,
        ...(overrideReason ? { missingCompetencies: gating.missing } : {}) }), actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'claim.assigned', entityType: 'claim', entityId: id, officeId: claim.office_id,
      details: {
        from: claim.assigned_officer_id, to: input.officerId, reason: input.reason, requiredCompetencies: gating.required,
        ...(overrideReason ? { gatingOverridden: true, missingCompetencies: gating.missing } : {}),
      },
    });
    return getClaimUnaudited(tx, actor, id);
  });
}
