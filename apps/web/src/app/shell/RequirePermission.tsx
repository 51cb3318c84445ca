import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMe } from '@refugio/domain';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useMe } from '../../features/auth/index.ts';

interface RequirePermissionProps {
  allowed: (me: TMe) => boolean;
  children: ReactNode;
}

/** The API enforces access; this only spares the user a page that would fail on every request. */
export function RequirePermission({ allowed, children }: RequirePermissionProps) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data && allowed(me.data)) return children;
  return (
    <>
      <PageHeader title={t('errors.FORBIDDEN.title')} />
      <Alert color="red">{t('errors.FORBIDDEN.detail')}</Alert>
    </>
  );
}
