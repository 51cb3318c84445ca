import { useState, type FormEvent } from 'react';
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';

interface TotpStepProps {
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  onBack: () => void;
}

export function TotpStep({ pending, error, onSubmit, onBack }: TotpStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // A lost phone: one of the recovery codes given at enrolment replaces the app's code, once.
  const [recovery, setRecovery] = useState(false);
  const fieldErrors = useFieldErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(code);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">{t('auth.totp.heading')}</Title>
        <Text size="sm">{t('auth.totp.instructions')}</Text>
        <ErrorAlert error={error} />
        {recovery ? (
          <TextInput
            key="recovery"
            label={t('auth.totp.recoveryCode')}
            description={t('auth.totp.recoveryHint')}
            autoComplete="off"
            maxLength={14}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase().replace(/[^0-9A-Z-]/g, ''))}
            error={fieldErrors.code}
          />
        ) : (
          <TextInput
            key="code"
            label={t('auth.totp.code')}
            description={t('auth.totp.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            error={fieldErrors.code}
          />
        )}
        <Button type="submit" loading={pending} fullWidth>{t('auth.totp.submit')}</Button>
        <Button variant="subtle" onClick={() => { setRecovery(!recovery); setCode(''); }}>
          {recovery ? t('auth.totp.useApp') : t('auth.totp.useRecovery')}
        </Button>
        <Button variant="subtle" onClick={onBack}>{t('auth.totp.back')}</Button>
      </Stack>
    </form>
  );
}
