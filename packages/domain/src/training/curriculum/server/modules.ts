import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../../audit/server/index.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { versionConflict, withUniqueFields } from '../../../shared/server/db-errors.ts';

import type { TCurriculumModule, TModuleInput, TModuleUpdate } from '../curriculum.schemas.ts';

const localized = (column: string) =>
  `jsonb_build_object('es-MX', coalesce(${column} ->> 'es-MX', ''), 'en', coalesce(${column} ->> 'en', ''), 'fr', coalesce(${column} ->> 'fr', ''))`;

const MODULE_SELECT = `SELECT m.id, m.code, ${localized('m.title')} AS title, ${localized('m.description')} AS description, m.level,
    m.target_groups AS "targetGroups", m.formats, m.online_hours::float8 AS "onlineHours", m.face_to_face_days::float8 AS "faceToFaceDays",
    m.validity_months AS "validityMonths", m.completion_rule AS "completionRule", m.experience_route AS "experienceRoute",
    coalesce((SELECT array_agg(competency_code ORDER BY competency_code) FROM training_module_competencies WHERE module_id = m.id), '{}') AS competencies,
    coalesce((SELECT array_agg(competency_code ORDER BY competency_code) FROM training_module_prerequisites WHERE module_id = m.id), '{}') AS prerequisites,
    coalesce((SELECT array_agg(guide_code ORDER BY guide_code) FROM training_guide_modules WHERE module_id = m.id), '{}') AS "guideCodes",
    m.active, m.version, m.updated_at::text AS "updatedAt"
  FROM training_modules m`;

async function findModule(db: Queryable, operationId: number, id: string): Promise<TCurriculumModule | null> {
  const { rows } = await db.query<TCurriculumModule>(`${MODULE_SELECT} WHERE m.id = $1 AND m.operation_id = $2`, [id, operationId]);
  return rows[0] ?? null;
}

/** One module with every language, for the detail page and the coordinator's form. */
export async function getModule(db: Queryable, ctx: RequestContext, id: string): Promise<TCurriculumModule> {
  const module = await findModule(db, actorOf(ctx).operationId, id);
  if (!module) throw new AppError('NOT_FOUND');
  return module;
}

/** Unknown competency codes are named on their field instead of failing on the foreign key. */
async function checkCompetencies(db: Queryable, input: TModuleInput): Promise<void> {
  for (const field of ['competencies', 'prerequisites'] as const) {
    const codes = input[field];
    if (codes.length === 0) continue;
    const { rows } = await db.query<{ code: string }>('SELECT code FROM competencies WHERE code = ANY($1::text[])', [codes]);
    const known = new Set(rows.map((r) => r.code));
    const index = codes.findIndex((code) => !known.has(code));
    if (index >= 0) throw fieldError(`${field}.${index}`, 'validation.unknown_reference');
  }
  const selfRequired = input.prerequisites.find((code) => input.competencies.includes(code));
  if (selfRequired) throw fieldError('prerequisites', 'validation.prerequisite_conferred');
}

/** Parameters $1–$11 of the insert and the update (JSON columns sent as text). */
const columns = (input: TModuleInput) => [
  JSON.stringify(input.title), JSON.stringify(input.description), input.level, input.targetGroups, input.formats, input.onlineHours, input.faceToFaceDays,
  input.validityMonths, JSON.stringify(input.completionRule),
  input.experienceRoute ? JSON.stringify(input.experienceRoute) : null, input.active,
];

async function replaceCompetencies(tx: Queryable, moduleId: string, input: TModuleInput): Promise<void> {
  await tx.query('DELETE FROM training_module_competencies WHERE module_id = $1', [moduleId]);
  await tx.query('DELETE FROM training_module_prerequisites WHERE module_id = $1', [moduleId]);
  await tx.query('INSERT INTO training_module_competencies (module_id, competency_code) SELECT $1, unnest($2::text[])', [moduleId, input.competencies]);
  await tx.query('INSERT INTO training_module_prerequisites (module_id, competency_code) SELECT $1, unnest($2::text[])', [moduleId, input.prerequisites]);
}

/** Adds a module to the curriculum; its code is unique in the operation. */
export async function createModule(db: Database, ctx: RequestContext, input: TModuleInput): Promise<TCurriculumModule> {
  const actor = actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    await checkCompetencies(tx, input);
    const { rows } = await withUniqueFields(() => tx.query<{ id: string }>(
      `INSERT INTO training_modules (title, description, level, target_groups, formats, online_hours, face_to_face_days, validity_months,
                                     completion_rule, experience_route, active, code, operation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [...columns(input), input.code, actor.operationId]), 'code');
    const moduleId = rows[0]!.id;
    await replaceCompetencies(tx, moduleId, input);
    await recordAudit(tx, ctx, { action: 'training.module_created', entityType: 'training_module', entityId: moduleId,
      details: { code: input.code, level: input.level, competencies: input.competencies } });
    return moduleId;
  });
  return getModule(db, ctx, id);
}

/** Changes a module (409 with the current one when `version` is stale); the code never changes. */
export async function updateModule(db: Database, ctx: RequestContext, id: string, input: TModuleUpdate): Promise<TCurriculumModule> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const before = await findModule(tx, actor.operationId, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.code !== before.code) throw fieldError('code', 'validation.module_code_fixed');
    await checkCompetencies(tx, input);
    const updated = await tx.query(
      `UPDATE training_modules SET title = $1, description = $2, level = $3, target_groups = $4, formats = $5, online_hours = $6,
              face_to_face_days = $7, validity_months = $8, completion_rule = $9, experience_route = $10, active = $11,
              version = version + 1, updated_at = now()
        WHERE id = $12 AND version = $13`,
      [...columns(input), id, input.version]);
    if (updated.rowCount === 0) throw versionConflict(before);
    await replaceCompetencies(tx, id, input);
    await recordAudit(tx, ctx, { action: 'training.module_updated', entityType: 'training_module', entityId: id,
      details: { code: before.code, changed: changedFields(before, input) } });
  });
  return getModule(db, ctx, id);
}

/** Names of the fields an update changed, for the audit trail. */
function changedFields(before: TCurriculumModule, after: TModuleInput): string[] {
  const keys = ['title', 'description', 'level', 'targetGroups', 'formats', 'onlineHours', 'faceToFaceDays', 'validityMonths',
    'completionRule', 'experienceRoute', 'competencies', 'prerequisites', 'active'] as const;
  return keys.filter((key) => JSON.stringify(normalise(before[key])) !== JSON.stringify(normalise(after[key])));
}

/** Key order and array order do not count as a change. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise).toSorted();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).toSorted(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}
