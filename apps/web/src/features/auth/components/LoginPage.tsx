import { useRef, useState } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { TMe } from '@refugio/domain';
import { LanguageSelect } from '../../../components/ui/LanguageSelect.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { changeLanguage, currentLanguage } from '../../../lib/i18n.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { saveLanguage } from '../api/language.ts';
import { login, loginWithTotp, ME_QUERY_KEY, useMe, type LoginInput } from '../api/session.ts';
import { PasswordStep } from './PasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';

/** Where to go after login: the page that sent us here, if it was inside the app. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  // A language picked here, just before signing in, wins over the one saved on the account.
  const languagePicked = useRef(false);

  async function signedIn(user: TMe) {
    let language = user.language;
    if (languagePicked.current && currentLanguage() !== user.language) {
      language = currentLanguage();
      await saveLanguage(language).catch(() => undefined);
    } else {
      await changeLanguage(user.language);
    }
    queryClient.setQueryData(ME_QUERY_KEY, { ...user, language });
    await navigate(returnPath(location.state), { replace: true });
  }

  const passwordStep = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: async (result) => {
      if (result.status === 'totp_required') setChallengeToken(result.challengeToken);
      else await signedIn(result.user);
    },
  });
  const totpStep = useMutation({
    mutationFn: (code: string) => loginWithTotp({ challengeToken: challengeToken ?? '', code }),
    onSuccess: signedIn,
  });

  if (me.isPending) return <LoadingState />;
  if (me.data && !passwordStep.isSuccess && !totpStep.isSuccess) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Box mih="100vh" bg="gray.0">
      <a href="#main" className="skip-link">{t('shell.skipToContent')}</a>
      <Group component="header" justify="flex-end" p="md">
        <LanguageSelect onChanged={() => { languagePicked.current = true; }} />
      </Group>
      <Container component="main" id="main" tabIndex={-1} size={420} py="xl">
        <Stack gap="xs" mb="lg" ta="center">
          <Title order={1}>{t('common.appName')}</Title>
          <Text c="dimmed">{t('auth.login.subtitle')}</Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {challengeToken ? (
            <TotpStep
              pending={totpStep.isPending}
              error={totpStep.error}
              onSubmit={(code) => totpStep.mutate(code)}
              onBack={() => { setChallengeToken(null); totpStep.reset(); passwordStep.reset(); }}
            />
          ) : (
            <PasswordStep pending={passwordStep.isPending} error={passwordStep.error} onSubmit={(input) => passwordStep.mutate(input)} />
          )}
        </Paper>
      </Container>
    </Box>
  );
}
