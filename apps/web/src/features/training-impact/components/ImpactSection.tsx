import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Language, TTrainingImpact } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { impactQueryString, useTrainingActions, useTrainingImpact, type ImpactParams } from '../api/training-impact.ts';

const CELLS = ['trained_before', 'trained_after', 'untrained_before', 'untrained_after'] as const;
const VERDICT_COLOR = { too_few: 'gray.8', no_clear_difference: 'gray.8', improved: 'teal.9', worsened: 'red.9' } as const;
type Metric = TTrainingImpact['metrics'][number];

const yearLater = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/** Days with one decimal, shares as percentages; "—" for a figure that is not there (or suppressed). */
function useFigure() {
  const { i18n } = useTranslation();
  return (metric: Metric['metric'], value: number | null, signed = false) => {
    if (value === null) return '—';
    const scaled = metric === 'working_days' ? value : value * 100;
    const text = (Math.round(scaled * 10) / 10).toLocaleString(i18n.language, signed ? { signDisplay: 'exceptZero' } : {});
    return metric === 'working_days' ? text : `${text} %`;
  };
}

function ImpactChart({ metric, scale, label }: { metric: Metric; scale: number; label: string }) {
  const { t } = useTranslation();
  const data = (['trained', 'untrained'] as const).map((g) => ({
    group: t(`trainingImpact.groups.${g}`),
    before: metric.cells[`${g}_before`].mean === null ? 0 : Math.round(metric.cells[`${g}_before`].mean! * scale * 10) / 10,
    after: metric.cells[`${g}_after`].mean === null ? 0 : Math.round(metric.cells[`${g}_after`].mean! * scale * 10) / 10,
  }));
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <Text size="sm" fw={600} component="figcaption">{label}</Text>
      <BarChart h={220} data={data} dataKey="group" withLegend withBarValueLabel
        series={[{ name: 'before', label: t('trainingImpact.periods.before'), color: 'gray.7' }, { name: 'after', label: t('trainingImpact.periods.after'), color: 'blue.8' }]} />
    </figure>
  );
}

