import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TextField } from '../interviews.rules.ts';
import type { TSavedPiece, TTextSave } from '../interviews.schemas.ts';
import { notAllowedIn, openForWriting } from './open-for-writing.ts';
import { ISO } from './template-rows.ts';

export interface SaveTextOptions {
  id: string;
  field: TextField;
  input: TTextSave;
}

// Column names come from this closed map, never from the request.
const COLUMNS: Record<TextField, { text: string; version: string }> = {
  narrative: { text: 'narrative', version: 'narrative_version' },
  observations: { text: 'observations', version: 'observations_version' },
};

/**
 * Autosaves the free narrative or the observations while the interview is in progress (ADR 025).
 * The caller names the version it last saw: a save over a newer one (another tab, another
 * device) writes nothing and answers 409 with the text saved, so no answer is ever lost silently.
 */
export async function saveText(db: Database, ctx: RequestContext, { id, field, input }: SaveTextOptions): Promise<TSavedPiece> {
  const actor = actorOf(ctx);
  const column = COLUMNS[field];
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress']);
    const { rows: [saved] } = await tx.query<{ version: number; updatedAt: string }>(
      `UPDATE interviews SET ${column.text} = $2, ${column.version} = ${column.version} + 1, updated_at = now()
        WHERE id = $1 AND ${column.version} = $3 AND status = 'in_progress' RETURNING ${column.version} AS version, ${ISO('updated_at')} AS "updatedAt"`,
      [id, input.text, input.version]);
    if (!saved) {
      const { rows: [current] } = await tx.query<{ text: string; version: number; updatedAt: string; status: 'in_progress' | 'read_back' | 'signed' }>(
        `SELECT ${column.text} AS text, ${column.version} AS version, ${ISO('updated_at')} AS "updatedAt", status FROM interviews WHERE id = $1`, [id]);
      if (current!.status !== 'in_progress') throw notAllowedIn(current!.status);
      throw versionConflict({ key: field, text: current!.text, version: current!.version, updatedAt: current!.updatedAt, updatedBy: null } satisfies TSavedPiece);
    }
    await recordAudit(tx, ctx, { action: 'interview.text_saved', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { field, version: saved.version, length: input.text.length } });
    return { key: field, version: saved.version, updatedAt: saved.updatedAt, updatedBy: null };
  });
}
