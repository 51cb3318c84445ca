/**
 * How questionnaire rows are read (ADR 025). A published or retired version never changes (an
 * edit becomes the next version), so its parsed content is kept in memory by id: an autosave
 * checks the answer against its question without reading and parsing the whole questionnaire.
 */
import type { Queryable } from '@refugio/db';
import { AppError } from '../../shared/errors.ts';
import { ZTemplateContent, type TInterviewTemplate, type TTemplateContent, type TTemplateSummary } from '../templates.schemas.ts';
import { countQuestions, questionIndex } from '../templates.rules.ts';

export const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const TEMPLATE_SELECT = `SELECT t.id, t.institution_id AS "institutionId", t.code, t.version, t.title, t.audience, t.language, t.status,
    ${ISO('t.published_at')} AS "publishedAt", ${ISO('t.created_at')} AS "createdAt", u.full_name AS "createdBy", t.row_version AS "rowVersion",
    (SELECT count(*)::int FROM interviews i WHERE i.template_id = t.id) AS "interviewCount", t.content
  FROM interview_templates t LEFT JOIN users u ON u.id = t.created_by`;

export type TemplateRow = Omit<TInterviewTemplate, 'questionCount' | 'content'> & { content: unknown };

export function presentTemplate(row: TemplateRow): TInterviewTemplate {
  const content = ZTemplateContent.parse(row.content);
  return { ...row, content, questionCount: countQuestions(content) };
}

export function summarise({ content: _content, ...rest }: TInterviewTemplate): TTemplateSummary {
  return rest;
}

/** A questionnaire of the actor's institution; another institution's is not found. */
export async function templateOfInstitution(db: Queryable, institutionId: string, id: string): Promise<TInterviewTemplate> {
  const { rows } = await db.query<TemplateRow>(`${TEMPLATE_SELECT} WHERE t.id = $1 AND t.institution_id = $2`, [id, institutionId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return presentTemplate(rows[0]);
}

const frozen = new Map<string, TTemplateContent>();
const FROZEN_MAX = 200;

/** The content of a questionnaire version an interview uses (published or retired: immutable). */
export async function frozenContent(db: Queryable, templateId: string): Promise<TTemplateContent> {
  const cached = frozen.get(templateId);
  if (cached) return cached;
  const { rows } = await db.query<{ content: unknown; status: string }>('SELECT content, status FROM interview_templates WHERE id = $1', [templateId]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  const content = ZTemplateContent.parse(rows[0].content);
  if (rows[0].status !== 'draft') {
    if (frozen.size >= FROZEN_MAX) frozen.delete(frozen.keys().next().value!);
    frozen.set(templateId, content);
  }
  return content;
}

const indexes = new Map<string, ReturnType<typeof questionIndex>>();

/** The questions of an immutable questionnaire version by id (kept with its content). */
export async function frozenQuestions(db: Queryable, templateId: string): Promise<ReturnType<typeof questionIndex>> {
  const cached = indexes.get(templateId);
  if (cached) return cached;
  const content = await frozenContent(db, templateId);
  const index = questionIndex(content);
  if (frozen.has(templateId)) {
    if (indexes.size >= FROZEN_MAX) indexes.delete(indexes.keys().next().value!);
    indexes.set(templateId, index);
  }
  return index;
}
