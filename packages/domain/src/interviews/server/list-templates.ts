import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { requireTemplateInstitution } from '../../shared/policies/interview-template.policy.ts';
import type { TTemplateSummary } from '../templates.schemas.ts';
import { presentTemplate, summarise, TEMPLATE_SELECT, type TemplateRow } from './template-rows.ts';

/** Every version of the institution's questionnaires, by code, the latest first. */
export async function listTemplates(db: Queryable, ctx: RequestContext): Promise<TTemplateSummary[]> {
  const institutionId = requireTemplateInstitution(actorOf(ctx));
  const { rows } = await db.query<TemplateRow>(`${TEMPLATE_SELECT} WHERE t.institution_id = $1 ORDER BY t.code, t.version DESC`, [institutionId]);
  return rows.map((row) => summarise(presentTemplate(row)));
}
