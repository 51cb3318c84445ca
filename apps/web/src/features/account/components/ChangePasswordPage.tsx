import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@refugio/domain';
import { PasswordField } from '../../../components/ui/PasswordField.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { ME_QUERY_KEY, useMe } from '../../auth/index.ts';
import { changePassword } from '../api/account.ts';
import { notifySuccess } from '../../../lib/notify.ts';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localErrors, setLocalErrors] = useState<{ newPassword?: string; confirm?: string }>({});

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      setCurrent(''); setNext(''); setConfirm('');
      notifySuccess(t('account.password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
  const serverErrors = useFieldErrors(mutation.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: typeof localErrors = {};
    if (next.length < LIMITS.passwordMin) errors.newPassword = t('validation.too_short', { minimum: LIMITS.passwordMin });
    if (next !== confirm) errors.confirm = t('account.password.mismatch');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate({ currentPassword: current, newPassword: next });
  }

  return (
    <>
      <PageHeader title={t('account.password.title')} />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {me.data?.mustChangePassword && <Alert color="yellow">{t('account.password.mustChange')}</Alert>}
            <ErrorAlert error={mutation.error} fields={FIELDS} />
            <PasswordField
              label={t('account.password.current')} autoComplete="current-password" required
              value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={serverErrors.currentPassword}
            />
            <PasswordField
              label={t('account.password.new')} autoComplete="new-password" required
              description={t('account.password.rule', { minimum: LIMITS.passwordMin })}
              maxLength={LIMITS.passwordMax}
              value={next} onChange={(e) => setNext(e.currentTarget.value)}
              error={localErrors.newPassword ?? serverErrors.newPassword}
            />
            <PasswordField
              label={t('account.password.confirm')} autoComplete="new-password" required
              value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={localErrors.confirm}
            />
            <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('account.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
