import type { Queryable } from '@refugio/db';
import type { TAbandonmentCandidate } from '../scheduling.schemas.ts';
import { THRESHOLD_SQL } from './scheduling-settings.ts';
import { missedWeeksSql, OWES_SIGNATURE_SQL, STREAK_FROM_SQL } from './signature-streak.ts';

/**
 * Claims of these offices whose applicant has missed the weekly signature for at least the
 * authority's threshold of weeks in a row (Reglamento art. 24), unless a supervisor dismissed
 * this run of misses and it has not grown by another threshold since. Computed by query as of
 * today, like the competency queue (ADR 014): nothing scheduled to run or to miss.
 */
export async function abandonmentCandidates(db: Queryable, officeIds: readonly string[], claimId: string | null = null): Promise<TAbandonmentCandidate[]> {
  const { rows } = await db.query<TAbandonmentCandidate>(
    `SELECT x.id AS "claimId", x.claim_number AS "claimNumber", x.version AS "claimVersion", x.office_name AS "officeName", x.status,
            x.principal_name AS "principalName", to_char(x.streak_from, 'YYYY-MM-DD') AS "streakFrom", x.missed AS "missedWeeks",
            to_char(x.last_signed, 'YYYY-MM-DD') AS "lastSignedOn",
            (SELECT json_build_object('reason', d.reason, 'decidedAt', to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'missedWeeks', d.missed_weeks)
               FROM abandonment_decisions d WHERE d.claim_id = x.id AND d.decision = 'dismissed' ORDER BY d.decided_at DESC LIMIT 1) AS "previousDismissal"
       FROM (SELECT c.id, c.claim_number, c.version, c.status, o.name AS office_name,
                    concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS principal_name,
                    s.streak_from, s.last_signed, ${missedWeeksSql('s.streak_from')} AS missed, ${THRESHOLD_SQL} AS threshold
               FROM claims c JOIN offices o ON o.id = c.office_id JOIN persons p ON p.id = c.principal_person_id
               CROSS JOIN LATERAL (SELECT ${STREAK_FROM_SQL} AS streak_from,
                                          (SELECT max(signed_on) FROM signature_records r WHERE r.claim_id = c.id) AS last_signed) s
              WHERE c.office_id = ANY($1::uuid[]) AND ${OWES_SIGNATURE_SQL} AND ($2::uuid IS NULL OR c.id = $2)) x
      WHERE x.missed >= x.threshold
        AND NOT EXISTS (SELECT 1 FROM abandonment_decisions d WHERE d.claim_id = x.id AND d.decision = 'dismissed'
                           AND d.streak_from = x.streak_from AND x.missed < d.missed_weeks + x.threshold)
      ORDER BY x.missed DESC, x.claim_number`,
    [officeIds, claimId]);
  return rows;
}
