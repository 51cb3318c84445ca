import type { Queryable } from '@refugio/db';

export interface SignedRecord {
  interviewId: string;
  personId: string;
  /** The civil day (office time) the record was signed and locked. */
  signedOn: string;
}

/**
 * The claim's signed, locked interview records, one per interview, oldest first: what a decision
 * rests on (LRPCPAP art. 24; ADR 025). Checks no access: the caller has loaded the claim under its policy.
 */
export async function signedInterviewRecords(db: Queryable, claimId: string): Promise<SignedRecord[]> {
  const { rows } = await db.query<SignedRecord>(
    `SELECT i.id AS "interviewId", i.person_id AS "personId", to_char((i.signed_at AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS "signedOn"
       FROM interviews i JOIN claims c ON c.id = i.claim_id JOIN offices o ON o.id = c.office_id
      WHERE i.claim_id = $1 AND i.status = 'signed' ORDER BY i.signed_at, i.id`, [claimId]);
  return rows;
}
