import { useState, type FormEvent } from 'react';
import { Button, Card, Group, NumberInput, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COI_MAX_AGE_LIMITS, type TCoiSettings } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { COI_KEY, updateCoiSettings } from '../api/coi.ts';

/** The age past which the authority's sources are marked as old; whoever curates the library sets it. */
export function CoiSettingsCard({ settings, mayManage }: { settings: TCoiSettings; mayManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [years, setYears] = useState<number | string>(settings.maxAgeYears);
  const save = useMutation({
    mutationFn: () => updateCoiSettings({ version: settings.version, maxAgeYears: Number(years) }),
    onSuccess: () => notifySuccess(t('coi.settings.saved')),
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: COI_KEY });
    },
  });
  const fieldError = useFieldErrorMap(save.error);
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <Card withBorder component="section" aria-labelledby="coi-settings-title">
      <Title order={2} size="h4" id="coi-settings-title" mb="xs">{t('coi.settings.title')}</Title>
      <Text size="sm" mb="sm">
        {t('coi.settings.current', { years: settings.maxAgeYears })}{settings.isDefault ? ` ${t('coi.settings.default')}` : ''}
      </Text>
      {mayManage && (
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={save.error} fields={['maxAgeYears']} />
          <Group align="flex-end">
            <NumberInput label={t('coi.settings.maxAgeYears')} min={COI_MAX_AGE_LIMITS.min} max={COI_MAX_AGE_LIMITS.max} value={years}
              error={fieldError('maxAgeYears')} onChange={setYears} w={200} />
            <Button type="submit" loading={save.isPending}>{t('coi.settings.save')}</Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
