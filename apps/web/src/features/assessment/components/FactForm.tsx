import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_TEXT_MAX, BOD_CONDITIONS, CONCLUSIONS, CREDIBILITY_INDICATORS, FACT_KINDS, FACT_STATEMENT_MAX, INDICATOR_VALUES, type Conclusion,
  type IndicatorValue, type TFactUpdate, type TMaterialFact,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { updateFact } from '../api/assessment.ts';
import { BOD_LABEL, CONCLUSION_LABEL, FACT_KIND_LABEL, INDICATOR_LABEL, INDICATOR_VALUE_LABEL } from '../labels.ts';

const NOTES = { sufficiency: 'sufficiencyNotes', internalConsistency: 'internalConsistencyNotes', externalConsistency: 'externalConsistencyNotes', plausibility: 'plausibilityNotes' } as const;
const FIELDS = ['kind', 'statement', 'sensitive', ...CREDIBILITY_INDICATORS, ...Object.values(NOTES), 'chanceToExplain', 'explanation', 'conclusion', 'reasons', ...BOD_CONDITIONS];

type Draft = Omit<TFactUpdate, 'version'>;

const optional = (value: string) => (value === '' ? null : value);

function draftOf(fact: TMaterialFact): Draft {
  return {
    kind: fact.kind, statement: fact.statement ?? '', sensitive: fact.sensitive, sufficiency: fact.sufficiency, sufficiencyNotes: fact.sufficiencyNotes ?? '',
    internalConsistency: fact.internalConsistency, internalConsistencyNotes: fact.internalConsistencyNotes ?? '',
    externalConsistency: fact.externalConsistency, externalConsistencyNotes: fact.externalConsistencyNotes ?? '', plausibility: fact.plausibility,
    plausibilityNotes: fact.plausibilityNotes ?? '', chanceToExplain: fact.chanceToExplain, explanation: fact.explanation ?? '', conclusion: fact.conclusion,
    reasons: fact.reasons ?? '', bodGenuineEffort: fact.bodGenuineEffort, bodEvidenceSubmitted: fact.bodEvidenceSubmitted,
    bodCoherentPlausible: fact.bodCoherentPlausible, bodTimely: fact.bodTimely, bodGenerallyCredible: fact.bodGenerallyCredible,
  };
}

/**
 * A material fact's credibility and conclusion (EUAA practical guide on evidence assessment, steps
 * 3–4): the four indicators with notes (demeanour is not one), whether the applicant could explain
 * an inconsistency, the conclusion with its reasons, and the benefit of the doubt's conditions.
 * Saved whole with the version read: a colleague's change meanwhile is shown, never overwritten.
 */
export function FactForm({ claimId, fact, number, canReadSensitive, onDone }: {
  claimId: string; fact: TMaterialFact; number: number; canReadSensitive: boolean; onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(fact));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: () => updateFact(claimId, fact.id, { ...draft, version: fact.version }),
    onSuccess: () => {
      notifySuccess(t('assessment.facts.saved', { number }));
      onDone();
    },
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  const error = useFieldErrorMap(save.error);
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.facts.editFor', { number })}>
      <Stack gap="sm">
        {isApiError(save.error, 'VERSION_CONFLICT') && <Alert color="orange" role="alert">{t('assessment.conflict')}</Alert>}
        <ErrorAlert error={save.error} fields={FIELDS} />
        <Group grow align="flex-start">
          <NativeSelect label={t('assessment.facts.kind')} required value={draft.kind} error={error('kind')}
            data={FACT_KINDS.map((k) => ({ value: k, label: t(labelKey(FACT_KIND_LABEL, k)) }))} onChange={(e) => set('kind', e.currentTarget.value as Draft['kind'])} />
          <Checkbox mt="xl" label={t('assessment.facts.sensitive')} description={t('assessment.facts.sensitiveHint')} disabled={!canReadSensitive}
            checked={draft.sensitive} onChange={(e) => set('sensitive', e.currentTarget.checked)} />
        </Group>
        <Textarea label={t('assessment.facts.statement')} required autosize minRows={2} maxLength={FACT_STATEMENT_MAX} value={draft.statement}
          error={error('statement')} onChange={(e) => set('statement', e.currentTarget.value)} />
        <Fieldset legend={t('assessment.facts.credibility')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {CREDIBILITY_INDICATORS.map((indicator) => (
              <Stack key={indicator} gap={4}>
                <NativeSelect label={t(INDICATOR_LABEL[indicator])} value={draft[indicator] ?? ''} error={error(indicator)}
                  data={[{ value: '', label: t('assessment.indicatorValues.none') }, ...INDICATOR_VALUES.map((v) => ({ value: v, label: t(INDICATOR_VALUE_LABEL[v]) }))]}
                  onChange={(e) => set(indicator, optional(e.currentTarget.value) as IndicatorValue | null)} />
                <Textarea label={t('assessment.facts.notesFor', { indicator: t(INDICATOR_LABEL[indicator]) })} autosize minRows={1} maxLength={ASSESSMENT_TEXT_MAX}
                  value={draft[NOTES[indicator]]} error={error(NOTES[indicator])} onChange={(e) => set(NOTES[indicator], e.currentTarget.value)} />
              </Stack>
            ))}
          </SimpleGrid>
        </Fieldset>
        <Group grow align="flex-start">
          <NativeSelect label={t('assessment.facts.chanceToExplain')} value={draft.chanceToExplain === null ? '' : String(draft.chanceToExplain)}
            error={error('chanceToExplain')} onChange={(e) => set('chanceToExplain', e.currentTarget.value === '' ? null : e.currentTarget.value === 'true')}
            data={[{ value: '', label: t('assessment.facts.chanceNotRecorded') }, { value: 'true', label: t('assessment.facts.chanceGiven') },
              { value: 'false', label: t('assessment.facts.chanceNotGiven') }]} />
          <Textarea label={t('assessment.facts.explanation')} autosize minRows={1} maxLength={ASSESSMENT_TEXT_MAX} value={draft.explanation}
            error={error('explanation')} onChange={(e) => set('explanation', e.currentTarget.value)} />
        </Group>
        <Radio.Group label={t('assessment.facts.conclusion')} value={draft.conclusion ?? ''} error={error('conclusion')}
          onChange={(v) => set('conclusion', (v || null) as Conclusion | null)}>
          <Group mt={4}>
            <Radio value="" label={t('assessment.conclusions.none')} />
            {CONCLUSIONS.map((c) => <Radio key={c} value={c} label={t(CONCLUSION_LABEL[c])} />)}
          </Group>
        </Radio.Group>
        {draft.conclusion === 'benefit_of_doubt' && (
          <Fieldset legend={t('assessment.bod.legend')}>
            <Stack gap={6}>
              {BOD_CONDITIONS.map((condition) => (
                <Checkbox key={condition} label={t(BOD_LABEL[condition])} checked={draft[condition]} error={error(condition)}
                  onChange={(e) => set(condition, e.currentTarget.checked)} />
              ))}
            </Stack>
          </Fieldset>
        )}
        <Textarea label={t('assessment.facts.reasons')} description={t('assessment.facts.reasonsHint')} autosize minRows={2} maxLength={ASSESSMENT_TEXT_MAX}
          value={draft.reasons} error={error('reasons')} onChange={(e) => set('reasons', e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('assessment.facts.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
