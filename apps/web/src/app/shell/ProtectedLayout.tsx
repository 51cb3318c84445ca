import { Suspense, useEffect } from 'react';
import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useMe } from '../../features/auth/index.ts';
import { changeLanguage, currentLanguage } from '../../lib/i18n.ts';
import { AppLayout } from './AppLayout.tsx';

const ENROLMENT_PATH = '/account/two-factor';
const PASSWORD_PATH = '/account/password';
/** The API lets a user who must enrol, or change a temporary password, reach only their account. */
const OPEN_DURING_ENROLMENT = new Set([ENROLMENT_PATH, PASSWORD_PATH]);

/** Everything behind login: redirects without a session, forces second-factor enrolment when a role demands it. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const savedLanguage = me.data?.language;

  // The language saved on the account follows the user to this device.
  useEffect(() => {
    if (savedLanguage && savedLanguage !== currentLanguage()) void changeLanguage(savedLanguage);
  }, [savedLanguage]);

  if (me.isPending) return <LoadingState />;
  if (me.error) {
    return (
      <Center mih="100vh" component="main" id="main">
        <Stack>
          <ErrorAlert error={me.error} />
          <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.data.totpEnrolmentRequired && !OPEN_DURING_ENROLMENT.has(location.pathname)) return <Navigate to={ENROLMENT_PATH} replace />;
  // Likewise the API refuses all but the account until a temporary password is replaced.
  if (me.data.mustChangePassword && !OPEN_DURING_ENROLMENT.has(location.pathname)) return <Navigate to={PASSWORD_PATH} replace />;

  return (
    <AppLayout me={me.data}>
      <Suspense fallback={<LoadingState />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
}
