import { Alert, Card, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { usePublicCertificate } from '../api/training-records.ts';
import { STATUS_TONE, STATUS_LABEL } from './certificate-status.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The public page a certificate's verification URL opens: no login, only the allowed fields. */
export function VerifyCertificatePage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  usePageTitle(t('trainingRecords.verify.title'));
  const certificate = usePublicCertificate(code);
  const c = certificate.data;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1} size="h2">{t('trainingRecords.verify.title')}</Title>
        <Text c="dimmed">{t('trainingRecords.verify.code', { code: code ?? '' })}</Text>
        {certificate.isPending && <LoadingState />}
        {certificate.isError && <Alert color="red" role="alert">{t('trainingRecords.verify.notFound')}</Alert>}
        {c && (
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Text fw={700}>{c.fullName}</Text>
              <StateBadge tone={STATUS_TONE[c.status]} size="lg">{t(STATUS_LABEL[c.status])}</StateBadge>
            </Group>
            <Table>
              <Table.Tbody>
                <Table.Tr><Table.Th scope="row">{t('trainingRecords.verify.module')}</Table.Th><Table.Td>{c.moduleTitle}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('trainingRecords.verify.completedOn')}</Table.Th><Table.Td>{formatDate(c.completedOn, language)}</Table.Td></Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('trainingRecords.verify.validUntil')}</Table.Th>
                  <Table.Td>{c.validUntil ? formatDate(c.validUntil, language) : t('trainingRecords.certificates.noExpiry')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </Stack>
    </Container>
  );
}
