import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { useCoverage } from '../api/training-impact.ts';
import { downloadCsv } from './download-csv.ts';

/** Coverage per required competency across the reader's offices: the chart, its table and its export. */
export function CoverageSection() {
  const { t } = useTranslation();
  const coverage = useCoverage();
  // The report's rows are office × competency: [office, competency, officers, holders, share].
  const totals = new Map<string, { officers: number; holders: number }>();
  for (const row of coverage.data?.rows ?? []) {
    const key = String(row[1]);
    const total = totals.get(key) ?? { officers: 0, holders: 0 };
    total.officers += Number(row[2]);
    total.holders += Number(row[3]);
    totals.set(key, total);
  }
  const rows = [...totals].map(([competency, v]) => ({ competency, ...v, share: v.officers ? Math.round((v.holders / v.officers) * 1000) / 10 : 0 }));
  const headers = [t('trainingImpact.columns.competency'), t('trainingImpact.columns.officers'), t('trainingImpact.columns.holders'), t('trainingImpact.columns.share')];
  return (
    <Card withBorder component="section" aria-labelledby="coverage-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="coverage-title">{t('trainingImpact.coverage.title')}</Title>
        <Button variant="light" size="xs" disabled={rows.length === 0}
          onClick={() => downloadCsv('refugio-cobertura.csv', headers, rows.map((r) => [r.competency, r.officers, r.holders, r.share]), [1, 2])}>
          {t('trainingImpact.coverage.download')}
        </Button>
      </Group>
      <ErrorAlert error={coverage.error} />
      {coverage.isPending ? <LoadingState /> : rows.length === 0 ? <Text size="sm">{t('trainingImpact.coverage.empty')}</Text> : (
        <>
          <figure aria-label={t('trainingImpact.coverage.chart')} style={{ margin: 0 }}>
            <BarChart h={240} data={rows} dataKey="competency" unit=" %" withBarValueLabel yAxisProps={{ domain: [0, 100] }}
              series={[{ name: 'share', label: t('trainingImpact.columns.share'), color: 'blue.8' }]} />
          </figure>
          <Table.ScrollContainer minWidth={480} mt="md">
            <Table striped>
              <Table.Thead><Table.Tr>{headers.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.competency}><Table.Td>{r.competency}</Table.Td><Table.Td>{r.officers}</Table.Td><Table.Td>{r.holders}</Table.Td><Table.Td>{`${r.share} %`}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
