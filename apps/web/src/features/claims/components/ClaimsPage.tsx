import { useCallback, useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Alert, Anchor, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CLAIM_MODALITIES, CLAIM_STATUSES, RISK_BANDS, SENSITIVE_CATEGORIES, VULNERABILITY_CATEGORIES, type TClaimListItem } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { can, canAny, useMe } from '../../auth/index.ts';
import { EMPTY_FILTERS, useClaimQueue, useRiskCounts, type ClaimFilters } from '../api/claims.ts';
import { MODALITY_LABEL, RISK_BAND_LABEL, STATUS_LABEL } from './labels.ts';
import { ClaimStatusBadge, WorkingDaysBadge } from './RiskBadge.tsx';

function filtersFrom(params: URLSearchParams): ClaimFilters {
  const text = (key: keyof ClaimFilters) => params.get(key) ?? (EMPTY_FILTERS[key] as string);
  const open = params.get('open');
  return {
    q: text('q'), status: text('status'), open: open === 'false' ? 'false' : open === '' ? '' : 'true',
    mine: params.get('mine') === 'true', unassigned: params.get('unassigned') === 'true',
    competencyGap: params.get('competencyGap') === 'true', officeId: text('officeId'),
    nationality: text('nationality'), flag: text('flag'), riskBand: text('riskBand'), modality: text('modality'),
    lodgedFrom: text('lodgedFrom'), lodgedTo: text('lodgedTo'),
  };
}

