import { useState, type FormEvent } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PasswordField } from '../../../components/ui/PasswordField.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { renewRecoveryCodes } from '../api/account.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** New recovery codes when the old ones are spent or lost; the password is asked again. */
export function RecoveryCodesRenewForm() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const mutation = useMutation({ mutationFn: renewRecoveryCodes, onSuccess: () => setPassword('') });
  const fieldErrors = useFieldErrors(mutation.error);

  if (mutation.data) return <RecoveryCodes codes={mutation.data.recoveryCodes} onDone={() => mutation.reset()} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(password);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack align="flex-start">
        <Text size="sm">{t('account.recovery.renewIntro')}</Text>
        <ErrorAlert error={mutation.error} fields={['password']} />
        <PasswordField
          label={t('account.recovery.renewPassword')} autoComplete="current-password" required w="100%"
          value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldErrors.password}
        />
        <Button type="submit" variant="default" loading={mutation.isPending}>{t('account.recovery.renew')}</Button>
      </Stack>
    </form>
  );
}
