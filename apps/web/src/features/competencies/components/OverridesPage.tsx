import { useState } from 'react';
import { Anchor, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZGatingOverride } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { apiRequest } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function defaultPeriod() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The supervisors' exceptions to competency gating: who took a claim without a required competency, and why. */
export function OverridesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [period, setPeriod] = useState(defaultPeriod);
  const overrides = useQuery({
    queryKey: ['gating-overrides', period],
    queryFn: () => apiRequest('/api/gating-overrides', { query: period, schema: ZGatingOverride.array() }),
    enabled: Boolean(period.from && period.to),
  });
  const csv = `/api/gating-overrides?${new URLSearchParams({ ...period, format: 'csv' })}`;
  return (
    <Stack>
      <PageHeader title={t('competencies.overrides.title')} description={t('competencies.overrides.description')} />
      <Group align="flex-end">
        <TextInput type="date" label={t('competencies.overrides.from')} value={period.from} onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })} />
        <TextInput type="date" label={t('competencies.overrides.to')} value={period.to} onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })} />
        <Anchor href={csv} size="sm" mb={8}>{t('competencies.overrides.downloadCsv')}</Anchor>
      </Group>
      {overrides.isPending ? <LoadingState /> : !overrides.data ? <ErrorAlert error={overrides.error} /> : overrides.data.length === 0
        ? <Card withBorder><Text c="dimmed">{t('competencies.overrides.none')}</Text></Card>
        : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder>
              <caption>{t('competencies.overrides.caption', { count: overrides.data.length })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('competencies.overrides.assignedAt')}</Table.Th>
                  <Table.Th scope="col">{t('competencies.overrides.claim')}</Table.Th>
                  <Table.Th scope="col">{t('competencies.overrides.officer')}</Table.Th>
                  <Table.Th scope="col">{t('competencies.overrides.missing')}</Table.Th>
                  <Table.Th scope="col">{t('competencies.overrides.reason')}</Table.Th>
                  <Table.Th scope="col">{t('competencies.overrides.resolved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overrides.data.map((o) => (
                  <Table.Tr key={o.assignmentId}>
                    <Table.Td>{formatDateTime(o.assignedAt, language)}<Text size="xs">{o.officeName}</Text></Table.Td>
                    <Table.Th scope="row">
                      {o.claimId ? <Anchor component={Link} to={`/claims/${o.claimId}`}>{o.claimNumber}</Anchor> : t('competencies.overrides.claimHidden')}
                    </Table.Th>
                    <Table.Td>{o.officerName}{o.assignedByName && <Text size="xs">{t('competencies.overrides.by', { name: o.assignedByName })}</Text>}</Table.Td>
                    <Table.Td>{o.missing.map((m) => m.title).join(', ')}</Table.Td>
                    <Table.Td>{o.reason}</Table.Td>
                    <Table.Td>
                      <StateBadge tone={o.resolved ? 'positive' : 'negative'}>
                        {o.resolved ? t('competencies.overrides.resolvedYes') : t('competencies.overrides.resolvedNo')}
                      </StateBadge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
    </Stack>
  );
}
