import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MODULE_LEVELS, SESSION_FORMATS, type TTrainingModule } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { roleLabel } from '../../../lib/role-label.ts';
import { FORMAT_LABEL, LEVEL_LABEL } from '../../../lib/training-labels.ts';
import { can, useMe } from '../../auth/index.ts';
import { useTrainingModules } from '../api/training-curriculum.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

interface Filter { level: string; format: string; group: string }

function matches(m: TTrainingModule, f: Filter): boolean {
  return (!f.level || m.level === f.level)
    && (!f.format || m.formats.includes(f.format as TTrainingModule['formats'][number]))
    && (!f.group || m.targetGroups.includes(f.group));
}

/** The curriculum: each module's level, formats, audience, workload, what it confers and requires. */
export function CurriculumPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = me.data ? can(me.data, 'manage:training:institution') : false;
  const [showRetired, setShowRetired] = useState(false);
  const modules = useTrainingModules(mayManage && showRetired);
  const [filter, setFilter] = useState<Filter>({ level: '', format: '', group: '' });
  if (modules.isPending) return <LoadingState />;
  if (!modules.data) return <ErrorAlert error={modules.error} />;
  const groups = [...new Set(modules.data.flatMap((m) => m.targetGroups))].toSorted();
  const shown = modules.data.filter((m) => matches(m, filter));
  const all = { value: '', label: t('common.all') };
  return (
    <Stack>
      <PageHeader
        title={t('training.catalogue.title')} description={t('training.catalogue.description')}
        actions={me.data && can(me.data, 'manage:training:institution') && (
          <Button component={Link} to="/training/catalogue/new">{t('training.catalogue.newModule')}</Button>
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} role="search" aria-label={t('training.catalogue.filters')}>
        <NativeSelect label={t('training.fields.level')} value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.currentTarget.value })}
          data={[all, ...MODULE_LEVELS.map((l) => ({ value: l, label: t(LEVEL_LABEL[l]) }))]} />
        <NativeSelect label={t('training.fields.format')} value={filter.format} onChange={(e) => setFilter({ ...filter, format: e.currentTarget.value })}
          data={[all, ...SESSION_FORMATS.map((f) => ({ value: f, label: t(FORMAT_LABEL[f]) }))]} />
        <NativeSelect label={t('training.fields.targetGroups')} value={filter.group} onChange={(e) => setFilter({ ...filter, group: e.currentTarget.value })}
          data={[all, ...groups.map((g) => ({ value: g, label: roleLabel(t, g) }))]} />
      </SimpleGrid>
      {mayManage && (
        <Switch label={t('training.catalogue.showRetired')} checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
      )}
      <Text size="sm" role="status">{t('training.catalogue.count', { count: shown.length })}</Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('training.fields.module')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.level')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.formats')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.targetGroups')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.workload')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.confers')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.requires')}</Table.Th>
              <Table.Th scope="col">{t('training.fields.validity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/training/catalogue/${m.id}`} size="sm" fw={600}>{m.code} · {m.title}</Anchor>
                  {!m.active && <StateBadge tone="neutral" look="outline" ml={6}>{t('common.inactive')}</StateBadge>}
                  {m.description && <Text size="xs">{m.description}</Text>}
                </Table.Th>
                <Table.Td>{t(LEVEL_LABEL[m.level])}</Table.Td>
                <Table.Td><Group gap={4}>{m.formats.map((f) => <StateBadge tone="neutral" look="outline" key={f}>{t(FORMAT_LABEL[f])}</StateBadge>)}</Group></Table.Td>
                <Table.Td>{m.targetGroups.map((g) => roleLabel(t, g)).join(', ') || '—'}</Table.Td>
                <Table.Td>{t('training.catalogue.workload', { hours: m.onlineHours, days: m.faceToFaceDays })}</Table.Td>
                <Table.Td>{m.competencies.map((c) => c.title).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  {m.prerequisites.map((c) => c.title).join(', ') || '—'}
                  {m.experienceRoute && <Text size="xs">{t('training.catalogue.experienceRoute', { months: m.experienceRoute.months })}</Text>}
                </Table.Td>
                <Table.Td>{m.validityMonths ? t('training.catalogue.months', { months: m.validityMonths }) : t('training.catalogue.noExpiry')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
