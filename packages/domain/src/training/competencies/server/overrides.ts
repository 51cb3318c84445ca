import type { Queryable } from '@refugio/db';
import { translate } from '../../../i18n/catalogs.ts';
import { AppError } from '../../../shared/errors.ts';
import { type Actor, type RequestContext, actorOf } from '../../../shared/context.ts';

import type { ReportTable } from '../../reports/export.ts';
import { officeCondition } from '../../../shared/scope.ts';
import { localDaySql, TODAY_SQL } from '../../../shared/time.ts';

import type { TGatingOverride, TOverrideQuery } from '../overrides.schemas.ts';

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
              SELECT 1 FROM competency_grants g WHERE g.user_id = a.officer_id AND g.competency_code = m.code
                 AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, ${TODAY_SQL}))) AS resolved
       FROM claim_assignments a
       JOIN claims c ON c.id = a.claim_id
       JOIN offices o ON o.id = c.office_id
       JOIN users officer ON officer.id = a.officer_id
       LEFT JOIN users by_ ON by_.id = a.assigned_by
      WHERE a.override_reason IS NOT NULL AND ${localDaySql('a.assigned_at')} BETWEEN $2::date AND $3::date AND ${inScope}
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
