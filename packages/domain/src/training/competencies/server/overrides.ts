import type { Queryable } from '@refugio/db';
import { widestScope } from '../../../auth/permissions.ts';
import { translate } from '../../../i18n/index.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Actor, RequestContext } from '../../../shared/context.ts';
import { actorOf } from '../../../intake/server/claim-access.ts';
import type { ReportTable } from '../../reports/export.ts';
import type { TGatingOverride, TOverrideQuery } from '../overrides.schemas.ts';

const MX_DAY = (column: string) => `(${column} AT TIME ZONE 'America/Mexico_City')::date`;
const MX_TODAY = MX_DAY('now()');

/** SQL condition on an office id column for a scope of the reader's; null when the scope does not reach offices. */
function officeCondition(actor: Actor, action: string, entity: string, column: string, params: unknown[]): string | null {
  const scope = widestScope(actor.permissions, action, entity);
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `${column} IN (SELECT id FROM offices WHERE institution_id = $${params.length})`;
  }
  if (scope === 'office') {
    params.push(actor.officeIds);
    return `${column} = ANY($${params.length}::uuid[])`;
  }
  return null;
}

/**
 * The supervisors' written exceptions to competency gating in a period (by assignment day in
 * Mexico City), newest first, within the reader's competency scope: what was missing, why, and
 * whether the officer has gained it since.
 */
export async function listGatingOverrides(db: Queryable, ctx: RequestContext, query: TOverrideQuery): Promise<TGatingOverride[]> {
  const actor = actorOf(ctx);
  const params: unknown[] = [actor.language, query.from, query.to];
  const inScope = officeCondition(actor, 'read', 'competency', 'c.office_id', params);
  if (!inScope) throw new AppError('FORBIDDEN');
  const claimVisible = [officeCondition(actor, 'read', 'claim', 'c.office_id', params), officeCondition(actor, 'read', 'sensitive', 'c.office_id', params)];
  const showClaim = claimVisible.every(Boolean) ? claimVisible.join(' AND ') : 'false';
  const { rows } = await db.query<TGatingOverride>(
    `SELECT a.id AS "assignmentId", a.assigned_at AS "assignedAt", o.name AS "officeName",
            CASE WHEN ${showClaim} THEN c.id END AS "claimId", CASE WHEN ${showClaim} THEN c.claim_number END AS "claimNumber",
            officer.full_name AS "officerName", by_.full_name AS "assignedByName",
            coalesce((SELECT jsonb_agg(jsonb_build_object('code', k.code, 'title', coalesce(k.title ->> $1, k.title ->> 'es-MX', k.code)) ORDER BY k.code)
                        FROM competencies k WHERE k.code = ANY(a.missing_competencies)), '[]') AS missing,
            a.override_reason AS reason,
            NOT EXISTS (SELECT 1 FROM unnest(a.missing_competencies) m(code) WHERE NOT EXISTS (
              SELECT 1 FROM competency_grants g WHERE g.user_id = a.officer_id AND g.competency_code = m.code AND g.revoked_at IS NULL
                 AND g.granted_on <= ${MX_TODAY} AND (g.expires_on IS NULL OR g.expires_on > ${MX_TODAY}))) AS resolved
       FROM claim_assignments a
       JOIN claims c ON c.id = a.claim_id
       JOIN offices o ON o.id = c.office_id
       JOIN users officer ON officer.id = a.officer_id
       LEFT JOIN users by_ ON by_.id = a.assigned_by
      WHERE a.override_reason IS NOT NULL AND ${MX_DAY('a.assigned_at')} BETWEEN $2::date AND $3::date AND ${inScope}
      ORDER BY a.assigned_at DESC
      LIMIT 5000`, params);
  return rows.map((r) => ({ ...r, assignedAt: new Date(r.assignedAt).toISOString() }));
}

/** The exceptions as a table, for CSV. */
export function overridesTable(language: Actor['language'], rows: TGatingOverride[]): ReportTable {
  const t = (key: string) => translate(language, key);
  return {
    title: t('competencies.overrides.title'),
    headers: [t('competencies.overrides.assignedAt'), t('competencies.overrides.office'), t('competencies.overrides.claim'),
      t('competencies.overrides.officer'), t('competencies.overrides.assignedBy'), t('competencies.overrides.missing'),
      t('competencies.overrides.reason'), t('competencies.overrides.resolved')],
    rows: rows.map((r) => [r.assignedAt, r.officeName, r.claimNumber, r.officerName, r.assignedByName, r.missing.map((m) => m.title).join('; '),
      r.reason, r.resolved ? t('common.yes') : t('common.no')]),
  };
}
