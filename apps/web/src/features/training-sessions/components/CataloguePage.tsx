import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useTrainingModules } from '../api/training-sessions.ts';
import { FORMAT_LABEL, LEVEL_LABEL } from './labels.ts';

/** The curriculum: each module's level, formats, workload, what it confers and requires. */
export function CataloguePage() {
  const { t } = useTranslation();
  const modules = useTrainingModules();
  if (modules.isPending) return <LoadingState />;
  if (!modules.data) return <ErrorAlert error={modules.error} />;
  return (
    <Stack>
      <PageHeader title={t('trainingSessions.catalogue.title')} description={t('trainingSessions.catalogue.description')} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingSessions.list.module')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.catalogue.level')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.form.format')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.catalogue.workload')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.catalogue.confers')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.catalogue.requires')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.catalogue.validity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {modules.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row"><Text size="sm" fw={600}>{m.code} · {m.title}</Text>{m.description && <Text size="xs" c="dimmed">{m.description}</Text>}</Table.Th>
                <Table.Td>{t(LEVEL_LABEL[m.level])}</Table.Td>
                <Table.Td><Group gap={4}>{m.formats.map((f) => <Badge key={f} variant="light">{t(FORMAT_LABEL[f])}</Badge>)}</Group></Table.Td>
                <Table.Td>{t('trainingSessions.catalogue.workloadValue', { hours: m.onlineHours, days: m.faceToFaceDays })}</Table.Td>
                <Table.Td>{m.competencies.map((c) => c.title).join(', ')}</Table.Td>
                <Table.Td>
                  {m.prerequisites.map((c) => c.title).join(', ') || '—'}
                  {m.experienceRoute && <Text size="xs" c="dimmed">{t('trainingSessions.catalogue.experienceRoute', { months: m.experienceRoute.months })}</Text>}
                </Table.Td>
                <Table.Td>{m.validityMonths ? t('trainingSessions.catalogue.months', { months: m.validityMonths }) : t('trainingSessions.catalogue.noExpiry')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