/** The work queue: claims in the user's scope, most urgent first, with counts per risk band. */
export function ClaimsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const queue = useClaimQueue(filters);
  const counts = useRiskCounts(Boolean(me.data && canAny(me.data, 'read', 'claim')));
  const mayRegister = me.data ? can(me.data, 'register:claim:office') : false;
  const mayAssign = me.data ? can(me.data, 'assign:claim:office') : false;
  // The supervisor's alert: claims whose officer lost a required competency (first page is enough to count "50+").
  const gaps = useClaimQueue({ ...EMPTY_FILTERS, competencyGap: true }, mayAssign && !filters.competencyGap);
  const gapCount = gaps.data?.pages[0]?.items.length ?? 0;
  const mayReadSensitive = me.data ? canAny(me.data, 'read', 'sensitive') : false;

  const [q, setQ] = useState(filters.q);
  const [typed] = useDebouncedValue(q, 400);
  const change = useCallback((patch: Partial<ClaimFilters>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(patch)) {
        if (value === false || value === (EMPTY_FILTERS as unknown as Record<string, unknown>)[key]) next.delete(key);
        else next.set(key, String(value));
      }
      return next;
    }, { replace: true });
  }, [setParams]);
  // Search as the user types, once a word is long enough to match.
  useEffect(() => {
    if (typed.trim().length !== 1) change({ q: typed.trim() });
  }, [typed, change]);

  const categories = VULNERABILITY_CATEGORIES.filter((c) => mayReadSensitive || !SENSITIVE_CATEGORIES.includes(c));
  const columns: Column<TClaimListItem>[] = [
    { key: 'number', header: t('intake.claim.number'), render: (c) => <Anchor component={Link} to={`/claims/${c.id}`} ff="monospace">{c.claimNumber}</Anchor> },
    { key: 'principal', header: t('intake.claim.principal'), render: (c) => (
      <div><Text size="sm" fw={500}>{c.principalName}</Text>
        <Text size="xs" c="dimmed">{[c.principalNationalities.join(', '), t('intake.list.members', { count: c.memberCount })].filter(Boolean).join(' · ')}</Text></div>
    ) },
    { key: 'status', header: t('common.status'), render: (c) => <ClaimStatusBadge status={c.status} /> },
    { key: 'due', header: t('intake.claim.decisionDue'), render: (c) => (
      <Group gap={6} wrap="nowrap">{c.decisionDueOn ? formatDate(c.decisionDueOn, language) : '—'}<WorkingDaysBadge band={c.riskBand} daysLeft={c.decisionWorkingDaysLeft} /></Group>
    ) },
    { key: 'officer', header: t('intake.claim.officer'), render: (c) => c.assignedOfficerName ?? <Text size="sm" c="dimmed">{t('intake.claim.unassigned')}</Text> },
    { key: 'flags', header: t('intake.claim.flags'), render: (c) => (
      <Text size="xs">{[...c.flagCategories.map((f) => t(labelKey(CATEGORY_LABEL, f))),
        ...(c.hiddenSensitiveFlags > 0 ? [t('intake.flags.hiddenCount', { count: c.hiddenSensitiveFlags })] : [])].join(', ')}</Text>
    ) },
    { key: 'office', header: t('intake.claim.office'), render: (c) => c.officeCode },
  ];
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('intake.list.title')} description={t('intake.list.description')}
        actions={mayRegister && <Button onClick={() => void navigate('/claims/new')}>{t('intake.register.action')}</Button>} />
      {gapCount > 0 && (
        <Alert color="orange" mb="md" title={t('intake.list.competencyGapTitle')}>
          <Group gap="sm">
            <Text size="sm">{t('intake.list.competencyGapAlert', { count: gapCount })}</Text>
            <Anchor component="button" type="button" size="sm" onClick={() => change({ competencyGap: true })}>
              {t('intake.list.competencyGapShow')}
            </Anchor>
          </Group>
        </Alert>
      )}
      {counts.data && counts.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="lg">
          {counts.data.map((office) => (
            <Card key={office.officeId} withBorder component="section" aria-label={office.officeName}>
              <Text fw={600}>{office.officeName}</Text>
              <Group gap="md" mt="xs">
                {([['overdue', office.overdue], ['due_soon', office.dueSoon], ['on_track', office.onTrack]] as const).map(([band, n]) => (
                  <Anchor key={band} component="button" type="button" size="sm" onClick={() => change({ riskBand: band, officeId: office.officeId, open: 'true' })}>
                    {t(labelKey(RISK_BAND_LABEL, band))}: <strong>{n}</strong>
                  </Anchor>
                ))}
                <Text size="sm" c="dimmed">{t('intake.list.noDueDate')}: {office.noDueDate}</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Card withBorder mb="md" component="form" role="search" aria-label={t('intake.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput label={t('intake.list.search')} description={t('intake.list.searchHint')} value={q}
              onChange={(e) => setQ(e.currentTarget.value)} />
            <NativeSelect label={t('intake.list.open')} value={filters.open}
              data={[{ value: 'true', label: t('intake.list.openOnly') }, { value: 'false', label: t('intake.list.finishedOnly') }, { value: '', label: t('common.all') }]}
              onChange={(e) => change({ open: e.currentTarget.value as ClaimFilters['open'] })} />
            <NativeSelect label={t('common.status')} value={filters.status}
              data={[{ value: '', label: t('common.all') }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(labelKey(STATUS_LABEL, s)) }))]}
              onChange={(e) => change({ status: e.currentTarget.value })} />
            <NativeSelect label={t('intake.list.riskBand')} value={filters.riskBand}
              data={[{ value: '', label: t('common.all') }, ...RISK_BANDS.map((b) => ({ value: b, label: t(labelKey(RISK_BAND_LABEL, b)) }))]}
              onChange={(e) => change({ riskBand: e.currentTarget.value })} />
            <NativeSelect label={t('intake.claim.flags')} value={filters.flag}
              data={[{ value: '', label: t('common.all') }, ...categories.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
              onChange={(e) => change({ flag: e.currentTarget.value })} />
            <NativeSelect label={t('intake.claim.modality')} value={filters.modality}
              data={[{ value: '', label: t('common.all') }, ...CLAIM_MODALITIES.map((m) => ({ value: m, label: t(labelKey(MODALITY_LABEL, m)) }))]}
              onChange={(e) => change({ modality: e.currentTarget.value })} />
            <TextInput label={t('intake.list.nationality')} description={t('intake.list.nationalityHint')} maxLength={3}
              value={filters.nationality} onChange={(e) => change({ nationality: e.currentTarget.value.toUpperCase() })} />
            <Group grow>
              <TextInput type="date" label={t('intake.list.lodgedFrom')} value={filters.lodgedFrom} onChange={(e) => change({ lodgedFrom: e.currentTarget.value })} />
              <TextInput type="date" label={t('intake.list.lodgedTo')} value={filters.lodgedTo} onChange={(e) => change({ lodgedTo: e.currentTarget.value })} />
            </Group>
          </SimpleGrid>
          <Group>
            <Checkbox label={t('intake.list.mine')} checked={filters.mine} onChange={(e) => change({ mine: e.currentTarget.checked })} />
            <Checkbox label={t('intake.list.unassigned')} checked={filters.unassigned} onChange={(e) => change({ unassigned: e.currentTarget.checked })} />
            {mayAssign && (
              <Checkbox label={t('intake.list.competencyGap')} checked={filters.competencyGap}
                onChange={(e) => change({ competencyGap: e.currentTarget.checked })} />
            )}
            <Button variant="subtle" onClick={() => { setQ(''); setParams(new URLSearchParams(), { replace: true }); }}>{t('intake.list.clear')}</Button>
          </Group>
        </Stack>
      </Card>
      <ErrorAlert error={queue.error} />
      {queue.isPending ? <LoadingState /> : (
        <>
          <DataTable caption={t('intake.list.title')} columns={columns} rows={items} rowKey={(c) => c.id} />
          {queue.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="default" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>{t('intake.list.more')}</Button>
            </Group>
          )}
        </>
      )}
    </>
  );
}
