import { useState } from 'react';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_LABEL, STAGE_LABEL, ZAnswerValue, questionIndex, type TInterview } from '@refugio/domain';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import type { AutosaveStore } from '../autosave/autosave-store.ts';
import { ChecklistItem } from './ChecklistItem.tsx';
import { CorrectionDialog, type CorrectionTarget } from './CorrectionDialog.tsx';
import { formatAnswer } from './format-answer.ts';

const ZTextOnly = ZAnswerValue.pick({ text: true });

function Said({ label, text, onCorrect, correctLabel }: { label: string; text: string; onCorrect?: (() => void) | undefined; correctLabel: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <Stack gap={0} style={{ flex: 1 }}>
        <Text size="sm" fw={600}>{label}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{text || <Text span c="dimmed" size="sm">{t('interviews.review.unanswered')}</Text>}</Text>
      </Stack>
      {onCorrect && <Button size="compact-sm" variant="default" onClick={onCorrect} aria-label={correctLabel}>{t('interviews.corrections.correct')}</Button>}
    </Group>
  );
}

/**
 * The record as it is read back to the applicant (EUAA guide, "closing"): everything said, stage
 * by stage, each piece with "Correct" while reading back; the corrections made, with who asked.
 */
export function RecordReview({ record, store, onChanged }: { record: TInterview; store: AutosaveStore; onChanged: (record: TInterview) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [target, setTarget] = useState<CorrectionTarget | null>(null);
  const reading = record.status === 'read_back' && record.canWrite;
  const questions = questionIndex(record.template.content);
  const answers = new Map(record.answers.map((a) => [a.questionId, a]));
  const correctable = (label: string, next: CorrectionTarget) => (reading ? { onCorrect: () => setTarget(next), correctLabel: t('interviews.corrections.correctItem', { item: label }) } : { correctLabel: '' });
  const targetLabel = (key: string) => (key === 'narrative' || key === 'observations' ? t(`interviews.fields.${key}`) : (questions.get(key)?.text ?? key));
  const show = (key: string, value: unknown) => (key === 'narrative' || key === 'observations'
    ? (ZTextOnly.safeParse(value).data?.text ?? '')
    : formatAnswer(questions.get(key), ZAnswerValue.safeParse(value).data ?? null, t, language));
  return (
    <Stack>
      {record.template.content.stages.map((stage) => (
        <Card key={stage.stage} withBorder component="section" aria-labelledby={`review-${stage.stage}`}>
          <Title order={2} size="h4" id={`review-${stage.stage}`} mb="sm">{t(STAGE_LABEL[stage.stage])}</Title>
          <Stack gap="sm">
            {stage.checklist.map((item) => <ChecklistItem key={item.id} store={store} item={item} editable={reading} />)}
            {stage.stage === 'conducting' && (
              <Said label={t('interviews.fields.narrative')} text={record.narrative.text}
                {...correctable(t('interviews.fields.narrative'), { kind: 'text', field: 'narrative', label: t('interviews.fields.narrative') })} />
            )}
            {stage.questions.map((q) => {
              const a = answers.get(q.id);
              return a?.redacted
                ? <Said key={q.id} label={q.text} text={t('interviews.answer.redacted')} correctLabel="" />
                : <Said key={q.id} label={q.text} text={formatAnswer(q, a?.value ?? null, t, language)} {...correctable(q.text, { kind: 'answer', question: q })} />;
            })}
            {stage.stage === 'after' && (
              <Said label={t('interviews.fields.observations')} text={record.observations.text}
                {...correctable(t('interviews.fields.observations'), { kind: 'text', field: 'observations', label: t('interviews.fields.observations') })} />
            )}
          </Stack>
        </Card>
      ))}
      <Card withBorder component="section" aria-labelledby="corrections-title">
        <Title order={2} size="h4" id="corrections-title" mb="sm">{t('interviews.corrections.title')}</Title>
        {record.corrections.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.corrections.none')}</Text> : (
          <List spacing="xs" listStyleType="none">
            {record.corrections.map((k) => (
              <List.Item key={k.id}>
                <Text size="sm" fw={600}>{targetLabel(k.target)}</Text>
                {k.redacted ? <Text size="sm">{t('interviews.answer.redacted')}</Text> : (
                  <>
                    <Text size="sm">{t('interviews.corrections.before')}: {show(k.target, k.before) || '—'}</Text>
                    <Text size="sm">{t('interviews.corrections.after')}: {show(k.target, k.after) || '—'}</Text>
                  </>
                )}
                <Text size="xs" c="dimmed">
                  {t('interviews.corrections.askedBy', { role: t(ROLE_LABEL[k.requestedBy]), by: k.recordedBy, at: formatDateTime(k.createdAt, language) })}
                  {k.note ? ` · ${k.note}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      {target && <CorrectionDialog record={record} target={target} onClose={() => setTarget(null)} onDone={(next) => { setTarget(null); onChanged(next); }} />}
    </Stack>
  );
}
