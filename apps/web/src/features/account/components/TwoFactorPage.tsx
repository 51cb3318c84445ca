import { Alert, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useMe } from '../../auth/index.ts';
import { RecoveryCodesRenewForm } from './RecoveryCodesRenewForm.tsx';
import { TotpDisableForm } from './TotpDisableForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <LoadingState />;
  const { totpEnabled, totpEnrolmentRequired } = me.data;

  return (
    <>
      <PageHeader title={t('account.totp.title')} description={t('account.totp.description')} />
      <Paper withBorder p="lg" maw={560}>
        <Stack>
          {totpEnrolmentRequired && (
            <Alert color="yellow" title={t('account.totp.requiredTitle')}>{t('account.totp.requiredDetail')}</Alert>
          )}
          <Text fw={600}>{totpEnabled ? t('account.totp.statusOn') : t('account.totp.statusOff')}</Text>
          {totpEnabled ? <TotpDisableForm /> : <TotpEnrolment />}
          {totpEnabled && (
            <>
              <Divider />
              <Title order={2} size="h4">{t('account.recovery.title')}</Title>
              <RecoveryCodesRenewForm />
            </>
          )}
        </Stack>
      </Paper>
    </>
  );
}
