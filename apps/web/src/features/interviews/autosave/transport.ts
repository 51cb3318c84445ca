import { REASON_LABEL, ZSavedPiece, type TInterview, type TSavedPiece } from '@refugio/domain';
import { isApiError } from '../../../lib/api-client.ts';
import { saveAnswer, saveChecklistItem, saveText } from '../api/interviews.ts';
import type { AutosaveTransport, PieceValue, SaveResult } from './autosave-store.ts';

/** The value of a piece as the server holds it (a 409's `current`). */
function pieceOf(key: string, saved: TSavedPiece): PieceValue {
  if (key.startsWith('q:')) return { kind: 'answer', value: saved.value ?? {} };
  if (key.startsWith('c:')) return { kind: 'check', done: saved.done ?? false, note: saved.note ?? '' };
  return { kind: 'text', text: saved.text ?? '' };
}

async function send(interviewId: string, key: string, value: PieceValue, version: number): Promise<TSavedPiece> {
  if (value.kind === 'answer') return saveAnswer(interviewId, key.slice(2), value.value, version);
  if (value.kind === 'check') return saveChecklistItem(interviewId, key.slice(2), value.done, value.note, version);
  return saveText(interviewId, key === 'observations' ? 'observations' : 'narrative', value.text, version);
}

/** The autosave's requests, with the API's answers turned into what the store needs. */
export function apiTransport(interviewId: string): AutosaveTransport {
  return {
    async save(key, value, version): Promise<SaveResult> {
      try {
        const saved = await send(interviewId, key, value, version);
        return { kind: 'saved', version: saved.version };
      } catch (error) {
        if (!isApiError(error) || error.code === 'NETWORK_ERROR' || error.status >= 500) return { kind: 'network' };
        if (error.code === 'VERSION_CONFLICT') {
          const current = ZSavedPiece.safeParse(error.body.current);
          if (current.success) return { kind: 'conflict', value: pieceOf(key, current.data), version: current.data.version, updatedBy: current.data.updatedBy };
        }
        if (error.code === 'VALIDATION_FAILED') {
          const first = error.errors[0];
          return { kind: 'invalid', code: first?.code ?? 'validation.invalid_value', ...(first?.params ? { params: first.params } : {}) };
        }
        if (error.code === 'INVALID_STATE') return { kind: 'locked', code: REASON_LABEL[String(error.body.reason)] ?? 'interviews.reasons.interview_locked' };
        return { kind: 'failed' };
      }
    },
  };
}

/** The pieces of a record as the store starts from them. */
export function piecesOf(record: TInterview): Array<[string, { value: PieceValue; version: number }]> {
  return [
    ['narrative', { value: { kind: 'text', text: record.narrative.text }, version: record.narrative.version }],
    ['observations', { value: { kind: 'text', text: record.observations.text }, version: record.observations.version }],
    ...record.answers.map((a): [string, { value: PieceValue; version: number }] => [`q:${a.questionId}`, { value: { kind: 'answer', value: a.value ?? {} }, version: a.version }]),
    ...record.checklist.map((c): [string, { value: PieceValue; version: number }] => [`c:${c.itemId}`, { value: { kind: 'check', done: c.done, note: c.note }, version: c.version }]),
  ];
}