function ImpactTable({ impact }: { impact: TTrainingImpact }) {
  const { t } = useTranslation();
  const figure = useFigure();
  return (
    // A native scroller that takes the keyboard focus, so the wide table can be scrolled without a mouse (WCAG 2.1.1).
    <Table.ScrollContainer type="native" minWidth={900} tabIndex={0} role="region" aria-label={t('trainingImpact.impact.tableCaption')}>
      <Table striped>
        <Table.Caption>{t('trainingImpact.impact.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainingImpact.columns.measure')}</Table.Th>
            {CELLS.map((c) => <Table.Th key={c} scope="col">{t(`trainingImpact.cells.${c}`)}</Table.Th>)}
            <Table.Th scope="col">{t('trainingImpact.columns.estimate')}</Table.Th>
            <Table.Th scope="col">{t('trainingImpact.columns.low')}</Table.Th>
            <Table.Th scope="col">{t('trainingImpact.columns.high')}</Table.Th>
            <Table.Th scope="col">{t('trainingImpact.columns.verdict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {impact.metrics.map((m) => (
            <Table.Tr key={m.metric}>
              <Table.Th scope="row">{t(`trainingImpact.metrics.${m.metric}`)}</Table.Th>
              {CELLS.map((c) => (
                <Table.Td key={c}>{figure(m.metric, m.cells[c].mean)} <Text span size="xs" c="dimmed">{`(n = ${m.cells[c].n ?? '<5'})`}</Text></Table.Td>
              ))}
              <Table.Td>{figure(m.metric, m.estimate, true)}</Table.Td>
              <Table.Td>{figure(m.metric, m.low, true)}</Table.Td>
              <Table.Td>{figure(m.metric, m.high, true)}</Table.Td>
              <Table.Td><Badge color={VERDICT_COLOR[m.verdict]} variant="filled">{t(`trainingImpact.verdicts.${m.verdict}`)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The before/after comparison for an action: choose a session (or widen its dates), read the charts, the table and the verdicts. */
export function ImpactSection() {
  const { t, i18n } = useTranslation();
  const actions = useTrainingActions();
  const [chosen, setChosen] = useState('');
  const [edited, setEdited] = useState<ImpactParams | null>(null);
  const [applied, setApplied] = useState<ImpactParams | null>(null);
  // As the page opens it compares the newest action whose year after has passed (else the newest).
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const first = actions.data?.find((a) => yearLater(a.to) <= today) ?? actions.data?.[0];
  const defaults = first ? { moduleId: first.moduleId, from: first.from, to: first.to, months: 12 } : null;
  const sessionId = chosen || first?.sessionId || '';
  const draft = edited ?? defaults;
  const params = applied ?? defaults;
  const setDraft = setEdited;
  const pick = (id: string) => {
    const action = actions.data?.find((a) => a.sessionId === id);
    if (!action) return;
    const next = { moduleId: action.moduleId, from: action.from, to: action.to, months: draft?.months ?? 12 };
    setChosen(id);
    setEdited(next);
    setApplied(next);
  };
  const impact = useTrainingImpact(params);
  return (
    <Card withBorder component="section" aria-labelledby="impact-title">
      <Title order={2} size="h4" id="impact-title" mb="sm">{t('trainingImpact.impact.title')}</Title>
      <ErrorAlert error={actions.error ?? impact.error} />
      {actions.isPending ? <LoadingState /> : (actions.data ?? []).length === 0 ? <Text size="sm">{t('trainingImpact.impact.noActions')}</Text> : (
        <Stack>
          <form onSubmit={(e) => { e.preventDefault(); setApplied(draft); }}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} style={{ alignItems: 'end' }}>
              <NativeSelect label={t('trainingImpact.impact.action')} value={sessionId} onChange={(e) => pick(e.currentTarget.value)}
                data={(actions.data ?? []).map((a) => ({ value: a.sessionId, label: `${a.moduleTitle} · ${a.sessionCode}` }))} />
              <TextInput type="date" label={t('trainingImpact.impact.from')} value={draft?.from ?? ''} onChange={(e) => setDraft(draft && { ...draft, from: e.currentTarget.value })} />
              <TextInput type="date" label={t('trainingImpact.impact.to')} value={draft?.to ?? ''} onChange={(e) => setDraft(draft && { ...draft, to: e.currentTarget.value })} />
              <NumberInput label={t('trainingImpact.impact.months')} min={1} max={36} allowDecimal={false} value={draft?.months ?? 12}
                onChange={(v) => setDraft(draft && { ...draft, months: typeof v === 'number' ? v : 12 })} />
              <Button type="submit">{t('trainingImpact.impact.apply')}</Button>
            </SimpleGrid>
          </form>
          {impact.isFetching && <LoadingState />}
          {impact.data && params && (
            <Stack>
              <Text size="sm">{t('trainingImpact.impact.method', {
                before: `${impact.data.windows.before.from} – ${impact.data.windows.before.to}`, after: `${impact.data.windows.after.from} – ${impact.data.windows.after.to}` })}</Text>
              <Text size="sm" fw={600}>{t('trainingImpact.impact.officers', { trained: impact.data.officers.trained ?? '<5', untrained: impact.data.officers.untrained ?? '<5' })}</Text>
              {impact.data.suppressed && <Text size="sm">{t('trainingImpact.impact.suppressed')}</Text>}
              <Text size="xs" c="dimmed">{t('trainingImpact.impact.computedAt', { date: formatDateTime(impact.data.computedAt, i18n.language as Language) })}</Text>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <ImpactChart metric={impact.data.metrics.find((m) => m.metric === 'working_days')!} scale={1} label={t('trainingImpact.impact.daysChart')} />
                <ImpactChart metric={impact.data.metrics.find((m) => m.metric === 'within_deadline')!} scale={100} label={t('trainingImpact.impact.withinChart')} />
              </SimpleGrid>
              <ImpactTable impact={impact.data} />
              <Group gap="md">
                <Anchor href={`/api/training/impact?${impactQueryString(params, 'csv')}`} size="sm">{t('trainingImpact.impact.downloadCsv')}</Anchor>
                <Anchor href={`/api/training/impact?${impactQueryString(params, 'xlsx')}`} size="sm">{t('trainingImpact.impact.downloadXlsx')}</Anchor>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Card>
  );
}
