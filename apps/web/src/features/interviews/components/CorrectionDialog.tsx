import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLE_LABEL, ZSavedPiece, type TAnswerValue, type TCorrectionInput, type TInterview, type TQuestion } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { correctRecord } from '../api/interviews.ts';
import { AnswerInput } from './AnswerInput.tsx';

export type CorrectionTarget = { kind: 'text'; field: 'narrative' | 'observations'; label: string } | { kind: 'answer'; question: TQuestion };

/** A correction asked for on read-back: the new text or answer, who asked, why. */
export function CorrectionDialog({ record, target, onClose, onDone }: {
  record: TInterview; target: CorrectionTarget; onClose: () => void; onDone: (record: TInterview) => void;
}) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const answer = target.kind === 'answer' ? record.answers.find((a) => a.questionId === target.question.id) : undefined;
  const initialVersion = target.kind === 'text' ? record[target.field].version : (answer?.version ?? 0);
  const [version, setVersion] = useState(initialVersion);
  const [text, setText] = useState(target.kind === 'text' ? record[target.field].text : '');
  const [value, setValue] = useState<TAnswerValue>(answer?.value ?? {});
  const [requestedBy, setRequestedBy] = useState<TCorrectionInput['requestedBy']>('applicant');
  const [note, setNote] = useState('');
  const roles = [...new Set(record.participants.map((p) => p.role))];
  const save = useMutation({
    mutationFn: () => {
      const body: TCorrectionInput = target.kind === 'text'
        ? { target: target.field, text, requestedBy, note, version }
        : { target: target.question.id, value, requestedBy, note, version };
      return correctRecord(record.id, body, keyFor(body));
    },
    onSuccess: onDone,
    onError: (error) => {
      // Someone else corrected it first: start again from what it says now.
      const current = conflictCurrent(error, ZSavedPiece);
      if (current) setVersion(current.version);
    },
  });
  const errors = useFieldErrors(save.error);
  const label = target.kind === 'text' ? target.label : target.question.text;
  return (
    <FormModal opened title={t('interviews.corrections.dialogTitle')} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <Text size="sm" fw={500}>{label}</Text>
          <ErrorAlert error={save.error} fields={['text', 'value', 'requestedBy', 'note']} />
          {target.kind === 'text' ? (
            <Textarea label={t('interviews.corrections.newText')} autosize minRows={4} value={text} error={errors.text} onChange={(e) => setText(e.currentTarget.value)} />
          ) : (
            <AnswerInput idPrefix="correction" question={target.question} label={t('interviews.corrections.newAnswer')} value={value} onChange={setValue} error={errors.value} />
          )}
          <NativeSelect label={t('interviews.corrections.requestedBy')} value={requestedBy} error={errors.requestedBy}
            data={roles.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} onChange={(e) => setRequestedBy(e.currentTarget.value as TCorrectionInput['requestedBy'])} />
          <TextInput label={t('interviews.corrections.note')} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('interviews.corrections.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
