import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { TEvaluation } from '@refugio/domain';

const count = (n: number | null) => (n === null ? '<5' : n);

/** What the records say about the action: its sessions (chart and table) and its participants per institution. */
export function EvaluationEvidence({ evaluation }: { evaluation: TEvaluation }) {
  const { t } = useTranslation();
  const data = evaluation.activities.map((a) => ({ session: a.code, enrolled: a.enrolled ?? 0, completed: a.completed ?? 0 }));
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="activities-title">
        <Title order={2} size="h4" id="activities-title" mb="sm">{t('evaluations.detail.activities')}</Title>
        {evaluation.activities.length === 0 ? <Text size="sm">{t('evaluations.detail.noActivities')}</Text> : (
          <Stack>
            <figure aria-label={t('evaluations.detail.chart')} style={{ margin: 0 }}>
              <BarChart h={220} data={data} dataKey="session" withLegend withBarValueLabel
                series={[{ name: 'enrolled', label: t('evaluations.columns.enrolled'), color: 'gray.7' }, { name: 'completed', label: t('evaluations.columns.completed'), color: 'blue.8' }]} />
            </figure>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    {['session', 'module', 'format', 'dates', 'enrolled', 'completed'].map((c) => <Table.Th key={c} scope="col">{t(`evaluations.columns.${c}`)}</Table.Th>)}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {evaluation.activities.map((a) => (
                    <Table.Tr key={a.sessionId}>
                      <Table.Td>{a.code}</Table.Td>
                      <Table.Td>{`${a.moduleCode} · ${a.moduleTitle}`}</Table.Td>
                      <Table.Td>{t(`trainingSessions.formats.${a.format}`)}</Table.Td>
                      <Table.Td>{`${a.firstDay ?? '—'} – ${a.lastDay ?? '—'}`}</Table.Td>
                      <Table.Td>{count(a.enrolled)}</Table.Td>
                      <Table.Td>{count(a.completed)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="participants-title">
        <Title order={2} size="h4" id="participants-title" mb="sm">{t('evaluations.detail.participants')}</Title>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluations.columns.institution')}</Table.Th>
              <Table.Th scope="col">{t('evaluations.columns.enrolled')}</Table.Th>
              <Table.Th scope="col">{t('evaluations.columns.completed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evaluation.participants.map((p) => (
              <Table.Tr key={p.institution}><Table.Td>{p.institution}</Table.Td><Table.Td>{count(p.enrolled)}</Table.Td><Table.Td>{count(p.completed)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
