import type { Queryable } from '@refugio/db';
import { OPEN_STATUS_SQL as OPEN } from '../../../procedure/server/index.ts';
import type { Language } from '../../../shared/limits.ts';
import { todayIn } from '../../../shared/time.ts';
import { ANY_CLAIM_NEED, missingCompetencies, requiredCompetencies, type GatingRule } from '../gating.rules.ts';

export interface GatingCheck {
  required: string[];
  missing: string[];
}

/** The competencies a claim requires: the gating rules matched by its active flags (and `any_claim`). */
export async function claimRequiredCompetencies(db: Queryable, claimId: string): Promise<string[]> {
  const { rows } = await db.query<GatingRule>(
    `SELECT need_code AS "needCode", competency_code AS "competencyCode" FROM competency_gating_rules
      WHERE active AND (need_code = $2 OR need_code IN (
        SELECT category FROM vulnerability_flags WHERE claim_id = $1 AND withdrawn_at IS NULL))`,
    [claimId, ANY_CLAIM_NEED]);
  // Every rule returned matches a present need; the pure function dedupes and sorts.
  return requiredCompetencies(rows.map((r) => r.needCode), rows);
}

/**
 * What the claim requires of this officer on `day`, and what the officer lacks: one statement
 * (one round trip), as it runs inside every assignment.
 */
export async function checkGating(db: Queryable, claimId: string, officerId: string, day = todayIn()): Promise<GatingCheck> {
  const { rows } = await db.query<{ code: string; held: boolean }>(
    `SELECT r.code, EXISTS (SELECT 1 FROM competency_grants g
                             WHERE g.user_id = $2 AND g.competency_code = r.code
                               AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $4::date)) AS held
       FROM (SELECT DISTINCT competency_code AS code FROM competency_gating_rules
              WHERE active AND (need_code = $3 OR need_code IN (
                SELECT category FROM vulnerability_flags WHERE claim_id = $1 AND withdrawn_at IS NULL))) r
      ORDER BY r.code COLLATE "C"`,
    [claimId, officerId, ANY_CLAIM_NEED, day]);
  const required = rows.map((r) => r.code);
  return { required, missing: missingCompetencies(required, rows.filter((r) => r.held).map((r) => r.code)) };
}

/** Competency titles in a language, in the order given (the code when unknown). */
export async function competencyTitles(db: Queryable, codes: readonly string[], language: Language): Promise<string[]> {
  if (codes.length === 0) return [];
  const { rows } = await db.query<{ code: string; title: string }>(
    `SELECT code, coalesce(title ->> $2, title ->> 'es-MX', code) AS title FROM competencies WHERE code = ANY($1::text[])`,
    [codes, language]);
  const byCode = new Map(rows.map((r) => [r.code, r.title]));
  return codes.map((c) => byCode.get(c) ?? c);
}

export interface RankedOfficer {
  id: string;
  fullName: string;
  username: string;
  openClaims: number;
  soonestDueOn: string | null;
  missing: string[];
  eligible: boolean;
}

/**
 * "Who can take this claim": the office's active eligibility officers, those holding every
 * required competency first, then by open caseload and the soonest due date among their open
 * claims (who has room and no fire to put out). One query for the grants of all officers.
 */
export async function rankOfficersForClaim(db: Queryable, claimId: string, officeId: string, day = todayIn()): Promise<RankedOfficer[]> {
  const required = await claimRequiredCompetencies(db, claimId);
  const { rows } = await db.query<Omit<RankedOfficer, 'missing' | 'eligible'> & { held: string[] }>(
    `SELECT u.id, u.full_name AS "fullName", u.username,
            (SELECT count(*)::int FROM claims oc WHERE oc.assigned_officer_id = u.id AND oc.status IN ${OPEN}) AS "openClaims",
            (SELECT min(oc.decision_due_on)::text FROM claims oc WHERE oc.assigned_officer_id = u.id AND oc.status IN ${OPEN}) AS "soonestDueOn",
            ARRAY(SELECT DISTINCT g.competency_code FROM competency_grants g
                   WHERE g.user_id = u.id AND g.competency_code = ANY($2::text[])
                     AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $3::date)) AS held
       FROM users u
      WHERE u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1)
        AND u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code = 'eligibility_officer')`,
    [officeId, required, day]);
  return rows
    .map(({ held, ...officer }) => {
      const missing = missingCompetencies(required, held);
      return { ...officer, missing, eligible: missing.length === 0 };
    })
    .toSorted((a, b) => Number(b.eligible) - Number(a.eligible) || a.openClaims - b.openClaims
      || (a.soonestDueOn ?? '9999').localeCompare(b.soonestDueOn ?? '9999') || a.fullName.localeCompare(b.fullName));
}

/**
 * SQL condition on claims alias `c`: open, assigned, and its officer lacks today a competency the
 * claim requires — except one a supervisor knowingly waived on the current assignment.
 */
export function competencyGapCondition(today: string): string {
  return `c.assigned_officer_id IS NOT NULL AND c.status IN ${OPEN} AND EXISTS (
    SELECT 1 FROM competency_gating_rules r
     WHERE r.active
       AND (r.need_code = '${ANY_CLAIM_NEED}' OR r.need_code IN (
             SELECT f.category FROM vulnerability_flags f WHERE f.claim_id = c.id AND f.withdrawn_at IS NULL))
       AND NOT EXISTS (SELECT 1 FROM competency_grants g
                        WHERE g.user_id = c.assigned_officer_id AND g.competency_code = r.competency_code
                          AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, ${today}))
       AND NOT EXISTS (SELECT 1 FROM claim_assignments a
                        WHERE a.claim_id = c.id AND a.unassigned_at IS NULL AND a.override_reason IS NOT NULL
                          AND r.competency_code = ANY(a.missing_competencies)))`;
}
