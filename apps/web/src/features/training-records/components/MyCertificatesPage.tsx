import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCertificate } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { certificatePdfUrl, useMyCertificates } from '../api/training-records.ts';
import { STATUS_TONE, STATUS_LABEL } from './certificate-status.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

export function MyCertificatesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const certificates = useMyCertificates();
  if (certificates.isPending) return <LoadingState />;
  if (!certificates.data) return <ErrorAlert error={certificates.error} />;
  const validity = (c: TCertificate) => (c.validUntil ? formatDate(c.validUntil, language) : t('trainingRecords.certificates.noExpiry'));
  return (
    <Stack>
      <PageHeader title={t('trainingRecords.mine.title')} description={t('trainingRecords.mine.description')} />
      {certificates.data.length === 0 ? <Text>{t('trainingRecords.mine.empty')}</Text> : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingRecords.mine.module')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.verify.completedOn')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.verify.validUntil')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.verify.status')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.mine.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {certificates.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row">{c.moduleTitle}<Text size="xs" c="dimmed">{c.sessionCode}</Text></Table.Th>
                <Table.Td>{formatDate(c.completedOn, language)}</Table.Td>
                <Table.Td>{validity(c)}</Table.Td>
                <Table.Td><StateBadge tone={STATUS_TONE[c.status]}>{t(STATUS_LABEL[c.status])}</StateBadge></Table.Td>
                <Table.Td>
                  <Anchor href={certificatePdfUrl(c.id)}>{t('trainingRecords.mine.pdf', { code: c.verificationCode })}</Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
