import type { Queryable } from '@refugio/db';

/**
 * The claim's guarantees still pending, titled in the reader's language, for a safeguard of
 * another step to name (ADR 026): one named after a sensitive need (SOGI, trauma) is counted, not
 * named, for a reader outside the claim's field policy. Checks no access.
 */
export async function pendingGuarantees(db: Queryable, claimId: string, language: string, mayReadSensitive: boolean)
  : Promise<{ count: number; named: string[]; hidden: number }> {
  const { rows } = await db.query<{ title: string; sensitive: boolean }>(
    `SELECT coalesce(t.title ->> $2, t.title ->> 'es-MX') AS title, g.sensitive
       FROM claim_guarantees g JOIN guarantee_types t ON t.code = g.guarantee_code
      WHERE g.claim_id = $1 AND g.status = 'pending' ORDER BY t.sort`, [claimId, language]);
  const named = rows.filter((r) => mayReadSensitive || !r.sensitive).map((r) => r.title);
  return { count: rows.length, named, hidden: rows.length - named.length };
}
