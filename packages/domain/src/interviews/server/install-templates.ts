import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireTemplateInstitution } from '../../shared/policies/interview-template.policy.ts';
import { shippedFor } from '../shipped-templates.ts';
import { ZTemplateContent, type TTemplateSummary } from '../templates.schemas.ts';
import { listTemplates } from './list-templates.ts';

export interface InstallShippedOptions {
  institutionId: string;
  /** Who installs them (null for the demo seed). */
  createdBy: string | null;
}

/**
 * Writes the shipped questionnaires for an institution that has none, as published version 1
 * of each (ADR 025); returns their codes, or null when the institution already has questionnaires.
 */
export async function installShippedTemplates(tx: Queryable, options: InstallShippedOptions): Promise<string[] | null> {
  const { rows: [institution] } = await tx.query<{ kind: string }>('SELECT kind FROM institutions WHERE id = $1 FOR UPDATE', [options.institutionId]);
  if (!institution) throw new AppError('NOT_FOUND');
  const existing = await tx.query('SELECT 1 FROM interview_templates WHERE institution_id = $1 LIMIT 1', [options.institutionId]);
  if (existing.rowCount > 0) return null;
  const shipped = shippedFor(institution.kind);
  for (const template of shipped) {
    await tx.query(
      `INSERT INTO interview_templates (institution_id, code, version, title, audience, language, status, content, published_at, created_by)
       VALUES ($1, $2, 1, $3, $4, 'es-MX', 'published', $5, now(), $6)`,
      [options.institutionId, template.code, template.title, template.audience, JSON.stringify(ZTemplateContent.parse(template.content)), options.createdBy]);
  }
  return shipped.map((t) => t.code);
}

/**
 * Installs the shipped questionnaires for the manager's institution when it has none (409
 * INVALID_STATE `templates_installed` otherwise): they are then the authority's own, to adapt.
 */
export async function installTemplates(db: Database, ctx: RequestContext): Promise<TTemplateSummary[]> {
  const actor = actorOf(ctx);
  const institutionId = requireTemplateInstitution(actor);
  await db.transaction(async (tx) => {
    const codes = await installShippedTemplates(tx, { institutionId, createdBy: actor.userId });
    if (!codes) throw new AppError('INVALID_STATE', { extra: { reason: 'templates_installed' } });
    await recordAudit(tx, ctx, { action: 'interview_template.installed', entityType: 'institution', entityId: institutionId, details: { codes } });
  });
  return listTemplates(db, ctx);
}
