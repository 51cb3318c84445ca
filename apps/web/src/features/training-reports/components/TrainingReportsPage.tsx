import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TRAINING_REPORTS, ZReportTable, type TrainingReportName } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { apiRequest } from '../../../lib/api-client.ts';

const REPORT_TITLE: Record<TrainingReportName, string> = {
  trained: 'trainingReports.reports.trained',
  coverage: 'trainingReports.reports.coverage',
  indicator: 'trainingReports.reports.indicator',
  trainers: 'trainingReports.reports.trainers',
};

type Table = ReturnType<typeof ZReportTable.parse>;

/** The indicator per month as bars with their value written on them (the table below carries the same numbers). */
function IndicatorChart({ table, label }: { table: Table; label: string }) {
  const points = table.rows.map((r) => ({ month: String(r[0]), share: typeof r[3] === 'number' ? r[3] : 0 }));
  if (points.length === 0) return null;
  const width = Math.max(320, points.length * 64);
  return (
    <svg role="img" aria-label={label} width={width} height={180} viewBox={`0 0 ${width} 180`}>
      {points.map((p, i) => {
        const h = (p.share / 100) * 130;
        return (
          <g key={p.month}>
            <rect x={i * 64 + 12} y={150 - h} width={40} height={h} fill="#1c5d99" />
            <text x={i * 64 + 32} y={144 - h} textAnchor="middle" fontSize="12" fill="#1a1a1a">{`${p.share}%`}</text>
            <text x={i * 64 + 32} y={168} textAnchor="middle" fontSize="12" fill="#1a1a1a">{p.month}</text>
          </g>
        );
      })}
    </svg>
  );
}

function ReportCard({ name, from, to }: { name: TrainingReportName; from: string; to: string }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['training-reports', name, from, to],
    queryFn: () => apiRequest(`/api/training/reports/${name}`, { query: { from, to }, schema: ZReportTable }),
  });
  const title = t(REPORT_TITLE[name]);
  const link = (format: 'csv' | 'xlsx') => `/api/training/reports/${name}?${new URLSearchParams({ from, to, format })}`;
  return (
    <Card withBorder component="section" aria-labelledby={`report-${name}`}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={`report-${name}`}>{title}</Title>
        <Group gap="sm">
          <Anchor href={link('csv')} size="sm">{t('trainingReports.download.csv', { report: title })}</Anchor>
          <Anchor href={link('xlsx')} size="sm">{t('trainingReports.download.xlsx', { report: title })}</Anchor>
        </Group>
      </Group>
      <ErrorAlert error={report.error} />
      {report.isPending ? <LoadingState /> : report.data && (
        report.data.rows.length === 0 ? <Text size="sm">{t('trainingReports.empty')}</Text> : (
          <Stack>
            {name === 'indicator' && <IndicatorChart table={report.data} label={t('trainingReports.chart')} />}
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>{report.data.headers.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.rows.map((row) => (
                    <Table.Tr key={row.join('|')}>{row.map((cell, i) => <Table.Td key={report.data.headers[i]}>{cell ?? '—'}</Table.Td>)}</Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      )}
    </Card>
  );
}

/** Training results for a period: who was trained, coverage, trainers, and the competent-assignment indicator. */
export function TrainingReportsPage() {
  const { t } = useTranslation();
  // The current year by default, read once when the page opens.
  const [from, setFrom] = useState(() => `${new Date().getFullYear()}-01-01`);
  const [to, setTo] = useState(() => `${new Date().getFullYear()}-12-31`);
  const [period, setPeriod] = useState({ from, to });
  return (
    <Stack>
      <PageHeader title={t('trainingReports.title')} description={t('trainingReports.description')} />
      <form onSubmit={(e) => { e.preventDefault(); setPeriod({ from, to }); }}>
        <Group align="flex-end">
          <TextInput type="date" label={t('trainingReports.filters.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('trainingReports.filters.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit">{t('trainingReports.filters.apply')}</Button>
        </Group>
      </form>
      {TRAINING_REPORTS.map((name) => <ReportCard key={name} name={name} from={period.from} to={period.to} />)}
    </Stack>
  );
}
