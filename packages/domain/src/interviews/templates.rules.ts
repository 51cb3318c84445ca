/**
 * Checks of a questionnaire's content beyond its shape (ADR 025): each stage of the EUAA method
 * once and in order, ids unique across the questionnaire (answers and corrections point at them),
 * lists of options only on choice questions.
 */
import { INTERVIEW_STAGES, TEXT_FIELDS, type AnswerProblem } from './interviews.rules.ts';
import type { TQuestion, TTemplateContent } from './templates.schemas.ts';

export function templateProblems(content: TTemplateContent): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const order = content.stages.map((s) => INTERVIEW_STAGES.indexOf(s.stage));
  order.forEach((position, i) => {
    if (i > 0 && position <= (order[i - 1] ?? -1)) problems.push({ field: `content.stages.${i}.stage`, code: 'interviews.validation.stageOrder' });
  });
  const seen = new Set<string>(TEXT_FIELDS);
  content.stages.forEach((stage, s) => {
    stage.checklist.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ field: `content.stages.${s}.checklist.${i}.id`, code: 'interviews.validation.duplicateId' });
      seen.add(item.id);
    });
    stage.questions.forEach((question, q) => {
      const at = `content.stages.${s}.questions.${q}`;
      if (seen.has(question.id)) problems.push({ field: `${at}.id`, code: 'interviews.validation.duplicateId' });
      seen.add(question.id);
      if (question.type === 'choice' && question.options.length < 2) problems.push({ field: `${at}.options`, code: 'interviews.validation.choiceOptions' });
      if (question.type !== 'choice' && question.options.length > 0) problems.push({ field: `${at}.options`, code: 'validation.not_applicable' });
      const optionIds = new Set<string>();
      question.options.forEach((option, o) => {
        if (optionIds.has(option.id)) problems.push({ field: `${at}.options.${o}.id`, code: 'interviews.validation.duplicateId' });
        optionIds.add(option.id);
      });
    });
  });
  return problems;
}

/** Every question of a questionnaire, by id, with the stage it belongs to. */
export function questionIndex(content: TTemplateContent): Map<string, TQuestion & { stage: string }> {
  const index = new Map<string, TQuestion & { stage: string }>();
  for (const stage of content.stages) for (const q of stage.questions) index.set(q.id, { ...q, stage: stage.stage });
  return index;
}

export function checklistIds(content: TTemplateContent): Set<string> {
  return new Set(content.stages.flatMap((s) => s.checklist.map((c) => c.id)));
}

export function countQuestions(content: TTemplateContent): number {
  return content.stages.reduce((n, s) => n + s.questions.length, 0);
}
