import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@refugio/domain';
import { PasswordField } from '../../../components/ui/PasswordField.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import type { LoginInput } from '../api/session.ts';

interface PasswordStepProps {
  pending: boolean;
  error: unknown;
  onSubmit: (input: LoginInput) => void;
}

export function PasswordStep({ pending, error, onSubmit }: PasswordStepProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = useFieldErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ username: username.trim(), password });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">{t('auth.login.heading')}</Title>
        <ErrorAlert error={error} />
        <TextInput
          label={t('auth.login.username')}
          // Both fields are plainly required; an asterisk would only clutter the one form everyone sees.
          withAsterisk={false}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={LIMITS.usernameMax}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={fieldErrors.username}
        />
        <PasswordField
          label={t('auth.login.password')}
          withAsterisk={false}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldErrors.password}
        />
        <Button type="submit" loading={pending} fullWidth>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
