import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';

import { GUIDE_MAX_BYTES, type TGuide, type TGuideFileQuery, type TGuideLinkInput, type ZGuideQuery } from '../guides.schemas.ts';
import { downloadName, isPdf } from '../guides.rules.ts';

const GUIDE_SELECT = `SELECT g.id, g.code, g.language, g.version, g.title, g.kind, g.url, g.file_name AS "fileName",
    octet_length(g.content) AS "sizeBytes", g.sha256,
    NOT EXISTS (SELECT 1 FROM training_guides later WHERE later.operation_id = g.operation_id AND later.code = g.code
                   AND later.language = g.language AND later.version > g.version) AS latest,
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', m.id, 'code', m.code) ORDER BY m.code)
                FROM training_guide_modules gm JOIN training_modules m ON m.id = gm.module_id
               WHERE gm.operation_id = g.operation_id AND gm.guide_code = g.code), '[]') AS modules,
    u.full_name AS "createdBy", g.created_at::text AS "createdAt"
  FROM training_guides g LEFT JOIN users u ON u.id = g.created_by`;

/** The library: the latest version per code and language unless the history is asked for. */
export async function listGuides(db: Queryable, ctx: RequestContext, query: z.infer<typeof ZGuideQuery>): Promise<TGuide[]> {
  const params: unknown[] = [actorOf(ctx).operationId];
  const where = ['g.operation_id = $1'];
  const add = (sql: string, value: unknown) => { params.push(value); where.push(sql.replace('?', `$${params.length}`)); };
  if (query.code) add('g.code = ?', query.code);
  if (query.language) add('g.language = ?', query.language);
  if (query.moduleId) add('g.code IN (SELECT guide_code FROM training_guide_modules WHERE module_id = ?)', query.moduleId);
  const { rows } = await db.query<TGuide>(
    `SELECT * FROM (${GUIDE_SELECT} WHERE ${where.join(' AND ')}) guides ${query.history ? '' : 'WHERE latest'}
      ORDER BY code, language, version DESC`, params);
  return rows;
}

async function getGuide(db: Queryable, operationId: number, id: string): Promise<TGuide> {
  const { rows } = await db.query<TGuide>(`${GUIDE_SELECT} WHERE g.id = $1 AND g.operation_id = $2`, [id, operationId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

type NewVersion = { kind: 'link'; url: string } | { kind: 'file'; fileName: string; content: Uint8Array; sha256: string };

/** Adds the next version of a guide in one language: earlier versions stay, superseded, in the history. */
async function addVersion(db: Database, ctx: RequestContext, meta: { code: string; language: string; title: string }, source: NewVersion): Promise<TGuide> {
  const actor = actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    // Two uploads of the same guide and language at once would pick the same number.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('training_guides:' || $1 || ':' || $2))`, [meta.code, meta.language]);
    const { rows } = await tx.query<{ id: string; version: number }>(
      `INSERT INTO training_guides (operation_id, code, language, version, title, kind, url, file_name, content_type, content, sha256, created_by)
       SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4::text, $5::text, $6::text, $7::text, $8::text, $9::bytea, $10::text, $11::uuid
         FROM training_guides WHERE operation_id = $1 AND code = $2 AND language = $3
       RETURNING id, version`,
      [actor.operationId, meta.code, meta.language, meta.title, source.kind,
        source.kind === 'link' ? source.url : null,
        source.kind === 'file' ? source.fileName : null,
        source.kind === 'file' ? 'application/pdf' : null,
        source.kind === 'file' ? source.content : null,
        source.kind === 'file' ? source.sha256 : null,
        actor.userId]);
    const added = rows[0]!;
    await recordAudit(tx, ctx, { action: 'training.guide_version_added', entityType: 'training_guide', entityId: added.id,
      details: { code: meta.code, language: meta.language, version: added.version, kind: source.kind,
        ...(source.kind === 'link' ? { url: source.url } : { fileName: source.fileName, sha256: source.sha256, sizeBytes: source.content.length }) } });
    return added.id;
  });
  return getGuide(db, actor.operationId, id);
}

export function addGuideLink(db: Database, ctx: RequestContext, input: TGuideLinkInput): Promise<TGuide> {
  return addVersion(db, ctx, input, { kind: 'link', url: input.url });
}

/** A PDF version; anything that is not a PDF, or is empty or too large, is refused before a write. */
export function addGuideFile(db: Database, ctx: RequestContext, meta: TGuideFileQuery, content: Uint8Array): Promise<TGuide> {
  if (content.length > GUIDE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!isPdf(content)) throw fieldError('file', 'validation.not_pdf');
  const sha256 = createHash('sha256').update(content).digest('hex');
  return addVersion(db, ctx, meta, { kind: 'file', fileName: downloadName(meta.fileName).utf8, content, sha256 });
}

/** The stored PDF of one version, with the names to send it under. */
export async function guideFile(db: Queryable, ctx: RequestContext, id: string): Promise<{ content: Buffer; fileName: { utf8: string; ascii: string } }> {
  const { rows } = await db.query<{ file_name: string; content: Uint8Array }>(
    `SELECT file_name, content FROM training_guides WHERE id = $1 AND operation_id = $2 AND kind = 'file'`, [id, actorOf(ctx).operationId]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  // node-postgres gives a Buffer, PGlite a Uint8Array: the same bytes either way, not copied.
  return { content: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength), fileName: downloadName(row.file_name) };
}

async function moduleCodeOf(db: Queryable, operationId: number, guideCode: string, moduleId: string): Promise<string> {
  const guide = await db.query('SELECT 1 FROM training_guides WHERE operation_id = $1 AND code = $2 LIMIT 1', [operationId, guideCode]);
  const module = await db.query<{ code: string }>('SELECT code FROM training_modules WHERE operation_id = $1 AND id = $2', [operationId, moduleId]);
  if (guide.rowCount === 0 || !module.rows[0]) throw new AppError('NOT_FOUND');
  return module.rows[0].code;
}

/**
 * Links (or unlinks) a guide to a module: every language and version of the code follows. Setting
 * what is already so changes nothing and writes no audit event, so a retry is harmless.
 */
export async function setGuideModuleLink(db: Database, ctx: RequestContext, guideCode: string, moduleId: string, linked: boolean): Promise<TGuide[]> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const moduleCode = await moduleCodeOf(tx, actor.operationId, guideCode, moduleId);
    const changed = linked
      ? await tx.query(`INSERT INTO training_guide_modules (operation_id, guide_code, module_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [actor.operationId, guideCode, moduleId])
      : await tx.query('DELETE FROM training_guide_modules WHERE operation_id = $1 AND guide_code = $2 AND module_id = $3',
        [actor.operationId, guideCode, moduleId]);
    if (changed.rowCount === 0) return;
    await recordAudit(tx, ctx, { action: linked ? 'training.guide_linked' : 'training.guide_unlinked', entityType: 'training_module',
      entityId: moduleId, details: { guideCode, moduleCode } });
  });
  return listGuides(db, ctx, { history: false, code: guideCode });
}
