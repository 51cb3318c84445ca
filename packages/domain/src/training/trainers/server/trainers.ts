import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';

import { versionConflict } from '../../../shared/server/db-errors.ts';
import type { TTrainer, ZCertificationInput, ZTrainerInput, ZTrainerUpdate } from '../trainers.schemas.ts';

const TRAINER_SELECT = `SELECT t.id, t.user_id AS "userId", t.full_name AS "fullName", t.organisation, t.country_code AS "countryCode",
    t.languages, t.email, t.active, t.version,
    coalesce((SELECT jsonb_agg(jsonb_build_object('moduleId', m.id, 'moduleCode', m.code, 'certifiedOn', c.certified_on,
                'expiresOn', c.expires_on) ORDER BY m.code)
                FROM trainer_certifications c JOIN training_modules m ON m.id = c.module_id WHERE c.trainer_id = t.id), '[]') AS certifications
  FROM trainers t`;

export async function listTrainers(db: Queryable, ctx: RequestContext): Promise<TTrainer[]> {
  const { rows } = await db.query<TTrainer>(`${TRAINER_SELECT} WHERE t.operation_id = $1 ORDER BY t.active DESC, t.full_name`,
    [actorOf(ctx).operationId]);
  return rows;
}

async function getTrainer(db: Queryable, id: string): Promise<TTrainer> {
  const { rows } = await db.query<TTrainer>(`${TRAINER_SELECT} WHERE t.id = $1`, [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/** Adds a trainer to the roster; a staff account can be on it once. */
export async function createTrainer(db: Database, ctx: RequestContext, input: z.infer<typeof ZTrainerInput>): Promise<TTrainer> {
  actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    if (input.userId) {
      const user = await tx.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
      if (user.rowCount === 0) throw fieldError('userId', 'validation.unknown_reference');
      const listed = await tx.query('SELECT 1 FROM trainers WHERE user_id = $1', [input.userId]);
      if (listed.rowCount) throw fieldError('userId', 'validation.trainer_listed');
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO trainers (user_id, full_name, organisation, country_code, languages, email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.userId, input.fullName, input.organisation, input.countryCode, input.languages, input.email]);
    await recordAudit(tx, ctx, { action: 'training.trainer_added', entityType: 'trainer', entityId: rows[0]!.id,
      details: { fullName: input.fullName, organisation: input.organisation, userId: input.userId } });
    return rows[0]!.id;
  });
  return getTrainer(db, id);
}

/** Certifies (or re-certifies) a trainer for a module: train-the-trainer status is per module. */
export async function certifyTrainer(db: Database, ctx: RequestContext, trainerId: string, moduleId: string,
  input: z.infer<typeof ZCertificationInput>): Promise<TTrainer> {
  actorOf(ctx);
  await db.transaction(async (tx) => {
    await getTrainer(tx, trainerId);
    const module = await tx.query('SELECT 1 FROM training_modules WHERE id = $1', [moduleId]);
    if (module.rowCount === 0) throw new AppError('NOT_FOUND');
    await tx.query(
      `INSERT INTO trainer_certifications (trainer_id, module_id, certified_on, expires_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (trainer_id, module_id) DO UPDATE SET certified_on = EXCLUDED.certified_on, expires_on = EXCLUDED.expires_on`,
      [trainerId, moduleId, input.certifiedOn, input.expiresOn]);
    await recordAudit(tx, ctx, { action: 'training.trainer_certified', entityType: 'trainer', entityId: trainerId,
      details: { moduleId, certifiedOn: input.certifiedOn, expiresOn: input.expiresOn } });
  });
  return getTrainer(db, trainerId);
}

/** Changes a roster entry; a staff account can still be on the roster only once. */
export async function updateTrainer(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZTrainerUpdate>): Promise<TTrainer> {
  actorOf(ctx);
  await db.transaction(async (tx) => {
    const before = await getTrainer(tx, id);
    if (input.userId && input.userId !== before.userId) {
      const user = await tx.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
      if (user.rowCount === 0) throw fieldError('userId', 'validation.unknown_reference');
      const listed = await tx.query('SELECT 1 FROM trainers WHERE user_id = $1', [input.userId]);
      if (listed.rowCount) throw fieldError('userId', 'validation.trainer_listed');
    }
    const updated = await tx.query(
      `UPDATE trainers SET user_id = $2, full_name = $3, organisation = $4, country_code = $5, languages = $6, email = $7, active = $8,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $9`,
      [id, input.userId, input.fullName, input.organisation, input.countryCode, input.languages, input.email, input.active, input.version]);
    if (updated.rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, { action: 'training.trainer_updated', entityType: 'trainer', entityId: id,
      details: { fullName: input.fullName, organisation: input.organisation, active: input.active } });
  });
  return getTrainer(db, id);
}

/** Withdraws a trainer's certification for a module (sessions already staffed keep their trainer). */
export async function removeCertification(db: Database, ctx: RequestContext, trainerId: string, moduleId: string): Promise<TTrainer> {
  actorOf(ctx);
  await db.transaction(async (tx) => {
    const removed = await tx.query<{ certified_on: string }>(
      'DELETE FROM trainer_certifications WHERE trainer_id = $1 AND module_id = $2 RETURNING certified_on::text', [trainerId, moduleId]);
    if (removed.rowCount === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'training.trainer_certification_removed', entityType: 'trainer', entityId: trainerId,
      details: { moduleId, certifiedOn: removed.rows[0]!.certified_on } });
  });
  return getTrainer(db, trainerId);
}
