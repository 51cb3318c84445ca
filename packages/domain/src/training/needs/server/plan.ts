import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../../audit/server/index.ts';
import { translate } from '../../../i18n/catalogs.ts';
import type { Language } from '../../../shared/limits.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import type { ReportTable } from '../../reports/export.ts';
import { listTrainingModules } from '../../sessions/server/sessions.ts';
import {
  proposeTrainingPlan, type OfficeCaseload, type PlanFormat, type PlanPriority, type PlanReason, type PlanStaff,
} from '../needs.rules.ts';
import type { TTrainingPlan } from '../needs.schemas.ts';
import { campaignStaff, getCampaign } from './campaigns.ts';
import { TODAY_SQL } from '../../../shared/time.ts';

/** A claim `c` lodged between two Mexico City dates (parameters, both inclusive). */
const lodgedBetween = (from: string, to: string) => `c.lodged_at >= ${from}::date::timestamp AT TIME ZONE 'America/Mexico_City'
  AND c.lodged_at < (${to}::date + 1)::timestamp AT TIME ZONE 'America/Mexico_City'`;
/** Roles whose officers take claims: the caseload concerns them (the gating rules apply to them). */
const CLAIM_ROLES = ['eligibility_officer'];

/**
 * The proposed training plan of a campaign, computed afresh from today's register, the answers
 * so far and the caseload of the campaign's last months: a preview while the campaign runs, the
 * plan once it closes.
 */
