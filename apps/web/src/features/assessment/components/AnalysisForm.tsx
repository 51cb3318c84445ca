import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_TEXT_MAX, CARTAGENA_CIRCUMSTANCES, CONVENTION_GROUNDS, type TAnalysisInput, type TAssessment } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { updateAnalysis } from '../api/assessment.ts';
import { CARTAGENA_LABEL, GROUND_LABEL } from '../labels.ts';

type Draft = Omit<TAnalysisInput, 'version'>;
const TEXTS = ['riskAssessment', 'nexus', 'cartagenaAnalysis', 'surPlaceAnalysis', 'actorsOfPersecution', 'actorsOfProtection',
  'internalProtectionAlternative', 'exclusionAnalysis', 'complementaryProtection'] as const;
const FIELDS = [...TEXTS, 'conventionGrounds', 'cartagenaCircumstances', 'surPlace', 'exclusionConsidered'];

function draftOf(a: TAssessment): Draft {
  return {
    riskAssessment: a.riskAssessment ?? '', conventionGrounds: a.conventionGrounds, nexus: a.nexus ?? '', cartagenaCircumstances: a.cartagenaCircumstances,
    cartagenaAnalysis: a.cartagenaAnalysis ?? '', surPlace: a.surPlace, surPlaceAnalysis: a.surPlaceAnalysis ?? '', actorsOfPersecution: a.actorsOfPersecution ?? '',
    actorsOfProtection: a.actorsOfProtection ?? '', internalProtectionAlternative: a.internalProtectionAlternative ?? '', exclusionConsidered: a.exclusionConsidered,
    exclusionAnalysis: a.exclusionAnalysis ?? '', complementaryProtection: a.complementaryProtection ?? '',
  };
}

/**
 * The risk assessment on the accepted facts and the legal analysis (domain §7 steps 5–6; LRPCPAP
 * art. 13 I–III, art. 2-IV for complementary protection; the 1951 Convention art. 1F for
 * exclusion, read restrictively). Saved whole with the version read.
 */
export function AnalysisForm({ claimId, assessment }: { claimId: string; assessment: TAssessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: () => updateAnalysis(claimId, { ...draft, version: assessment.version }),
    onSuccess: () => notifySuccess(t('assessment.analysis.saved')),
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  const error = useFieldErrorMap(save.error);
  const readOnly = !assessment.editable;
  const text = (field: (typeof TEXTS)[number], label: string, description?: string) => (
    <Textarea label={label} description={description} autosize minRows={2} maxLength={ASSESSMENT_TEXT_MAX} readOnly={readOnly}
      value={draft[field]} error={error(field)} onChange={(e) => set(field, e.currentTarget.value)} />
  );
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.analysis.title')}>
      <Stack gap="sm">
        {isApiError(save.error, 'VERSION_CONFLICT') && <Alert color="orange" role="alert">{t('assessment.conflict')}</Alert>}
        <ErrorAlert error={save.error} fields={FIELDS} />
        {text('riskAssessment', t('assessment.analysis.riskAssessment'), t('assessment.analysis.riskAssessmentHint'))}
        <Fieldset legend={t('assessment.analysis.convention')}>
          <Stack gap="xs">
            <Checkbox.Group label={t('assessment.analysis.grounds')} value={draft.conventionGrounds} error={error('conventionGrounds')}
              onChange={(v) => set('conventionGrounds', v as Draft['conventionGrounds'])}>
              <Group mt={4}>{CONVENTION_GROUNDS.map((g) => <Checkbox key={g} value={g} label={t(GROUND_LABEL[g])} disabled={readOnly} />)}</Group>
            </Checkbox.Group>
            {text('nexus', t('assessment.analysis.nexus'), t('assessment.analysis.nexusHint'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('assessment.analysis.cartagenaLegend')}>
          <Stack gap="xs">
            <Checkbox.Group label={t('assessment.analysis.cartagena')} value={draft.cartagenaCircumstances} error={error('cartagenaCircumstances')}
              onChange={(v) => set('cartagenaCircumstances', v as Draft['cartagenaCircumstances'])}>
              <Stack gap={4} mt={4}>{CARTAGENA_CIRCUMSTANCES.map((c) => <Checkbox key={c} value={c} label={t(CARTAGENA_LABEL[c])} disabled={readOnly} />)}</Stack>
            </Checkbox.Group>
            {text('cartagenaAnalysis', t('assessment.analysis.cartagenaAnalysis'))}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('assessment.analysis.surPlaceLegend')}>
          <Stack gap="xs">
            <Checkbox label={t('assessment.analysis.surPlace')} checked={draft.surPlace} disabled={readOnly} onChange={(e) => set('surPlace', e.currentTarget.checked)} />
            {draft.surPlace && text('surPlaceAnalysis', t('assessment.analysis.surPlaceAnalysis'))}
          </Stack>
        </Fieldset>
        {text('actorsOfPersecution', t('assessment.analysis.actorsOfPersecution'))}
        {text('actorsOfProtection', t('assessment.analysis.actorsOfProtection'))}
        {text('internalProtectionAlternative', t('assessment.analysis.internalProtectionAlternative'))}
        <Fieldset legend={t('assessment.analysis.exclusionLegend')}>
          <Stack gap="xs">
            <Checkbox label={t('assessment.analysis.exclusionConsidered')} description={t('assessment.analysis.exclusionHint')} checked={draft.exclusionConsidered}
              disabled={readOnly} onChange={(e) => set('exclusionConsidered', e.currentTarget.checked)} />
            {draft.exclusionConsidered && text('exclusionAnalysis', t('assessment.analysis.exclusionAnalysis'))}
          </Stack>
        </Fieldset>
        {text('complementaryProtection', t('assessment.analysis.complementaryProtection'), t('assessment.analysis.complementaryProtectionHint'))}
        {!readOnly && <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('assessment.analysis.save')}</Button></Group>}
      </Stack>
    </form>
  );
}
