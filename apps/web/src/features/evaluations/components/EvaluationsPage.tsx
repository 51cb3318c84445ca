import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { can, useMe } from '../../auth/index.ts';
import { useEvaluations } from '../api/evaluations.ts';

/** The capacity-building actions under evaluation, newest first. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useEvaluations();
  return (
    <Stack>
      <PageHeader title={t('evaluations.title')} description={t('evaluations.description')} />
      {me.data && can(me.data, 'manage:training:institution') && (
        <Group><Button component={Link} to="/training/evaluations/new">{t('evaluations.new')}</Button></Group>
      )}
      <ErrorAlert error={list.error} />
      {list.isPending ? <LoadingState /> : (list.data ?? []).length === 0 ? <Text>{t('evaluations.empty')}</Text> : (
        <Card withBorder>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evaluations.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('evaluations.fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('evaluations.columns.dates')}</Table.Th>
                <Table.Th scope="col">{t('evaluations.columns.sessions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td><Anchor component={Link} to={`/training/evaluations/${a.id}`} aria-label={t('evaluations.open', { title: a.title })}>{a.title}</Anchor></Table.Td>
                  <Table.Td>{t(`evaluations.kinds.${a.kind}`)}</Table.Td>
                  <Table.Td>{`${a.startsOn} – ${a.endsOn}`}</Table.Td>
                  <Table.Td>{a.sessions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
