import { Card, Divider, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGE_LABEL, type TInterview, type TTemplateStage } from '@refugio/domain';
import type { AutosaveStore } from '../autosave/autosave-store.ts';
import { ChecklistItem } from './ChecklistItem.tsx';
import { QuestionField } from './QuestionField.tsx';
import { TextPiece } from './TextPiece.tsx';

/**
 * One stage of the EUAA method as the officer works through it: what to keep in mind, the
 * checklist, the narrative (conducting), the questions, the observations (after).
 */
export function StageSection({ store, stage, record, questionsEditable, checklistEditable }: {
  store: AutosaveStore; stage: TTemplateStage; record: TInterview; questionsEditable: boolean; checklistEditable: boolean;
}) {
  const { t } = useTranslation();
  const titleId = `stage-${stage.stage}`;
  const redacted = new Set(record.answers.filter((a) => a.redacted).map((a) => a.questionId));
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb={4}>{t(STAGE_LABEL[stage.stage])}</Title>
      {stage.guidance && <Text size="sm" c="dimmed" mb="sm">{stage.guidance}</Text>}
      <Stack gap="sm">
        {stage.checklist.length > 0 && (
          <Stack gap={6} role="group" aria-label={t('interviews.checklist.title', { stage: t(STAGE_LABEL[stage.stage]) })}>
            {stage.checklist.map((item) => <ChecklistItem key={item.id} store={store} item={item} editable={checklistEditable} />)}
          </Stack>
        )}
        {stage.stage === 'conducting' && (
          <TextPiece store={store} field="narrative" label={t('interviews.fields.narrative')} description={t('interviews.fields.narrativeHint')} editable={questionsEditable} />
        )}
        {stage.questions.length > 0 && stage.checklist.length > 0 && <Divider />}
        {stage.questions.map((q) => <QuestionField key={q.id} store={store} question={q} editable={questionsEditable} redacted={redacted.has(q.id)} />)}
        {stage.stage === 'after' && (
          <TextPiece store={store} field="observations" label={t('interviews.fields.observations')} description={t('interviews.fields.observationsHint')} editable={questionsEditable} />
        )}
      </Stack>
    </Card>
  );
}
