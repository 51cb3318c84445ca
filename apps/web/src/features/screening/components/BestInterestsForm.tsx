import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TBestInterests } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { saveBestInterests } from '../api/screening.ts';

const FIELDS = ['assessedOn', 'assessedBy', 'summary', 'recommendations', 'personId'];

/** A child's best-interests assessment (Convention on the Rights of the Child, art. 3), recorded or revised with its version. */
export function BestInterestsForm({ claimId, person, assessment, mayUpdate }: {
  claimId: string; person: { id: string; name: string }; assessment: TBestInterests | undefined; mayUpdate: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    assessedOn: assessment?.assessedOn ?? '', assessedBy: assessment?.assessedBy ?? '', summary: assessment?.summary ?? '',
    recommendations: assessment?.recommendations ?? '',
  });
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => saveBestInterests(claimId, person.id, { version: assessment?.version ?? 0, ...values }),
    onSuccess: () => notifySuccess(t('screening.bestInterests.saved')),
    onSettled: (_d, error) => { if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] }); },
  });
  const error = useFieldErrorMap(save.error);
  const headingId = `bia-${person.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>{person.name}</Title>
      {!assessment && <Text size="sm" c="dimmed">{t('screening.bestInterests.missing')}</Text>}
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack gap="xs">
          <ErrorAlert error={save.error} fields={FIELDS} />
          <Group grow wrap="wrap" align="flex-start">
            <TextInput type="date" label={t('screening.bestInterests.assessedOn')} required value={values.assessedOn} readOnly={!mayUpdate}
              error={error('assessedOn')} onChange={(e) => set('assessedOn', e.currentTarget.value)} />
            <TextInput label={t('screening.bestInterests.assessedBy')} required maxLength={LIMITS.nameMax} value={values.assessedBy} readOnly={!mayUpdate}
              error={error('assessedBy')} onChange={(e) => set('assessedBy', e.currentTarget.value)} />
          </Group>
          <Textarea label={t('screening.bestInterests.summary')} required autosize minRows={2} maxLength={LIMITS.reasonMax} value={values.summary}
            readOnly={!mayUpdate} error={error('summary')} onChange={(e) => set('summary', e.currentTarget.value)} />
          <Textarea label={t('screening.bestInterests.recommendations')} required autosize minRows={2} maxLength={LIMITS.reasonMax}
            value={values.recommendations} readOnly={!mayUpdate} error={error('recommendations')} onChange={(e) => set('recommendations', e.currentTarget.value)} />
          {mayUpdate && <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('screening.bestInterests.save')}</Button></Group>}
        </Stack>
      </form>
    </section>
  );
}
