import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TQuestion } from '@refugio/domain';
import type { AutosaveStore } from '../autosave/autosave-store.ts';
import { usePiece } from '../autosave/use-autosave.ts';
import { AnswerInput } from './AnswerInput.tsx';
import { PieceConflict } from './PieceConflict.tsx';
import { PieceStatusText } from './PieceStatusText.tsx';

/** One question as the officer answers it, saved as they type. A sensitive answer the reader may not see stays closed. */
export function QuestionField({ store, question, editable, redacted }: { store: AutosaveStore; question: TQuestion; editable: boolean; redacted: boolean }) {
  const { t } = useTranslation();
  const key = `q:${question.id}`;
  const piece = usePiece(store, key);
  if (redacted) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>{question.text}</Text>
        <Text size="sm" c="dimmed">{t('interviews.answer.redacted')}</Text>
      </Stack>
    );
  }
  const value = piece.value.kind === 'answer' ? piece.value.value : {};
  return (
    <Stack gap={2} data-question={question.id}>
      <AnswerInput idPrefix={`q-${question.id}`} question={question} value={value} disabled={!editable || piece.status === 'locked'}
        onChange={(next) => store.edit(key, { kind: 'answer', value: next })} />
      {question.sensitive && <Text size="xs" c="dimmed">{t('interviews.answer.sensitive')}</Text>}
      <PieceStatusText piece={piece} />
      <PieceConflict piece={piece} onResolve={(choice) => store.resolve(key, choice)} />
    </Stack>
  );
}
