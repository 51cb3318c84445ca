import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../../audit/server/index.ts';
import { ROLE_CODES } from '../../../shared/permissions.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { type Actor, type RequestContext, actorOf } from '../../../shared/context.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';

import type {
  TCampaign, TCampaignInput, TCampaignUpdate, TMyCampaign, TNeedsResponse, TNeedsResponseInput, ZCampaignResponses,
} from '../needs.schemas.ts';
import type { z } from 'zod';
import { TODAY_SQL } from '../../../shared/time.ts';

/**
 * The staff a campaign addresses: active accounts working at an office of its institution (or
 * at its one office) in a role the programme trains (one with required competencies). Someone
 * working at two offices is counted once, at the first by name. Arguments are SQL expressions
 * (parameters or a campaign's columns).
 */
export const campaignStaff = (operation: string, institution: string, office: string) => `
  SELECT DISTINCT ON (u.id) u.id AS user_id, u.full_name, o.id AS office_id, o.name AS office_name,
         ARRAY(SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.code) AS roles
    FROM users u
    JOIN user_offices uo ON uo.user_id = u.id
    JOIN offices o ON o.id = uo.office_id
   WHERE u.active AND u.operation_id = ${operation} AND o.institution_id = ${institution} AND (${office} IS NULL OR o.id = ${office})
     AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                   JOIN role_required_competencies rc ON rc.role_code = r.code AND rc.operation_id = ${operation}
                  WHERE ur.user_id = u.id)
   ORDER BY u.id, o.name`;

const CAMPAIGN_SELECT = `SELECT c.id, c.institution_id AS "institutionId", i.name AS "institutionName", c.office_id AS "officeId",
    o.name AS "officeName", c.title, c.description, c.opens_on::text AS "opensOn", c.closes_on::text AS "closesOn", c.status,
    c.caseload_months AS "caseloadMonths", c.version,
    (SELECT count(*)::int FROM (${campaignStaff('c.operation_id', 'c.institution_id', 'c.office_id')}) s) AS "staffCount",
    (SELECT count(*)::int FROM training_needs_responses r WHERE r.campaign_id = c.id) AS "responseCount"
  FROM training_campaigns c JOIN institutions i ON i.id = c.institution_id LEFT JOIN offices o ON o.id = c.office_id`;

/** The coordinator's institution's campaigns, the most recent first. */
export async function listCampaigns(db: Queryable, ctx: RequestContext): Promise<TCampaign[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<TCampaign>(`${CAMPAIGN_SELECT} WHERE c.operation_id = $1 AND c.institution_id = $2 ORDER BY c.opens_on DESC, c.title`,
    [actor.operationId, actor.institutionId]);
  return rows;
}

