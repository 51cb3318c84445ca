import type { Queryable } from '@refugio/db';
import { fieldError } from '../../shared/errors.ts';

/** The person must be a member of the claim; the error names the field. */
export async function requireMember(tx: Queryable, claimId: string, personId: string, field = 'personId'): Promise<{ birth_date: string | null }> {
  const { rows } = await tx.query<{ birth_date: string | null }>(
    `SELECT to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date FROM claim_members m JOIN persons p ON p.id = m.person_id
      WHERE m.claim_id = $1 AND m.person_id = $2`, [claimId, personId]);
  if (!rows[0]) throw fieldError(field, 'validation.unknown_reference');
  return rows[0];
}
