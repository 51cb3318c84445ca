import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useMyEnrolments, useTrainingModules } from '../api/training-sessions.ts';
import { ENROLMENT_STATUS_LABEL } from './labels.ts';

/** A staff member's training: the sessions they take part in, and the catalogue to ask for more. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = useMyEnrolments();
  const modules = useTrainingModules();
  if (mine.isPending || modules.isPending) return <LoadingState />;
  return (
    <Stack>
      <PageHeader title={t('trainingSessions.mine.title')} description={t('trainingSessions.mine.description')} />
      <ErrorAlert error={mine.error ?? modules.error} />
      {(mine.data ?? []).length === 0 ? <Text>{t('trainingSessions.mine.empty')}</Text> : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingSessions.list.module')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.list.when')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.list.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(mine.data ?? []).map((e) => (
              <Table.Tr key={e.enrolmentId}>
                <Table.Th scope="row"><Anchor component={Link} to={`/training/sessions/${e.session.id}`}>{e.session.moduleTitle}</Anchor></Table.Th>
                <Table.Td>{(e.session.onlineStartsOn ?? e.session.firstDay) ? formatDate((e.session.onlineStartsOn ?? e.session.firstDay)!, language) : '—'}</Table.Td>
                <Table.Td><Badge variant="light">{t(ENROLMENT_STATUS_LABEL[e.status])}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
