import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TGuaranteeCatalog, ZGuaranteeRuleInput, ZGuaranteeRuleUpdate, ZGuaranteeTypeUpdate } from '../screening.schemas.ts';

type Catalog = TGuaranteeCatalog;

function requireManager(ctx: RequestContext) {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('manage:procedure:all')) throw new AppError('FORBIDDEN');
  return actor;
}

const TYPE_SELECT = `SELECT code, coalesce(title ->> $1, title ->> 'es-MX') AS title, coalesce(description ->> $1, description ->> 'es-MX') AS description,
  source, governs_interview AS "governsInterview", version FROM guarantee_types`;
const RULE_SELECT = `SELECT id, need_code AS "needCode", guarantee_code AS "guaranteeCode", active, version FROM guarantee_rules`;

/** The guarantees a need calls for, with their sources: read by whoever reads the procedure's steps. */
export async function listGuaranteeCatalog(db: Queryable, ctx: RequestContext): Promise<Catalog> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:procedure:all')) throw new AppError('FORBIDDEN');
  const [types, rules] = await Promise.all([
    db.query<Catalog['types'][number]>(`${TYPE_SELECT} ORDER BY sort`, [actor.language]),
    db.query<Catalog['rules'][number]>(`${RULE_SELECT} WHERE operation_id = $1 ORDER BY need_code, guarantee_code`, [actor.operationId]),
  ]);
  return { types: types.rows, rules: rules.rows };
}

/** Adds a rule need → guarantee (administrators; audited). New needs identified from then on call for it. */
export async function createGuaranteeRule(db: Database, ctx: RequestContext, input: z.infer<typeof ZGuaranteeRuleInput>): Promise<Catalog['rules'][number]> {
  const actor = requireManager(ctx);
  return withUniqueFields(() => db.transaction(async (tx) => {
    const known = await tx.query('SELECT 1 FROM guarantee_types WHERE code = $1', [input.guaranteeCode]);
    if (!known.rowCount) throw fieldError('guaranteeCode', 'validation.unknown_reference');
    const { rows } = await tx.query<Catalog['rules'][number]>(
      `INSERT INTO guarantee_rules (operation_id, need_code, guarantee_code) VALUES ($1, $2, $3)
       RETURNING id, need_code AS "needCode", guarantee_code AS "guaranteeCode", active, version`,
      [actor.operationId, input.needCode, input.guaranteeCode]);
    await recordAudit(tx, ctx, { action: 'guarantee_rule.created', entityType: 'guarantee_rule', entityId: rows[0]!.id, details: { ...input } });
    return rows[0]!;
  }), 'guaranteeCode');
}

/** Activates or deactivates a rule; guarantees already on claims stay as they are. */
export async function updateGuaranteeRule(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZGuaranteeRuleUpdate>,
): Promise<Catalog['rules'][number]> {
  const actor = requireManager(ctx);
  return db.transaction(async (tx) => {
    const before = (await tx.query<Catalog['rules'][number]>(`${RULE_SELECT} WHERE id = $1 AND operation_id = $2`, [id, actor.operationId])).rows[0];
    if (!before) throw new AppError('NOT_FOUND');
    const { rows } = await tx.query<Catalog['rules'][number]>(
      `UPDATE guarantee_rules SET active = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2
       RETURNING id, need_code AS "needCode", guarantee_code AS "guaranteeCode", active, version`, [id, input.version, input.active]);
    if (!rows[0]) throw versionConflict(before);
    await recordAudit(tx, ctx, { action: 'guarantee_rule.updated', entityType: 'guarantee_rule', entityId: id,
      details: { before: { active: before.active }, after: { active: input.active } } });
    return rows[0];
  });
}

/** Changes a guarantee's source or whether it governs the interview (administrators; audited). */
export async function updateGuaranteeType(
  db: Database, ctx: RequestContext, code: string, input: z.infer<typeof ZGuaranteeTypeUpdate>,
): Promise<Catalog['types'][number]> {
  const actor = requireManager(ctx);
  return db.transaction(async (tx) => {
    const before = (await tx.query<Catalog['types'][number]>(`${TYPE_SELECT} WHERE code = $2`, [actor.language, code])).rows[0];
    if (!before) throw new AppError('NOT_FOUND');
    const { rowCount } = await tx.query(
      `UPDATE guarantee_types SET source = $3, governs_interview = $4, version = version + 1, updated_at = now()
        WHERE code = $1 AND version = $2`, [code, input.version, input.source, input.governsInterview]);
    if (rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, { action: 'guarantee_type.updated', entityType: 'guarantee_type', entityId: null,
      details: { code, before: { source: before.source, governsInterview: before.governsInterview },
        after: { source: input.source, governsInterview: input.governsInterview } } });
    return (await tx.query<Catalog['types'][number]>(`${TYPE_SELECT} WHERE code = $2`, [actor.language, code])).rows[0]!;
  });
}
