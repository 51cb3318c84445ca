import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TCoiSource } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { COI_KEY, retireCoiSource } from '../api/coi.ts';

/** Retires a source with the reason: it leaves the search and stays cited where it was. */
export function RetireSourceDialog({ source, onClose }: { source: TCoiSource; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const retire = useMutation({
    mutationFn: () => retireCoiSource(source.id, { version: source.version, reason: reason.trim() }),
    onSuccess: () => {
      notifySuccess(t('coi.retire.done'));
      onClose();
    },
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: COI_KEY });
    },
  });
  const fieldError = useFieldErrorMap(retire.error);
  const submit = (e: FormEvent) => { e.preventDefault(); retire.mutate(); };
  return (
    <FormModal opened title={t('coi.retire.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('coi.retire.intro', { title: source.title })}</Text>
          <ErrorAlert error={retire.error} fields={['reason']} />
          <Textarea label={t('coi.retire.reason')} required autosize minRows={2} maxLength={LIMITS.reasonMax} value={reason}
            error={fieldError('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color="red.9" loading={retire.isPending}>{t('coi.retire.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
