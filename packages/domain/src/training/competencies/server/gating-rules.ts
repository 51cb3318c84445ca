/** Gating rules as data: the coordinator adds, deactivates and reactivates them (audited). */
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { versionConflict } from '../../../shared/server/db-errors.ts';

import type { ZGatingRule, ZGatingRuleInput, ZGatingRules, ZGatingRuleUpdate } from '../competencies.schemas.ts';

type TGatingRule = z.infer<typeof ZGatingRule>;

const RULE_SELECT = `SELECT r.id, r.need_code AS "needCode", r.competency_code AS "competencyCode",
    coalesce(c.title ->> $1, c.title ->> 'es-MX', c.code) AS "competencyTitle", r.active, r.rationale, r.version
  FROM competency_gating_rules r JOIN competencies c ON c.code = r.competency_code`;

export async function listGatingRules(db: Queryable, ctx: RequestContext): Promise<z.infer<typeof ZGatingRules>> {
  const language = actorOf(ctx).language;
  const rules = await db.query<TGatingRule>(`${RULE_SELECT} ORDER BY r.need_code, r.competency_code`, [language]);
  const competencies = await db.query<{ code: string; title: string }>(
    `SELECT code, coalesce(title ->> $1, title ->> 'es-MX', code) AS title FROM competencies ORDER BY 2`, [language]);
  return { rules: rules.rows, competencies: competencies.rows };
}

async function loadRule(db: Queryable, ctx: RequestContext, id: string): Promise<TGatingRule> {
  const { rows } = await db.query<TGatingRule>(`${RULE_SELECT} WHERE r.id = $2`, [actorOf(ctx).language, id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

export async function createGatingRule(db: Database, ctx: RequestContext, input: z.infer<typeof ZGatingRuleInput>): Promise<TGatingRule> {
  actorOf(ctx);
  return db.transaction(async (tx) => {
    const known = await tx.query('SELECT 1 FROM competencies WHERE code = $1', [input.competencyCode]);
    if (known.rowCount === 0) throw fieldError('competencyCode', 'validation.unknown_reference');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO competency_gating_rules (need_code, competency_code, rationale) VALUES ($1, $2, $3)
       ON CONFLICT (operation_id, need_code, competency_code) DO NOTHING RETURNING id`,
      [input.needCode, input.competencyCode, input.rationale]);
    if (!rows[0]) throw new AppError('ALREADY_EXISTS', { fieldErrors: [{ field: 'competencyCode', code: 'validation.invalid_value' }] });
    await recordAudit(tx, ctx, { action: 'gating_rule.created', entityType: 'competency_gating_rule', entityId: rows[0].id, details: input });
    return loadRule(tx, ctx, rows[0].id);
  });
}

/** Deactivating a rule stops it from gating new assignments; past assignments keep what they required. */
export async function updateGatingRule(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZGatingRuleUpdate>): Promise<TGatingRule> {
  return db.transaction(async (tx) => {
    const before = await loadRule(tx, ctx, id);
    const { rowCount } = await tx.query(
      `UPDATE competency_gating_rules SET active = $3, rationale = $4, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`, [id, input.version, input.active, input.rationale]);
    if (rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, {
      action: 'gating_rule.updated', entityType: 'competency_gating_rule', entityId: id,
      details: { before: { active: before.active, rationale: before.rationale }, after: { active: input.active, rationale: input.rationale } },
    });
    return loadRule(tx, ctx, id);
  });
}
