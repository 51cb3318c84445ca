import { useState } from 'react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { revokeCertificate } from '../api/training-records.ts';

/** The coordinator revokes a certificate with a written reason; the public page then says "revoked". */
export function RevokeCertificate({ certificateId, code, onRevoked }: { certificateId: string; code: string; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => revokeCertificate(certificateId, reason.trim()),
    onSuccess: () => { setOpened(false); onRevoked(); },
  });
  const errors = useFieldErrors(revoke.error);
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => setOpened(true)}
        aria-label={t('trainingRecords.certificates.revokeTitle', { code })}>
        {t('trainingRecords.certificates.revoke')}
      </Button>
      <FormModal opened={opened} onClose={() => setOpened(false)} title={t('trainingRecords.certificates.revokeTitle', { code })} size="md">
        <Stack>
          <Textarea label={t('trainingRecords.certificates.reason')} required maxLength={LIMITS.reasonMax} autosize minRows={2}
            value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
          <ErrorAlert error={revoke.error} fields={['reason']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>{t('common.cancel')}</Button>
            <Button color="red.9" onClick={() => revoke.mutate()} loading={revoke.isPending} disabled={reason.trim() === ''}>
              {t('trainingRecords.certificates.confirmRevoke')}
            </Button>
          </Group>
        </Stack>
      </FormModal>
    </>
  );
}
