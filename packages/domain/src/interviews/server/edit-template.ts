import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { requireTemplateInstitution } from '../../shared/policies/interview-template.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { templateProblems } from '../templates.rules.ts';
import type { TInterviewTemplate, TTemplateEdit } from '../templates.schemas.ts';
import { templateOfInstitution } from './template-rows.ts';

export interface EditTemplateOptions {
  id: string;
  input: TTemplateEdit;
}

/**
 * Changes a questionnaire (ADR 025). A draft changes in place (409 with it on a stale row
 * version). A published or retired version is never changed: the edit becomes the next version
 * of its code, a draft to publish, and every interview keeps the version it used. One draft per
 * code: a second edit of a published version while a draft exists is refused (409
 * `draft_exists`, naming it), so a retried request never makes two.
 */
export async function editTemplate(db: Database, ctx: RequestContext, { id, input }: EditTemplateOptions): Promise<TInterviewTemplate> {
  const actor = actorOf(ctx);
  const institutionId = requireTemplateInstitution(actor);
  const errors = new FieldErrors();
  for (const problem of templateProblems(input.content)) errors.add(problem.field, problem.code);
  const resultId = await db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM interview_templates WHERE id = $1 FOR UPDATE', [id]);
    const current = await templateOfInstitution(tx, institutionId, id);
    errors.throwIfAny();
    if (current.rowVersion !== input.rowVersion) throw versionConflict(current);
    const content = JSON.stringify(input.content);
    if (current.status === 'draft') {
      await tx.query(
        'UPDATE interview_templates SET title = $2, content = $3, row_version = row_version + 1, updated_at = now() WHERE id = $1',
        [id, input.title, content]);
      await recordAudit(tx, ctx, { action: 'interview_template.updated', entityType: 'interview_template', entityId: id,
        details: { code: current.code, version: current.version, titleChanged: current.title !== input.title } });
      return id;
    }
    const { rows: [draft] } = await tx.query<{ id: string; version: number }>(
      `SELECT id, version FROM interview_templates WHERE institution_id = $1 AND code = $2 AND status = 'draft'`, [institutionId, current.code]);
    if (draft) throw new AppError('INVALID_STATE', { extra: { reason: 'draft_exists', draftId: draft.id, draftVersion: draft.version } });
    const { rows: [created] } = await tx.query<{ id: string; version: number }>(
      `INSERT INTO interview_templates (institution_id, code, version, title, audience, language, status, content, created_by)
       SELECT $1, $2, max(version) + 1, $3, $4, $5, 'draft', $6, $7 FROM interview_templates WHERE institution_id = $1 AND code = $2
       RETURNING id, version`,
      [institutionId, current.code, input.title, current.audience, current.language, content, actor.userId]);
    await recordAudit(tx, ctx, { action: 'interview_template.version_created', entityType: 'interview_template', entityId: created!.id,
      details: { code: current.code, version: created!.version, basedOn: current.version } });
    return created!.id;
  });
  return templateOfInstitution(db, institutionId, resultId);
}
