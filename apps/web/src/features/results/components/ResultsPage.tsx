import { useState } from 'react';
import { Alert, Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parsePeriod, type Language, type ResultView } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { useResultsView } from '../api/results-view.ts';
import { useMe } from '../../auth/index.ts';
import { RESULTS_DASHBOARDS } from './dashboards.ts';
import { ResultTableCard } from './ResultTableCard.tsx';

function ResultsPanel({ view, period }: { view: ResultView; period: string }) {
  const { t, i18n } = useTranslation();
  const result = useResultsView(view, period);
  if (result.isPending) return <LoadingState />;
  if (result.error) return <ErrorAlert error={result.error} />;
  const data = result.data;
  return (
    <Stack>
      <Text size="sm">
        {data.asOf ? t('results.asOf', { asOf: formatDateTime(data.asOf, i18n.language as Language) }) : t('results.neverRefreshed')}
      </Text>
      {data.suppressed && <Alert color="blue" title={t('results.suppressedTitle')}>{t('results.suppressedBody', { threshold: data.threshold })}</Alert>}
      {data.tables.map((table) => <ResultTableCard key={table.key} view={view} period={period} table={table} exact={!data.suppressed} />)}
    </Stack>
  );
}

/** The results the authority is judged on: a tab per dashboard the reader's roles may see, for one period. */
export function ResultsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const dashboards = RESULTS_DASHBOARDS.filter((d) => d.allowed(me.data?.permissions ?? []));
  // The current year by default, read once when the page opens.
  const [year] = useState(() => new Date().getFullYear());
  const [draft, setDraft] = useState(String(year));
  const [period, setPeriod] = useState(draft);
  const [tab, setTab] = useState<string | null>(dashboards[0]?.key ?? null);
  const invalid = parsePeriod(draft) === null;
  return (
    <Stack>
      <PageHeader title={t('results.title')} description={t('results.description')} />
      <form onSubmit={(e) => { e.preventDefault(); if (!invalid) setPeriod(draft); }}>
        <Group align="flex-end">
          <TextInput label={t('results.period.label')} description={t('results.period.hint')} value={draft}
            onChange={(e) => setDraft(e.currentTarget.value.trim())} error={invalid ? t('validation.results_period') : undefined} />
          <Button type="submit">{t('results.period.apply')}</Button>
          {[year, year - 1].map((y) => (
            <Button key={y} variant="default" onClick={() => { setDraft(String(y)); setPeriod(String(y)); }}>
              {t(y === year ? 'results.period.thisYear' : 'results.period.lastYear')}
            </Button>
          ))}
        </Group>
      </form>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {dashboards.map((d) => <Tabs.Tab key={d.key} value={d.key}>{t(d.labelKey)}</Tabs.Tab>)}
        </Tabs.List>
        {dashboards.map((d) => (
          <Tabs.Panel key={d.key} value={d.key} pt="md">
            <Text c="dimmed" mb="md">{t(d.descriptionKey)}</Text>
            <ResultsPanel view={d.view} period={period} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
