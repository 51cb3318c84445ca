import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { toLanguage639_3 } from '../scheduling.rules.ts';
import type { TBookingOptions } from '../scheduling.schemas.ts';

export interface GetBookingOptionsOptions {
  claimId: string;
}

/**
 * What the booking form offers for a claim the reader may update: the office's interviewers
 * (eligibility officers and supervisors), the claim's people with their languages, the language
 * suggested for the interview (the principal's first language on the roster's list) and the
 * assigned officer. Interpreters come from the roster route, filtered by that language.
 */
export async function getBookingOptions(db: Queryable, ctx: RequestContext, options: GetBookingOptionsOptions): Promise<TBookingOptions> {
  const actor = actorOf(ctx);
  const claim = await loadClaimFor(db, actor, options.claimId, 'update');
  const officers = (await db.query<{ id: string; fullName: string }>(
    `SELECT u.id, u.full_name AS "fullName" FROM users u
      WHERE u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1)
        AND u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code IN ('eligibility_officer', 'supervisor'))
      ORDER BY u.full_name`, [claim.office_id])).rows;
  const persons = (await db.query<{ id: string; name: string; languages: string[]; principal: boolean }>(
    `SELECT p.id, concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS name, p.languages, m.relation = 'principal' AS principal
       FROM claim_members m JOIN persons p ON p.id = m.person_id WHERE m.claim_id = $1 ORDER BY m.relation <> 'principal', p.given_names`,
    [claim.id])).rows;
  const principal = persons.find((p) => p.principal);
  const suggested = principal?.languages.map(toLanguage639_3).find((code) => code !== null) ?? 'spa';
  return {
    officeId: claim.office_id, timeZone: claim.time_zone, assignedOfficerId: claim.assigned_officer_id, status: claim.status,
    officers, persons: persons.map(({ id, name, languages }) => ({ id, name, languages })), suggestedLanguage: suggested,
  };
}
