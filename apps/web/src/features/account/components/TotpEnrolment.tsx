import { useEffect, useState, type FormEvent } from 'react';
import { Button, Code, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { ME_QUERY_KEY } from '../../auth/index.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../api/account.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

/** Groups of four characters are easier to type from the screen into a phone. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function TotpEnrolment() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: startTotpEnrolment });
  // The page switches to "enabled" only once the recovery codes were seen: they are shown once.
  const confirm = useMutation({ mutationFn: confirmTotpEnrolment, onSuccess: () => notifySuccess(t('account.totp.enabled')) });
  const fieldErrors = useFieldErrors(confirm.error);
  const uri = start.data?.otpauthUri;

  useEffect(() => {
    if (!uri) return;
    let cancelled = false;
    // qrcode is only needed here, so it loads with this step rather than with the app.
    void import('qrcode').then(({ toDataURL }) => toDataURL(uri, { margin: 1, width: 220 })).then((url) => {
      if (!cancelled) setQr(url);
    });
    return () => { cancelled = true; };
  }, [uri]);

  if (confirm.data) {
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY })} />;
  }

  if (!start.data) {
    return (
      <Stack align="flex-start">
        <Text>{t('account.totp.intro')}</Text>
        <ErrorAlert error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>{t('account.totp.start')}</Button>
      </Stack>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate(code);
  }

  return (
    <Stack>
      <Text>{t('account.totp.scan')}</Text>
      {qr && <Image src={qr} alt={t('account.totp.qrAlt')} w={220} h={220} />}
      <Text size="sm">{t('account.totp.secretLabel')}</Text>
      <Code block fz="md" aria-label={t('account.totp.secretLabel')}>{groupSecret(start.data.secret)}</Code>
      <form onSubmit={submit} noValidate>
        <Stack align="flex-start">
          <ErrorAlert error={confirm.error} fields={['code']} />
          <TextInput
            label={t('account.totp.code')} description={t('auth.totp.codeHint')}
            inputMode="numeric" autoComplete="one-time-code" maxLength={6} required
            value={code} onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            error={fieldErrors.code}
          />
          <Button type="submit" loading={confirm.isPending}>{t('account.totp.confirm')}</Button>
        </Stack>
      </form>
    </Stack>
  );
}
