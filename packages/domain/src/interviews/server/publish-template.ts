import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireTemplateInstitution } from '../../shared/policies/interview-template.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TInterviewTemplate } from '../templates.schemas.ts';
import { templateOfInstitution } from './template-rows.ts';

export interface PublishTemplateOptions {
  id: string;
  rowVersion: number;
}

/**
 * Publishes a draft: officers start interviews on it from now on; the version published before
 * it is retired (interviews already held on it keep it). 409 INVALID_STATE `not_draft` for a
 * version already published or retired; 409 with the draft on a stale row version.
 */
export async function publishTemplate(db: Database, ctx: RequestContext, { id, rowVersion }: PublishTemplateOptions): Promise<TInterviewTemplate> {
  const institutionId = requireTemplateInstitution(actorOf(ctx));
  await db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM interview_templates WHERE id = $1 FOR UPDATE', [id]);
    const current = await templateOfInstitution(tx, institutionId, id);
    if (current.rowVersion !== rowVersion) throw versionConflict(current);
    if (current.status !== 'draft') throw new AppError('INVALID_STATE', { extra: { reason: 'not_draft', templateStatus: current.status } });
    const { rows: retired } = await tx.query<{ version: number }>(
      `UPDATE interview_templates SET status = 'retired', row_version = row_version + 1, updated_at = now()
        WHERE institution_id = $1 AND code = $2 AND status = 'published' RETURNING version`, [institutionId, current.code]);
    await tx.query(
      `UPDATE interview_templates SET status = 'published', published_at = now(), row_version = row_version + 1, updated_at = now() WHERE id = $1`, [id]);
    await recordAudit(tx, ctx, { action: 'interview_template.published', entityType: 'interview_template', entityId: id,
      details: { code: current.code, version: current.version, retired: retired.map((r) => r.version) } });
  });
  return templateOfInstitution(db, institutionId, id);
}
