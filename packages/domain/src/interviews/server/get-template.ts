import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { requireTemplateInstitution } from '../../shared/policies/interview-template.policy.ts';
import type { TInterviewTemplate } from '../templates.schemas.ts';
import { templateOfInstitution } from './template-rows.ts';

/** One version of a questionnaire of the manager's institution, with its content. */
export async function getTemplate(db: Queryable, ctx: RequestContext, id: string): Promise<TInterviewTemplate> {
  return templateOfInstitution(db, requireTemplateInstitution(actorOf(ctx)), id);
}
