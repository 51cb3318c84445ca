import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TChecklistSave, TSavedPiece } from '../interviews.schemas.ts';
import { checklistIds } from '../templates.rules.ts';
import { openForWriting } from './open-for-writing.ts';
import { frozenContent, ISO } from './template-rows.ts';

export interface SaveChecklistItemOptions {
  id: string;
  itemId: string;
  input: TChecklistSave;
}

/**
 * Ticks (or unticks) a checklist item of a stage, with a note, until the record is signed: the
 * closing and after-interview items are ticked while the record is read back (ADR 025). Over a
 * newer version: 409 with the saved item.
 */
export async function saveChecklistItem(db: Database, ctx: RequestContext, { id, itemId, input }: SaveChecklistItemOptions): Promise<TSavedPiece> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress', 'read_back']);
    if (!checklistIds(await frozenContent(tx, key.template_id)).has(itemId)) throw new AppError('NOT_FOUND');
    const written = input.version === 0
      ? await tx.query<{ version: number; updatedAt: string }>(
        `INSERT INTO interview_checklist (interview_id, item_id, done, note, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (interview_id, item_id) DO NOTHING RETURNING version, ${ISO('updated_at')} AS "updatedAt"`,
        [id, itemId, input.done, input.note, actor.userId])
      : await tx.query<{ version: number; updatedAt: string }>(
        `UPDATE interview_checklist SET done = $3, note = $4, updated_by = $5, version = version + 1, updated_at = now()
          WHERE interview_id = $1 AND item_id = $2 AND version = $6 RETURNING version, ${ISO('updated_at')} AS "updatedAt"`,
        [id, itemId, input.done, input.note, actor.userId, input.version]);
    const saved = written.rows[0];
    if (!saved) {
      const { rows: [current] } = await tx.query<{ done: boolean; note: string; version: number; updatedAt: string; updatedBy: string | null }>(
        `SELECT k.done, k.note, k.version, ${ISO('k.updated_at')} AS "updatedAt", u.full_name AS "updatedBy"
           FROM interview_checklist k LEFT JOIN users u ON u.id = k.updated_by WHERE k.interview_id = $1 AND k.item_id = $2`, [id, itemId]);
      throw versionConflict({ key: itemId, ...(current ?? { done: false, note: '', version: 0, updatedAt: null, updatedBy: null }) } satisfies TSavedPiece);
    }
    await recordAudit(tx, ctx, { action: 'interview.checklist_saved', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { itemId, done: input.done, version: saved.version } });
    return { key: itemId, version: saved.version, updatedAt: saved.updatedAt, updatedBy: null, done: input.done, note: input.note };
  });
}
