import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { mayReadSensitiveAnswers } from '../../shared/policies/interview.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { answerProblems, type AnswerValue } from '../interviews.rules.ts';
import type { TAnswerSave, TSavedPiece } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { frozenQuestions, ISO } from './template-rows.ts';

export interface SaveAnswerOptions {
  id: string;
  questionId: string;
  input: TAnswerSave;
}

/** The members an answer uses, without the absent ones (what is stored and compared). */
export function cleanAnswer(value: AnswerValue): AnswerValue {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as AnswerValue;
}

/**
 * Autosaves one answer while the interview is in progress (ADR 025): checked against its
 * question's type (field errors under `value`), written over the version the caller saw (0 for a
 * first answer). A save over a newer version writes nothing and answers 409 with the saved answer
 * — to a reader outside the field policy, a sensitive answer's content stays hidden even there.
 */
export async function saveAnswer(db: Database, ctx: RequestContext, { id, questionId, input }: SaveAnswerOptions): Promise<TSavedPiece> {
  const actor = actorOf(ctx);
  const value = cleanAnswer(input.value);
  return db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['in_progress']);
    const question = (await frozenQuestions(tx, key.template_id)).get(questionId);
    if (!question) throw new AppError('NOT_FOUND');
    const errors = new FieldErrors();
    for (const problem of answerProblems(question, value)) errors.add(problem.field, problem.code);
    errors.throwIfAny();
    const json = JSON.stringify(value);
    const written = input.version === 0
      ? await tx.query<{ version: number; updatedAt: string }>(
        `INSERT INTO interview_answers (interview_id, question_id, value, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (interview_id, question_id) DO NOTHING RETURNING version, ${ISO('updated_at')} AS "updatedAt"`,
        [id, questionId, json, actor.userId])
      : await tx.query<{ version: number; updatedAt: string }>(
        `UPDATE interview_answers SET value = $3, version = version + 1, updated_by = $4, updated_at = now()
          WHERE interview_id = $1 AND question_id = $2 AND version = $5 RETURNING version, ${ISO('updated_at')} AS "updatedAt"`,
        [id, questionId, json, actor.userId, input.version]);
    const saved = written.rows[0];
    if (!saved) {
      const { rows: [current] } = await tx.query<{ value: AnswerValue; version: number; updatedAt: string; updatedBy: string | null }>(
        `SELECT a.value, a.version, ${ISO('a.updated_at')} AS "updatedAt", u.full_name AS "updatedBy"
           FROM interview_answers a LEFT JOIN users u ON u.id = a.updated_by WHERE a.interview_id = $1 AND a.question_id = $2`, [id, questionId]);
      if (!current) throw versionConflict({ key: questionId, value: null, version: 0, updatedAt: null, updatedBy: null } satisfies TSavedPiece);
      const visible = !question.sensitive || mayReadSensitiveAnswers(actor, key);
      throw versionConflict({ key: questionId, ...current, value: visible ? current.value : null } satisfies TSavedPiece);
    }
    await recordAudit(tx, ctx, { action: 'interview.answer_saved', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { questionId, version: saved.version } });
    return { key: questionId, version: saved.version, updatedAt: saved.updatedAt, updatedBy: null };
  });
}
