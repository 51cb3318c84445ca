import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { todayIn } from '../../shared/time.ts';
import type { TDecisionReviewer } from '../decisions.schemas.ts';
import { currentDecisionRow } from './decision-view.ts';

export interface ListReviewersOptions {
  claimId: string;
}

/**
 * Who may review the claim's draft (ADR 030): active staff of the claim's office who may update
 * its claims (so they can approve or return it), are not its drafter (four eyes) and hold the
 * drafting competency today (EUAA module "Drafting and decision-making"). Staff, not case data:
 * reading the list is not audited.
 */
export async function listReviewers(db: Queryable, ctx: RequestContext, options: ListReviewersOptions): Promise<TDecisionReviewer[]> {
  const actor = actorOf(ctx);
  const claim = await loadClaimFor(db, actor, options.claimId, 'update');
  const drafter = (await currentDecisionRow(db, claim.id))?.drafted_by ?? actor.userId;
  const { rows } = await db.query<TDecisionReviewer>(
    `SELECT u.id, u.full_name AS "fullName", u.username FROM users u
      WHERE u.active AND u.id <> $2
        AND EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id AND uo.office_id = $1)
        AND EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                     WHERE ur.user_id = u.id AND rp.permission_code = 'update:claim:office')
        AND EXISTS (SELECT 1 FROM competency_grants g WHERE g.user_id = u.id AND g.competency_code = 'drafting_decisions'
                     AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $3::date))
      ORDER BY u.full_name`, [claim.office_id, drafter, todayIn(claim.time_zone)]);
  return rows;
}