/** A campaign of the coordinator's institution; another institution's is not found. */
export async function getCampaign(db: Queryable, ctx: RequestContext, id: string): Promise<TCampaign> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<TCampaign>(`${CAMPAIGN_SELECT} WHERE c.id = $1 AND c.institution_id = $2`, [id, actor.institutionId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

async function checkOffice(db: Queryable, actor: Actor, officeId: string | null): Promise<void> {
  if (!officeId) return;
  const { rowCount } = await db.query('SELECT 1 FROM offices WHERE id = $1 AND institution_id = $2', [officeId, actor.institutionId]);
  if (!rowCount) throw fieldError('officeId', 'validation.unknown_reference');
}

/** Opens a campaign for the coordinator's institution (or one of its offices); a draft until opened. */
export async function createCampaign(db: Database, ctx: RequestContext, input: TCampaignInput): Promise<TCampaign> {
  const actor = actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    await checkOffice(tx, actor, input.officeId);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO training_campaigns (operation_id, institution_id, office_id, title, description, opens_on, closes_on, caseload_months, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9) RETURNING id`,
      [actor.operationId, actor.institutionId, input.officeId, input.title, input.description, input.opensOn, input.closesOn,
        input.caseloadMonths, actor.userId]);
    await recordAudit(tx, ctx, { action: 'training.campaign_created', entityType: 'training_campaign', entityId: rows[0]!.id,
      details: { title: input.title, officeId: input.officeId, opensOn: input.opensOn, closesOn: input.closesOn } });
    return rows[0]!.id;
  });
  return getCampaign(db, ctx, id);
}

const EDITABLE = ['title', 'description', 'officeId', 'opensOn', 'closesOn', 'caseloadMonths', 'status'] as const;

/** Changes a campaign (409 with the current one on a stale version). */
export async function updateCampaign(db: Database, ctx: RequestContext, id: string, input: TCampaignUpdate): Promise<TCampaign> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const before = await getCampaign(tx, ctx, id);
    await checkOffice(tx, actor, input.officeId);
    const updated = await tx.query(
      `UPDATE training_campaigns SET title = $2, description = $3, office_id = $4, opens_on = $5, closes_on = $6, caseload_months = $7,
              status = $8, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $9`,
      [id, input.title, input.description, input.officeId, input.opensOn, input.closesOn, input.caseloadMonths, input.status, input.version]);
    if (updated.rowCount === 0) throw versionConflict(before);
    const changed = EDITABLE.filter((field) => before[field] !== input[field]);
    await recordAudit(tx, ctx, { action: 'training.campaign_updated', entityType: 'training_campaign', entityId: id,
      details: { changed, status: input.status } });
  });
  return getCampaign(db, ctx, id);
}

const RESPONSE_SELECT = `SELECT r.campaign_id AS "campaignId", r.user_id AS "userId", u.full_name AS "fullName",
    (SELECT o.name FROM user_offices uo JOIN offices o ON o.id = uo.office_id WHERE uo.user_id = u.id ORDER BY o.name LIMIT 1) AS "officeName",
    r.role_code AS "roleCode", r.years_experience::float8 AS "yearsExperience", r.self_levels AS "selfLevels",
    r.preferred_format AS "preferredFormat", r.languages, r.comments, r.submitted_at AS "submittedAt", r.version
  FROM training_needs_responses r JOIN users u ON u.id = r.user_id`;

/** Who answered a campaign and who has not yet, for the coordinator to follow up. */
export async function listCampaignResponses(db: Queryable, ctx: RequestContext, id: string): Promise<z.infer<typeof ZCampaignResponses>> {
  const campaign = await getCampaign(db, ctx, id);
  const actor = actorOf(ctx);
  const responses = await db.query<TNeedsResponse>(`${RESPONSE_SELECT} WHERE r.campaign_id = $1 ORDER BY u.full_name`, [id]);
  const pending = await db.query<{ userId: string; fullName: string; officeName: string }>(
    `SELECT s.user_id AS "userId", s.full_name AS "fullName", s.office_name AS "officeName" FROM (${campaignStaff('$1', '$2', '$3::uuid')}) s
      WHERE NOT EXISTS (SELECT 1 FROM training_needs_responses r WHERE r.campaign_id = $4 AND r.user_id = s.user_id)
      ORDER BY s.office_name, s.full_name`,
    [actor.operationId, campaign.institutionId, campaign.officeId, id]);
  return { responses: responses.rows.map(asResponse), pending: pending.rows };
}

const asResponse = (row: TNeedsResponse): TNeedsResponse => ({ ...row, submittedAt: new Date(row.submittedAt).toISOString() });

/** Campaigns addressed to me that are open today, what to rate in them and my answer. */
export async function listMyCampaigns(db: Queryable, ctx: RequestContext): Promise<TMyCampaign[]> {
  const actor = actorOf(ctx);
  const campaigns = await db.query<TCampaign>(
    `${CAMPAIGN_SELECT} WHERE c.operation_id = $1 AND c.status = 'open' AND ${TODAY_SQL} BETWEEN c.opens_on AND c.closes_on
        AND EXISTS (SELECT 1 FROM (${campaignStaff('c.operation_id', 'c.institution_id', 'c.office_id')}) s
                     WHERE s.user_id = $2)
      ORDER BY c.closes_on, c.title`,
    [actor.operationId, actor.userId]);
  if (campaigns.rows.length === 0) return [];
  const competencies = await db.query<{ code: string; title: string; required: boolean }>(
    `SELECT c.code, coalesce(c.title ->> $1, c.title ->> 'es-MX') AS title,
            EXISTS (SELECT 1 FROM role_required_competencies rc JOIN roles r ON r.code = rc.role_code
                      JOIN user_roles ur ON ur.role_id = r.id AND ur.user_id = $2 WHERE rc.competency_code = c.code) AS required
       FROM competencies c WHERE c.active AND c.operation_id = $3 ORDER BY 3 DESC, 2`,
    [actor.language, actor.userId, actor.operationId]);
  const responses = await db.query<TNeedsResponse>(`${RESPONSE_SELECT} WHERE r.user_id = $1 AND r.campaign_id = ANY($2::uuid[])`,
    [actor.userId, campaigns.rows.map((c) => c.id)]);
  return campaigns.rows.map(({ staffCount: _s, responseCount: _r, ...campaign }) => {
    const response = responses.rows.find((r) => r.campaignId === campaign.id);
    return { campaign, competencies: competencies.rows, response: response ? asResponse(response) : null };
  });
}

/**
 * Records my questionnaire for a campaign, or changes it while the campaign is open (409 with my
 * current answer on a stale version). My role is the one on my account the programme trains,
 * not something I declare.
 */
export async function answerCampaign(db: Database, ctx: RequestContext, id: string, input: TNeedsResponseInput): Promise<TNeedsResponse> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const { rows: [campaign] } = await tx.query<{ institution_id: string; office_id: string | null; open: boolean }>(
      `SELECT institution_id, office_id, status = 'open' AND ${TODAY_SQL} BETWEEN opens_on AND closes_on AS open
         FROM training_campaigns WHERE id = $1 AND operation_id = $2 FOR UPDATE`, [id, actor.operationId]);
    if (!campaign) throw new AppError('NOT_FOUND');
    const { rows: [me] } = await tx.query<{ roles: string[] }>(`SELECT s.roles FROM (${campaignStaff('$1', '$2', '$3::uuid')}) s WHERE s.user_id = $4`,
      [actor.operationId, campaign.institution_id, campaign.office_id, actor.userId]);
    if (!me) throw new AppError('NOT_FOUND');
    if (!campaign.open) throw new AppError('CAMPAIGN_NOT_OPEN');
    await checkCompetencyCodes(tx, actor, Object.keys(input.selfLevels));

    const { rows: required } = await tx.query<{ role_code: string }>(
      'SELECT DISTINCT role_code FROM role_required_competencies WHERE operation_id = $1 AND role_code = ANY($2::text[])', [actor.operationId, me.roles]);
    const trained = required.map((r) => r.role_code);
    const roleCode = ROLE_CODES.find((r) => trained.includes(r)) ?? trained[0]!;

    const existing = await tx.query<TNeedsResponse>(`${RESPONSE_SELECT} WHERE r.campaign_id = $1 AND r.user_id = $2`, [id, actor.userId]);
    const values = [id, actor.userId, roleCode, input.yearsExperience, JSON.stringify(input.selfLevels), input.preferredFormat, input.languages, input.comments];
    let version: number;
    if (existing.rows[0]) {
      if (input.version !== existing.rows[0].version) throw versionConflict(asResponse(existing.rows[0]));
      const { rows } = await tx.query<{ version: number }>(
        `UPDATE training_needs_responses SET role_code = $3, years_experience = $4, self_levels = $5, preferred_format = $6, languages = $7,
                comments = $8, submitted_at = now(), version = version + 1, updated_at = now()
          WHERE campaign_id = $1 AND user_id = $2 RETURNING version`, values);
      version = rows[0]!.version;
    } else {
      // A first answer sent twice (a retried request) finds the row the first one inserted: a conflict, never a duplicate.
      const { rows } = await tx.query<{ version: number }>(
        `INSERT INTO training_needs_responses (campaign_id, user_id, role_code, years_experience, self_levels, preferred_format, languages, comments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (campaign_id, user_id) DO NOTHING RETURNING version`, values);
      if (!rows[0]) {
        const current = await tx.query<TNeedsResponse>(`${RESPONSE_SELECT} WHERE r.campaign_id = $1 AND r.user_id = $2`, [id, actor.userId]);
        throw versionConflict(asResponse(current.rows[0]!));
      }
      version = rows[0].version;
    }
    await recordAudit(tx, ctx, { action: 'training.needs_answered', entityType: 'training_campaign', entityId: id,
      details: { userId: actor.userId, version } });
  });
  const { rows } = await db.query<TNeedsResponse>(`${RESPONSE_SELECT} WHERE r.campaign_id = $1 AND r.user_id = $2`, [id, actor.userId]);
  return asResponse(rows[0]!);
}

async function checkCompetencyCodes(db: Queryable, actor: Actor, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const { rows } = await db.query<{ code: string }>('SELECT code FROM competencies WHERE operation_id = $1 AND active AND code = ANY($2::text[])',
    [actor.operationId, codes]);
  const unknown = codes.filter((code) => !rows.some((r) => r.code === code));
  if (unknown.length > 0) throw fieldError(`selfLevels.${unknown[0]}`, 'validation.unknown_reference');
}