export async function buildTrainingPlan(db: Queryable, ctx: RequestContext, id: string): Promise<TTrainingPlan> {
  const actor = actorOf(ctx);
  const campaign = await getCampaign(db, ctx, id);
  const staffParams = [actor.operationId, campaign.institutionId, campaign.officeId];
  // The caseload of the months up to today, or up to the campaign's close once it has closed.
  const { rows: [window] } = await db.query<{ today: string; from_: string; to_: string }>(
    `SELECT ${TODAY_SQL}::text AS today, (least(${TODAY_SQL}, closes_on) - make_interval(months => caseload_months))::date::text AS from_,
            least(${TODAY_SQL}, closes_on)::text AS to_
       FROM training_campaigns WHERE id = $1`, [id]);
  const { today, from_: caseloadFrom, to_: caseloadTo } = window!;

  // Claims lodged at each office of the campaign in its caseload window.
  const lodged = await db.query<{ office_id: string; office_name: string; claims: number }>(
    `SELECT o.id AS office_id, o.name AS office_name,
            (SELECT count(*)::int FROM claims c WHERE c.office_id = o.id AND c.operation_id = $1 AND ${lodgedBetween('$4', '$5')}) AS claims
       FROM offices o WHERE o.institution_id = $2 AND ($3::uuid IS NULL OR o.id = $3) ORDER BY o.name`, [...staffParams, caseloadFrom, caseloadTo]);
  const [staff, held, modules, requirements, titles, flagged] = await Promise.all([
    db.query<{ user_id: string; full_name: string; office_id: string; office_name: string; roles: string[];
      years: number | null; self_levels: Record<string, number> | null; preferred_format: PlanFormat | null }>(
      `SELECT s.*, r.years_experience::float8 AS years, r.self_levels, r.preferred_format
         FROM (${campaignStaff('$1', '$2', '$3::uuid')}) s
         LEFT JOIN training_needs_responses r ON r.campaign_id = $4 AND r.user_id = s.user_id
        ORDER BY s.office_name, s.full_name`, [...staffParams, id]),
    // Per person and competency: valid today (with the latest expiry) or only lapsed.
    db.query<{ user_id: string; competency_code: string; valid: boolean; expires_on: string | null }>(
      `SELECT g.user_id, g.competency_code,
              bool_or(grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, ${TODAY_SQL})) AS valid,
              CASE WHEN bool_or(g.revoked_at IS NULL AND g.expires_on IS NULL AND g.granted_on <= ${TODAY_SQL}) THEN NULL
                   ELSE max(g.expires_on) FILTER (WHERE g.revoked_at IS NULL AND g.granted_on <= ${TODAY_SQL})::text END AS expires_on
         FROM competency_grants g
        WHERE g.user_id IN (SELECT s.user_id FROM (${campaignStaff('$1', '$2', '$3::uuid')}) s)
        GROUP BY g.user_id, g.competency_code`, staffParams),
    listTrainingModules(db, ctx),
    db.query<{ role_code: string; competencies: string[] }>(
      'SELECT role_code, array_agg(competency_code ORDER BY competency_code) AS competencies FROM role_required_competencies WHERE operation_id = $1 GROUP BY role_code',
      [actor.operationId]),
    db.query<{ code: string; title: string }>(`SELECT code, coalesce(title ->> $1, title ->> 'es-MX') AS title FROM competencies`, [actor.language]),
    // Claims a gating rule ties to a competency through a flag (children, LGBTIQ, survivors of
    // violence …). The offices go in as an array: from a subquery the planner expected one office
    // and ran the join once per office (21 s on PGlite for a year of national intake).
    db.query<{ office_id: string; competency_code: string; n: number }>(
      `SELECT c.office_id, r.competency_code, count(DISTINCT c.id)::int AS n
         FROM claims c
         JOIN vulnerability_flags f ON f.claim_id = c.id AND f.withdrawn_at IS NULL
         JOIN competency_gating_rules r ON r.need_code = f.category AND r.active AND r.operation_id = $1
        WHERE c.office_id = ANY($2::uuid[]) AND c.operation_id = $1 AND ${lodgedBetween('$3', '$4')}
        GROUP BY c.office_id, r.competency_code`, [actor.operationId, lodged.rows.map((o) => o.office_id), caseloadFrom, caseloadTo]),
  ]);

  const heldBy = new Map<string, { held: Record<string, string | null>; lapsed: string[] }>();
  for (const g of held.rows) {
    const entry = heldBy.get(g.user_id) ?? { held: {}, lapsed: [] };
    if (g.valid) entry.held[g.competency_code] = g.expires_on;
    else entry.lapsed.push(g.competency_code);
    heldBy.set(g.user_id, entry);
  }
  const planStaff: PlanStaff[] = staff.rows.map((s) => ({
    userId: s.user_id, fullName: s.full_name, officeId: s.office_id, officeName: s.office_name, roles: s.roles,
    response: s.preferred_format ? { yearsExperience: s.years ?? 0, selfLevels: s.self_levels ?? {}, preferredFormat: s.preferred_format } : null,
    held: heldBy.get(s.user_id)?.held ?? {}, lapsed: heldBy.get(s.user_id)?.lapsed ?? [],
  }));
  const byCompetency = (officeId: string): Record<string, number> =>
    Object.fromEntries(flagged.rows.filter((f) => f.office_id === officeId).map((f) => [f.competency_code, f.n]));
  const offices: OfficeCaseload[] = lodged.rows.map((o) => ({ officeId: o.office_id, claims: o.claims, byCompetency: byCompetency(o.office_id) }));
  const result = proposeTrainingPlan({
    today, staff: planStaff, caseload: offices, claimRoles: CLAIM_ROLES,
    roleRequirements: Object.fromEntries(requirements.rows.map((r) => [r.role_code, r.competencies])),
    modules: modules.map((m) => ({
      id: m.id, code: m.code, title: m.title, level: m.level, formats: m.formats, competencies: m.competencies.map((c) => c.code),
      prerequisites: m.prerequisites.map((c) => c.code), experienceRoute: m.experienceRoute,
    })),
  });

  const titleOf = (code: string) => titles.rows.find((t) => t.code === code)?.title ?? code;
  const moduleTitle = (code: string | null) => modules.find((m) => m.code === code)?.title ?? null;
  return {
    campaignId: id,
    generatedAt: new Date().toISOString(),
    basis: {
      staff: planStaff.length,
      responded: planStaff.filter((p) => p.response).length,
      caseloadFrom,
      caseloadTo,
      offices: lodged.rows.map((o) => ({
        officeId: o.office_id, officeName: o.office_name, claims: o.claims,
        shares: Object.entries(byCompetency(o.office_id)).toSorted(([a], [b]) => a.localeCompare(b)).map(([code, n]) => ({
          competencyCode: code, competency: titleOf(code), claims: n, share: o.claims ? Math.round((n / o.claims) * 1000) / 1000 : 0,
        })),
      })),
    },
    items: result.items.map(({ competencyCodes, ...item }) => ({
      ...item, moduleTitle: moduleTitle(item.moduleCode), competencies: competencyCodes.map((code) => ({ code, title: titleOf(code) })),
    })),
    summary: result.summary.map((row) => ({ ...row, moduleTitle: moduleTitle(row.moduleCode) ?? row.moduleCode })),
  };
}

