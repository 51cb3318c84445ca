import { Anchor, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultView, TResultTable } from '@refugio/domain';
import { resultsDownloadHref } from '../api/results-view.ts';
import { ResultChart } from './ResultChart.tsx';

interface ResultTableCardProps {
  view: ResultView;
  period: string;
  table: TResultTable;
  /** The reader sees exact figures: offer the export for outside use too (suppressed). */
  exact: boolean;
}

/** One table of a view: its chart, the table itself and its downloads. */
export function ResultTableCard({ view, period, table, exact }: ResultTableCardProps) {
  const { t } = useTranslation();
  const id = `results-${view}-${table.key}`;
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" align="flex-start">
        <Title order={3} size="h4" id={id}>{table.title}</Title>
        <Group gap="sm">
          <Anchor href={resultsDownloadHref(view, period, table.key, 'csv')} size="sm">{t('results.download.csv', { table: table.title })}</Anchor>
          <Anchor href={resultsDownloadHref(view, period, table.key, 'xlsx')} size="sm">{t('results.download.xlsx', { table: table.title })}</Anchor>
          {exact && (
            <Anchor href={resultsDownloadHref(view, period, table.key, 'xlsx', true)} size="sm">
              {t('results.download.outside', { table: table.title })}
            </Anchor>
          )}
        </Group>
      </Group>
      {table.rows.length === 0 ? <Text size="sm">{t('results.empty')}</Text> : (
        <Stack>
          <ResultChart table={table} />
          {/* Wide tables scroll sideways: the scroller takes keyboard focus so arrow keys reach every column (WCAG 2.1.1). */}
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={t('results.scrollTable', { table: table.title })}>
            <Table striped withTableBorder miw={720}>
              <Table.Thead>
                <Table.Tr>{table.headers.map((h) => <Table.Th key={h} scope="col">{h}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row, r) => (
                  // Rows have no id; their position in a table that is rebuilt whole is stable.
                  // oxlint-disable-next-line react/no-array-index-key
                  <Table.Tr key={r}>{row.map((cell, i) => <Table.Td key={table.headers[i]}>{cell ?? '—'}</Table.Td>)}</Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </Stack>
      )}
    </Card>
  );
}
