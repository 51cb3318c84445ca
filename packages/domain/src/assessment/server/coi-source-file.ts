import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { attachmentName } from '../assessment.rules.ts';

export interface CoiSourceFileOptions {
  sourceId: string;
}

/** A source's stored PDF with the names to send it under (public information: not audited per read). */
export async function coiSourceFile(db: Queryable, ctx: RequestContext, options: CoiSourceFileOptions)
  : Promise<{ content: Buffer; sha256: string; fileName: { utf8: string; ascii: string } }> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:coi:all')) throw new AppError('FORBIDDEN');
  const { rows } = await db.query<{ file_name: string; content: Uint8Array; sha256: string }>(
    'SELECT file_name, content, sha256 FROM coi_sources WHERE id = $1 AND operation_id = $2 AND content IS NOT NULL',
    [options.sourceId, actor.operationId]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  // node-postgres gives a Buffer, PGlite a Uint8Array: the same bytes either way, not copied.
  return { content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength), sha256: row.sha256,
    fileName: attachmentName(row.file_name, 'fuente.pdf') };
}
