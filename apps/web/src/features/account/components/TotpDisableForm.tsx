import { useState, type FormEvent } from 'react';
import { Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/ui/PasswordField.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { ME_QUERY_KEY } from '../../auth/index.ts';
import { disableTotp } from '../api/account.ts';
import { notifySuccess } from '../../../lib/notify.ts';

export function TotpDisableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: disableTotp,
    onSuccess: async () => {
      setPassword('');
      notifySuccess(t('account.totp.disabled'));
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
  const fieldErrors = useFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(password);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack align="flex-start">
        <ErrorAlert error={mutation.error} fields={['password']} />
        <PasswordField
          label={t('account.totp.disablePassword')} autoComplete="current-password" required w="100%"
          value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password}
        />
        <Button type="submit" color="red" loading={mutation.isPending}>{t('account.totp.disable')}</Button>
      </Stack>
    </form>
  );
}
