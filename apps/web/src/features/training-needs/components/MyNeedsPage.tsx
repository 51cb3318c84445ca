import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, PLAN_FORMATS, ZNeedsResponse, type TMyCampaign, type TNeedsResponseInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { answerCampaign, TRAINING_NEEDS_KEY, useMyCampaigns } from '../api/training-needs.ts';
import { SELF_LEVEL_LABEL } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

type Answer = TMyCampaign['response'];
const fieldsOf = (response: Answer): TNeedsResponseInput => ({
  yearsExperience: response?.yearsExperience ?? 0, selfLevels: response?.selfLevels ?? {},
  preferredFormat: response?.preferredFormat ?? 'blended', languages: (response?.languages ?? ['es-MX']) as TNeedsResponseInput['languages'],
  comments: response?.comments ?? null,
});

/** One questionnaire: experience, a level per competency (those the role requires first), format and languages. */
function Questionnaire({ mine }: { mine: TMyCampaign }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Answer>(mine.response);
  const [draft, setDraft] = useState(fieldsOf(mine.response));
  const save = useMutation({
    mutationFn: () => {
      const body = { ...draft, comments: draft.comments?.trim() || null, ...(saved ? { version: saved.version } : {}) };
      return answerCampaign(mine.campaign.id, body, keyFor(body));
    },
    onSuccess: (response) => { setSaved(response); void queryClient.invalidateQueries({ queryKey: TRAINING_NEEDS_KEY }); },
    // Answered meanwhile (another tab): take the saved answer as the base, keep what is typed here.
    onError: (error) => { const current = conflictCurrent(error, ZNeedsResponse); if (current) setSaved(current); },
  });
  const errorOf = useFieldErrorMap(save.error);
  const c = mine.campaign;
  return (
    <Card withBorder component="section" aria-labelledby={`campaign-${c.id}`}>
      <Title order={2} size="h4" id={`campaign-${c.id}`}>{c.title}</Title>
      <Text size="sm" mb="sm">
        {t('trainingNeeds.mine.until', { date: formatDate(c.closesOn, language) })}
        {c.description ? ` · ${c.description}` : ''}
      </Text>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ErrorAlert error={save.error} />
          {saved && (
            <Text size="sm" role="status">{t('trainingNeeds.mine.savedAt', { date: formatDateTime(saved.submittedAt, language) })}</Text>
          )}
          <Group grow align="flex-start">
            <NumberInput label={t('trainingNeeds.mine.years')} description={t('trainingNeeds.mine.yearsHint')} min={0} max={60} step={0.5}
              decimalScale={1} value={draft.yearsExperience} error={errorOf('yearsExperience')}
              onChange={(v) => setDraft({ ...draft, yearsExperience: typeof v === 'number' ? v : 0 })} />
            <NativeSelect label={t('trainingNeeds.mine.format')} value={draft.preferredFormat} error={errorOf('preferredFormat')}
              data={PLAN_FORMATS.map((f) => ({ value: f, label: t(FORMAT_LABEL[f]) }))}
              onChange={(e) => setDraft({ ...draft, preferredFormat: e.currentTarget.value as TNeedsResponseInput['preferredFormat'] })} />
          </Group>
          <Checkbox.Group label={t('trainingNeeds.mine.languages')} value={draft.languages} error={errorOf('languages')}
            onChange={(v) => setDraft({ ...draft, languages: v as TNeedsResponseInput['languages'] })}>
            <Group mt={4}>{LANGUAGES.map((l) => <Checkbox key={l} value={l} label={t(`common.languages.${l}`)} />)}</Group>
          </Checkbox.Group>
          <Title order={3} size="h5">{t('trainingNeeds.mine.levels')}</Title>
          <Text size="sm">{t('trainingNeeds.mine.levelsHint')}</Text>
          {errorOf('selfLevels') && <Text size="sm" c="red.9">{errorOf('selfLevels')}</Text>}
          {mine.competencies.map((competency) => (
            <Radio.Group key={competency.code} label={competency.title} error={errorOf(`selfLevels.${competency.code}`)}
              description={competency.required ? <StateBadge tone="info" size="xs">{t('trainingNeeds.mine.required')}</StateBadge> : undefined}
              value={draft.selfLevels[competency.code] === undefined ? '' : String(draft.selfLevels[competency.code])}
              onChange={(v) => setDraft({ ...draft, selfLevels: { ...draft.selfLevels, [competency.code]: Number(v) } })}>
              <Group mt={4} gap="md">
                {SELF_LEVEL_LABEL.map((key, level) => <Radio key={key} value={String(level)} label={t(key)} />)}
              </Group>
            </Radio.Group>
          ))}
          <Textarea label={t('trainingNeeds.mine.comments')} autosize minRows={2} value={draft.comments ?? ''} error={errorOf('comments')}
            onChange={(e) => setDraft({ ...draft, comments: e.currentTarget.value })} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>{saved ? t('trainingNeeds.mine.update') : t('trainingNeeds.mine.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Staff answer the needs assessments addressed to them while they are open. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const mine = useMyCampaigns();
  if (mine.isPending) return <LoadingState />;
  if (!mine.data) return <ErrorAlert error={mine.error} />;
  return (
    <Stack>
      <PageHeader title={t('trainingNeeds.mine.title')} description={t('trainingNeeds.mine.description')} />
      {mine.data.length === 0
        ? <Card withBorder><Text c="dimmed">{t('trainingNeeds.mine.none')}</Text></Card>
        : mine.data.map((m) => <Questionnaire key={m.campaign.id} mine={m} />)}
    </Stack>
  );
}
