import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadInterviewFor, mayReadSensitiveAnswers } from '../../shared/policies/interview.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { answerProblems, type AnswerValue } from '../interviews.rules.ts';
import type { TCorrectionInput, TInterview, TSavedPiece } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { isTextField, readRecord } from './read-record.ts';
import { cleanAnswer } from './save-answer.ts';
import { frozenQuestions, ISO } from './template-rows.ts';

export interface CorrectRecordOptions {
  id: string;
  input: TCorrectionInput;
}

/**
 * A correction asked for while the record is read back (EUAA guide, "closing"): the narrative,
 * the observations or one answer takes its new text or value, and the record keeps what it said
 * before, what it says now and who asked. Over a newer version of that piece: 409 with it.
 */
export async function correctRecord(db: Database, ctx: RequestContext, { id, input }: CorrectRecordOptions): Promise<TInterview> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['read_back'], 'update');
    const errors = new FieldErrors();
    let before: unknown;
    let after: unknown;
    if (isTextField(input.target)) {
      if (input.text === undefined) errors.add('text', 'validation.required');
      if (input.value !== undefined) errors.add('value', 'validation.not_applicable');
      errors.throwIfAny();
      const column = input.target === 'narrative' ? { text: 'narrative', version: 'narrative_version' } : { text: 'observations', version: 'observations_version' };
      const { rows: [current] } = await tx.query<{ text: string; version: number; updatedAt: string }>(
        `SELECT ${column.text} AS text, ${column.version} AS version, ${ISO('updated_at')} AS "updatedAt" FROM interviews WHERE id = $1`, [id]);
      if (current!.version !== input.version) {
        throw versionConflict({ key: input.target, text: current!.text, version: current!.version, updatedAt: current!.updatedAt, updatedBy: null } satisfies TSavedPiece);
      }
      before = { text: current!.text };
      after = { text: input.text };
      await tx.query(`UPDATE interviews SET ${column.text} = $2, ${column.version} = ${column.version} + 1, updated_at = now() WHERE id = $1`, [id, input.text]);
    } else {
      const question = (await frozenQuestions(tx, key.template_id)).get(input.target);
      if (!question) errors.add('target', 'validation.unknown_reference');
      if (input.value === undefined) errors.add('value', 'validation.required');
      if (input.text !== undefined) errors.add('text', 'validation.not_applicable');
      errors.throwIfAny();
      const value = cleanAnswer(input.value!);
      for (const problem of answerProblems(question!, value)) errors.add(problem.field, problem.code);
      errors.throwIfAny();
      const { rows: [current] } = await tx.query<{ value: AnswerValue; version: number; updatedAt: string }>(
        `SELECT value, version, ${ISO('updated_at')} AS "updatedAt" FROM interview_answers WHERE interview_id = $1 AND question_id = $2 FOR UPDATE`,
        [id, input.target]);
      if ((current?.version ?? 0) !== input.version) {
        const visible = !question!.sensitive || mayReadSensitiveAnswers(actor, key);
        throw versionConflict({ key: input.target, value: visible ? (current?.value ?? null) : null, version: current?.version ?? 0,
          updatedAt: current?.updatedAt ?? null, updatedBy: null } satisfies TSavedPiece);
      }
      before = current?.value ?? null;
      after = value;
      await tx.query(
        `INSERT INTO interview_answers (interview_id, question_id, value, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (interview_id, question_id) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,
           version = interview_answers.version + 1, updated_at = now()`, [id, input.target, JSON.stringify(value), actor.userId]);
    }
    if (JSON.stringify(before) === JSON.stringify(after)) throw new AppError('INVALID_STATE', { extra: { reason: 'correction_unchanged' } });
    const { rows: [row] } = await tx.query<{ id: string }>(
      `INSERT INTO interview_corrections (interview_id, target, before_value, after_value, requested_by_role, note, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [id, input.target, JSON.stringify(before), JSON.stringify(after), input.requestedBy, input.note, actor.userId]);
    await recordAudit(tx, ctx, { action: 'interview.corrected', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { correctionId: row!.id, target: input.target, requestedBy: input.requestedBy } });
  });
  return readRecord(db, actor, await loadInterviewFor(db, actor, id, 'read'));
}
