import { useState } from 'react';
import { Button, Card, Group, List, MultiSelect, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_KINDS, CRITERION_RATINGS, GOOD_PRACTICE_CRITERIA, type TEvaluation, type TEvaluationInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { createEvaluation, EVALUATIONS_KEY, updateEvaluation, useSessions } from '../api/evaluations.ts';

type Draft = Omit<TEvaluationInput, 'partners'> & { partners: string };

const draftOf = (e: TEvaluation | null): Draft => ({
  title: e?.title ?? '', kind: e?.kind ?? 'eu_funded', funder: e?.funder ?? '', objectives: e?.objectives ?? '', partners: (e?.partners ?? []).join('\n'),
  startsOn: e?.startsOn ?? '', endsOn: e?.endsOn ?? '', sessionIds: e?.activities.map((a) => a.sessionId) ?? [],
  criteria: GOOD_PRACTICE_CRITERIA.map((criterion) => {
    const c = e?.criteria.find((x) => x.criterion === criterion);
    return { criterion, rating: c?.rating ?? 'not_assessed', assessment: c?.assessment ?? '', evidence: c?.evidence ?? '' };
  }),
});

/** The action's record and its ten criteria; read-only for readers who do not coordinate training. */
export function EvaluationForm({ evaluation, editable, onSaved }: { evaluation: TEvaluation | null; editable: boolean; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const sessions = useSessions();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(evaluation));
  const save = useMutation({
    mutationFn: () => {
      const input: TEvaluationInput = { ...draft, partners: draft.partners.split('\n').map((p) => p.trim()).filter(Boolean),
        criteria: draft.criteria.filter((c) => c.rating !== 'not_assessed' || c.assessment.trim() || c.evidence.trim()) };
      return evaluation ? updateEvaluation(evaluation.id, { ...input, version: evaluation.version }) : createEvaluation(input, keyFor(input));
    },
    onSuccess: ({ id }) => { void queryClient.invalidateQueries({ queryKey: EVALUATIONS_KEY }); notifySuccess(t('evaluations.saved')); onSaved(id); },
  });
  const errorOf = useFieldErrorMap(save.error);
  const fromData = new Map(evaluation?.criteria.map((c) => [c.criterion, c.fromData]) ?? []);
  const setCriterion = (i: number, patch: Partial<Draft['criteria'][number]>) =>
    setDraft({ ...draft, criteria: draft.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <Card withBorder>
          <Stack>
            <TextInput label={t('evaluations.fields.title')} required readOnly={!editable} value={draft.title} error={errorOf('title')}
              onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <NativeSelect label={t('evaluations.fields.kind')} disabled={!editable} value={draft.kind} error={errorOf('kind')}
                data={ACTION_KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))}
                onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as Draft['kind'] })} />
              <TextInput label={t('evaluations.fields.funder')} readOnly={!editable} value={draft.funder} error={errorOf('funder')}
                onChange={(e) => setDraft({ ...draft, funder: e.currentTarget.value })} />
              <TextInput type="date" label={t('evaluations.fields.startsOn')} required readOnly={!editable} value={draft.startsOn} error={errorOf('startsOn')}
                onChange={(e) => setDraft({ ...draft, startsOn: e.currentTarget.value })} />
              <TextInput type="date" label={t('evaluations.fields.endsOn')} required readOnly={!editable} value={draft.endsOn} error={errorOf('endsOn')}
                onChange={(e) => setDraft({ ...draft, endsOn: e.currentTarget.value })} />
            </SimpleGrid>
            <Textarea label={t('evaluations.fields.objectives')} autosize minRows={2} readOnly={!editable} value={draft.objectives} error={errorOf('objectives')}
              onChange={(e) => setDraft({ ...draft, objectives: e.currentTarget.value })} />
            <Textarea label={t('evaluations.fields.partners')} description={t('evaluations.fields.partnersHint')} autosize minRows={2} readOnly={!editable}
              value={draft.partners} error={errorOf('partners')} onChange={(e) => setDraft({ ...draft, partners: e.currentTarget.value })} />
            <MultiSelect label={t('evaluations.fields.sessions')} searchable disabled={!editable} value={draft.sessionIds} error={errorOf('sessionIds')}
              data={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.moduleTitle}` }))
                .concat((evaluation?.activities ?? []).filter((a) => !sessions.data?.some((s) => s.id === a.sessionId)).map((a) => ({ value: a.sessionId, label: `${a.code} · ${a.moduleTitle}` })))}
              onChange={(sessionIds) => setDraft({ ...draft, sessionIds })} />
          </Stack>
        </Card>
        <Title order={2} size="h4">{t('evaluations.detail.criteria')}</Title>
        {draft.criteria.map((c, i) => (
          <Card withBorder key={c.criterion} component="section" aria-labelledby={`criterion-${c.criterion}`}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={`criterion-${c.criterion}`}>{`${i + 1}. ${t(`evaluations.criteria.${c.criterion}`)}`}</Title>
              {fromData.get(c.criterion) && (
                <div>
                  <Text size="sm" fw={600}>{t('evaluations.detail.fromData')}</Text>
                  <List size="sm">{fromData.get(c.criterion)!.map((line) => <List.Item key={line}>{line}</List.Item>)}</List>
                </div>
              )}
              <NativeSelect label={t('evaluations.fields.rating')} disabled={!editable} value={c.rating}
                data={CRITERION_RATINGS.map((r) => ({ value: r, label: t(`evaluations.ratings.${r}`) }))}
                onChange={(e) => setCriterion(i, { rating: e.currentTarget.value as typeof c.rating })} />
              <Textarea label={t('evaluations.fields.assessment')} autosize minRows={2} readOnly={!editable} value={c.assessment}
                onChange={(e) => setCriterion(i, { assessment: e.currentTarget.value })} />
              <Textarea label={t('evaluations.fields.evidence')} autosize minRows={1} readOnly={!editable} value={c.evidence}
                onChange={(e) => setCriterion(i, { evidence: e.currentTarget.value })} />
            </Stack>
          </Card>
        ))}
        {editable && <Group><Button type="submit" loading={save.isPending}>{t('evaluations.save')}</Button></Group>}
      </Stack>
    </form>
  );
}
