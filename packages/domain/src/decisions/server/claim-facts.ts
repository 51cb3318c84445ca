import type { Queryable } from '@refugio/db';

export interface ClaimPerson {
  personId: string;
  fullName: string;
  relation: string;
  languages: string[];
}

/** The people of the claim, the principal first, then by age. */
export async function claimPersons(db: Queryable, claimId: string): Promise<ClaimPerson[]> {
  const { rows } = await db.query<ClaimPerson>(
    `SELECT p.id AS "personId", concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "fullName", m.relation, p.languages
       FROM claim_members m JOIN persons p ON p.id = m.person_id
      WHERE m.claim_id = $1 ORDER BY (m.relation = 'principal') DESC, p.birth_date NULLS LAST, p.given_names`, [claimId]);
  return rows;
}

export interface ClaimHeading {
  claimNumber: string;
  /** The civil day of lodging, in the office's zone. */
  lodgedOn: string;
  officeId: string;
  officeName: string;
  principalName: string;
  nationalities: string[];
}

/** What the decision's introduction and the documents name of the claim. */
export async function claimHeading(db: Queryable, claimId: string): Promise<ClaimHeading> {
  const { rows } = await db.query<ClaimHeading>(
    `SELECT c.claim_number AS "claimNumber", to_char((c.lodged_at AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS "lodgedOn",
            o.id AS "officeId", o.name AS "officeName",
            concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "principalName", p.nationalities
       FROM claims c JOIN offices o ON o.id = c.office_id JOIN persons p ON p.id = c.principal_person_id WHERE c.id = $1`, [claimId]);
  return rows[0]!;
}
