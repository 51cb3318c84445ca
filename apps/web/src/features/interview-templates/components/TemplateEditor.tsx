import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, QUESTION_TYPE_LABEL, STAGE_LABEL, type TInterviewTemplate, type TQuestion, type TTemplateStage } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { editTemplate } from '../api/interview-templates.ts';
import { newItemId } from './slug.ts';

const optionsText = (q: TQuestion) => q.options.map((o) => o.label).join('\n');

/** Options typed one per line; an option keeps its id while its line keeps its place. */
function optionsFrom(text: string, before: TQuestion['options']): TQuestion['options'] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((label, i) => ({ id: before[i]?.id ?? newItemId(label), label }));
}

function StageEditor({ stage, onChange }: { stage: TTemplateStage; onChange: (stage: TTemplateStage) => void }) {
  const { t } = useTranslation();
  const stageName = t(STAGE_LABEL[stage.stage]);
  const setQuestion = (i: number, q: TQuestion) => onChange({ ...stage, questions: stage.questions.map((x, j) => (j === i ? q : x)) });
  return (
    <Card withBorder component="section" aria-labelledby={`edit-${stage.stage}`}>
      <Title order={2} size="h4" id={`edit-${stage.stage}`} mb="sm">{stageName}</Title>
      <Stack gap="sm">
        <Textarea label={t('interviews.editor.guidance')} autosize minRows={1} value={stage.guidance} onChange={(e) => onChange({ ...stage, guidance: e.currentTarget.value })} />
        <Title order={3} size="h5">{t('interviews.editor.checklist')}</Title>
        {stage.checklist.map((item, i) => (
          <Group key={item.id} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput style={{ flex: 1 }} label={t('interviews.editor.item', { number: i + 1 })} value={item.text}
              onChange={(e) => onChange({ ...stage, checklist: stage.checklist.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)) })} />
            <Button variant="default" aria-label={t('interviews.editor.removeItem', { number: i + 1, stage: stageName })}
              onClick={() => onChange({ ...stage, checklist: stage.checklist.filter((_, j) => j !== i) })}>{t('interviews.editor.remove')}</Button>
          </Group>
        ))}
        <Group><Button size="xs" variant="default" onClick={() => onChange({ ...stage, checklist: [...stage.checklist, { id: newItemId(`p_${stage.stage}`), text: '' }] })}>
          {t('interviews.editor.addItem', { stage: stageName })}</Button></Group>
        <Title order={3} size="h5">{t('interviews.editor.questions')}</Title>
        {stage.questions.map((q, i) => (
          <Card key={q.id} withBorder padding="sm">
            <Stack gap="xs">
              <TextInput label={t('interviews.editor.question', { number: i + 1 })} value={q.text} onChange={(e) => setQuestion(i, { ...q, text: e.currentTarget.value })} />
              <Group align="flex-end" gap="xs" wrap="wrap">
                <NativeSelect label={t('interviews.editor.type')} value={q.type} data={QUESTION_TYPES.map((x) => ({ value: x, label: t(QUESTION_TYPE_LABEL[x]) }))}
                  onChange={(e) => { const type = e.currentTarget.value as TQuestion['type']; setQuestion(i, { ...q, type, options: type === 'choice' ? q.options : [] }); }} />
                <Checkbox label={t('interviews.editor.sensitive')} checked={q.sensitive} onChange={(e) => setQuestion(i, { ...q, sensitive: e.currentTarget.checked })} />
                <Button variant="default" aria-label={t('interviews.editor.removeQuestion', { number: i + 1, stage: stageName })}
                  onClick={() => onChange({ ...stage, questions: stage.questions.filter((_, j) => j !== i) })}>{t('interviews.editor.remove')}</Button>
              </Group>
              <TextInput label={t('interviews.editor.help')} value={q.help ?? ''} onChange={(e) => setQuestion(i, { ...q, help: e.currentTarget.value || null })} />
              {q.type === 'choice' && (
                <Textarea label={t('interviews.editor.options')} description={t('interviews.editor.optionsHint')} autosize minRows={2} defaultValue={optionsText(q)}
                  onBlur={(e) => setQuestion(i, { ...q, options: optionsFrom(e.currentTarget.value, q.options) })} />
              )}
            </Stack>
          </Card>
        ))}
        <Group><Button size="xs" variant="default"
          onClick={() => onChange({ ...stage, questions: [...stage.questions, { id: newItemId(`q_${stage.stage}`), text: '', type: 'text', help: null, options: [], sensitive: false }] })}>
          {t('interviews.editor.addQuestion', { stage: stageName })}</Button></Group>
      </Stack>
    </Card>
  );
}

/**
 * Edits a questionnaire. A draft is saved in place; a published version is never changed: saving
 * creates the next version, a draft to publish (ADR 025).
 */
export function TemplateEditor({ template, onSaved, onCancel }: { template: TInterviewTemplate; onSaved: (saved: TInterviewTemplate) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const [title, setTitle] = useState(template.title);
  const [content, setContent] = useState(template.content);
  const save = useMutation({
    mutationFn: () => {
      const body = { title, content, rowVersion: template.rowVersion };
      return editTemplate(template.id, body, keyFor(body));
    },
    onSuccess: onSaved,
  });
  const errors = useFieldErrors(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} fields={['title']} />
        <TextInput label={t('interviews.editor.title')} required value={title} error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {content.stages.map((stage, s) => (
          <StageEditor key={stage.stage} stage={stage} onChange={(next) => setContent({ stages: content.stages.map((x, j) => (j === s ? next : x)) })} />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{template.status === 'draft' ? t('interviews.editor.saveDraft') : t('interviews.editor.saveVersion')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
