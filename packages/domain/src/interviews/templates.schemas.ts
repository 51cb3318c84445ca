import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { INTERVIEW_LIMITS, INTERVIEW_STAGES, ITEM_ID_PATTERN, QUESTION_TYPES, TEMPLATE_AUDIENCES, TEMPLATE_STATUSES } from './interviews.rules.ts';

const ZItemId = z.string().regex(ITEM_ID_PATTERN, { message: 'validation.invalid_format' });
const ZLine = z.string().trim().min(1).max(INTERVIEW_LIMITS.questionTextMax);

/** A checklist item of a stage ("check the applicant and the interpreter understand each other"). */
export const ZChecklistItem = z.strictObject({ id: ZItemId, text: ZLine });

export const ZQuestionOption = z.strictObject({ id: ZItemId, label: z.string().trim().min(1).max(LIMITS.nameMax) });

/**
 * A question of a stage. `sensitive` puts its answer under the claim's field policy (ADR 012:
 * sexual orientation and gender identity, health, sexual violence): readers without the
 * sensitive permission see that it was answered, not what.
 */
export const ZQuestion = z.strictObject({
  id: ZItemId,
  text: ZLine,
  type: z.enum(QUESTION_TYPES),
  help: z.string().trim().max(INTERVIEW_LIMITS.questionTextMax).nullable().default(null),
  options: z.array(ZQuestionOption).max(INTERVIEW_LIMITS.optionsMax).default([]),
  sensitive: z.boolean().default(false),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZTemplateStage = z.strictObject({
  stage: z.enum(INTERVIEW_STAGES),
  /** What the officer is reminded of in this stage (method, tone, what to avoid). */
  guidance: z.string().trim().max(INTERVIEW_LIMITS.noteMax).default(''),
  checklist: z.array(ZChecklistItem).max(INTERVIEW_LIMITS.itemsPerStageMax),
  questions: z.array(ZQuestion).max(INTERVIEW_LIMITS.questionsPerStageMax),
});
export type TTemplateStage = z.infer<typeof ZTemplateStage>;

/** The questionnaire as the authority writes it: each EUAA stage once, in order (checked by `templateProblems`). */
export const ZTemplateContent = z.strictObject({
  stages: z.array(ZTemplateStage).min(1).max(INTERVIEW_STAGES.length),
});
export type TTemplateContent = z.infer<typeof ZTemplateContent>;
export type TTemplateContentInput = z.input<typeof ZTemplateContent>;

const templateFields = {
  id: z.string(),
  institutionId: z.string(),
  code: z.string(),
  version: z.number(),
  title: z.string(),
  audience: z.enum(TEMPLATE_AUDIENCES),
  language: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  questionCount: z.number(),
  /** Interviews conducted on this version (they keep it whatever the later versions say). */
  interviewCount: z.number(),
  /** The row's own version, for optimistic concurrency on a draft (ADR 008). */
  rowVersion: z.number(),
};

export const ZTemplateSummary = z.object(templateFields);
export type TTemplateSummary = z.infer<typeof ZTemplateSummary>;

export const ZInterviewTemplate = z.object({ ...templateFields, content: ZTemplateContent });
export type TInterviewTemplate = z.infer<typeof ZInterviewTemplate>;

/**
 * Changes a questionnaire. A draft changes in place; a published (or retired) version is never
 * changed: the edit becomes the next version, a draft, and the interviews keep theirs.
 */
export const ZTemplateEdit = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.nameMax),
  content: ZTemplateContent,
  rowVersion: z.number().int().positive(),
});
export type TTemplateEdit = z.infer<typeof ZTemplateEdit>;

export const ZTemplatePublish = z.strictObject({ rowVersion: z.number().int().positive() });