const PRIORITY_KEYS: Record<PlanPriority, string> = {
  high: 'trainingNeeds.priorities.high', medium: 'trainingNeeds.priorities.medium', low: 'trainingNeeds.priorities.low',
};
const FORMAT_KEYS: Record<PlanFormat, string> = {
  in_person: 'trainingSessions.formats.in_person', videoconference: 'trainingSessions.formats.videoconference',
  online: 'trainingSessions.formats.online', blended: 'trainingSessions.formats.blended',
};
const LEVEL_KEYS: Record<string, string> = {
  first_line: 'trainingSessions.levels.first_line', core: 'trainingSessions.levels.core', advanced: 'trainingSessions.levels.advanced',
  specialised: 'trainingSessions.levels.specialised', trainer: 'trainingSessions.levels.trainer',
};

/** A reason in words, as the plan page and the export show it. */
export function describeReason(language: Language, reason: PlanReason): string {
  switch (reason.code) {
    case 'role_required': return translate(language, 'trainingNeeds.reasons.role_required');
    case 'expired': return translate(language, 'trainingNeeds.reasons.expired');
    case 'expiring': return translate(language, 'trainingNeeds.reasons.expiring');
    case 'caseload': return translate(language, 'trainingNeeds.reasons.caseload', { share: Math.round((reason.share ?? 0) * 100) });
    case 'prerequisite': return translate(language, 'trainingNeeds.reasons.prerequisite', { module: reason.moduleCode ?? '' });
    case 'no_response': return translate(language, 'trainingNeeds.reasons.no_response');
  }
}

/** The plan as one table (a row per person and module) for CSV and XLSX. */
export function planTable(language: Language, plan: TTrainingPlan, campaignTitle: string): ReportTable {
  const t = (key: string) => translate(language, key);
  return {
    title: campaignTitle,
    headers: [t('trainingNeeds.plan.columns.priority'), t('trainingNeeds.plan.columns.office'), t('trainingNeeds.plan.columns.person'),
      t('trainingNeeds.plan.columns.module'), t('trainingNeeds.plan.columns.level'), t('trainingNeeds.plan.columns.format'),
      t('trainingNeeds.plan.columns.step'), t('trainingNeeds.plan.columns.competencies'), t('trainingNeeds.plan.columns.reasons')],
    rows: plan.items.map((item) => [
      t(PRIORITY_KEYS[item.priority]), item.officeName, item.fullName,
      item.moduleCode ? `${item.moduleCode} · ${item.moduleTitle}` : t('trainingNeeds.plan.noModule'),
      item.level ? t(LEVEL_KEYS[item.level] ?? item.level) : null, item.format ? t(FORMAT_KEYS[item.format]) : null, item.step,
      item.competencies.map((c) => c.title).join('; '), item.reasons.map((r) => describeReason(language, r)).join('; '),
    ]),
  };
}

/** Records that the plan (names and self-assessments) left the system. */
export async function auditPlanExport(db: Database, ctx: RequestContext, id: string, format: string, items: number): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, ctx, { action: 'training.plan_exported', entityType: 'training_campaign', entityId: id,
    details: { format, items } }));
}
