import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TEvaluationInput, TEvaluationUpdate } from '../evaluations.schemas.ts';

export interface CreateEvaluationOptions { input: TEvaluationInput }
export interface UpdateEvaluationOptions { id: string; input: TEvaluationUpdate }

/** Every linked session must exist in the operation; one answer names each unknown one. */
async function checkSessions(tx: Queryable, operationId: number, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM training_sessions WHERE id = ANY($1::uuid[]) AND operation_id = $2', [sessionIds, operationId]);
  const known = new Set(rows.map((r) => r.id));
  const errors = new FieldErrors();
  sessionIds.forEach((id, i) => { if (!known.has(id)) errors.add(`sessionIds.${i}`, 'validation.unknown_reference'); });
  errors.throwIfAny();
}

async function writeParts(tx: Queryable, actionId: string, userId: string, input: TEvaluationInput): Promise<void> {
  await tx.query('DELETE FROM capacity_action_sessions WHERE action_id = $1', [actionId]);
  await tx.query('INSERT INTO capacity_action_sessions (action_id, session_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [actionId, input.sessionIds]);
  await tx.query('DELETE FROM capacity_action_criteria WHERE action_id = $1', [actionId]);
  for (const c of input.criteria) {
    await tx.query(`INSERT INTO capacity_action_criteria (action_id, criterion, rating, assessment, evidence, updated_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actionId, c.criterion, c.rating, c.assessment, c.evidence, userId]);
  }
}

/** Records a capacity-building action of the coordinator's institution, its sessions and what the evaluator has written so far (ADR 047). */
export async function createEvaluation(db: Database, ctx: RequestContext, options: CreateEvaluationOptions): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    await checkSessions(tx, actor.operationId, input.sessionIds);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO capacity_actions (operation_id, institution_id, title, kind, funder, objectives, partners, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [actor.operationId, actor.institutionId, input.title, input.kind, input.funder, input.objectives, input.partners, input.startsOn, input.endsOn, actor.userId]);
    const id = rows[0]!.id;
    await writeParts(tx, id, actor.userId, input);
    await recordAudit(tx, ctx, { action: 'evaluation.created', entityType: 'capacity_action', entityId: id,
      details: { title: input.title, kind: input.kind, sessions: input.sessionIds.length, criteria: input.criteria.map((c) => c.criterion) } });
    return { id };
  });
}

/** Replaces an action's record as a whole (one form), if the caller read its current version and it is their institution's. */
export async function updateEvaluation(db: Database, ctx: RequestContext, options: UpdateEvaluationOptions): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  const { id, input } = options;
  return db.transaction(async (tx) => {
    const current = (await tx.query<{ institution_id: string; version: number; title: string }>(
      'SELECT institution_id, version, title FROM capacity_actions WHERE id = $1 AND operation_id = $2 FOR UPDATE', [id, actor.operationId])).rows[0];
    if (!current) throw new AppError('NOT_FOUND');
    if (current.institution_id !== actor.institutionId) throw new AppError('FORBIDDEN');
    if (current.version !== input.version) throw versionConflict({ id, version: current.version });
    await checkSessions(tx, actor.operationId, input.sessionIds);
    await tx.query(
      `UPDATE capacity_actions SET title = $2, kind = $3, funder = $4, objectives = $5, partners = $6, starts_on = $7, ends_on = $8,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, input.title, input.kind, input.funder, input.objectives, input.partners, input.startsOn, input.endsOn]);
    await writeParts(tx, id, actor.userId, input);
    await recordAudit(tx, ctx, { action: 'evaluation.updated', entityType: 'capacity_action', entityId: id,
      details: { title: input.title, version: input.version + 1, sessions: input.sessionIds.length, criteria: input.criteria.map((c) => `${c.criterion}:${c.rating}`) } });
    return { id };
  });
}
