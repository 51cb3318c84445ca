import { useState } from 'react';
import { Anchor, Box, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MATRIX_STATUSES } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { can, useMe } from '../../auth/index.ts';
import { useOffices } from '../../organisations/index.ts';
import { useOfficeMatrix } from '../api/competencies.ts';
import { STATUS_STYLE, statusLabelKey } from './grant-status.ts';
import { StatusMark, StatusSquare } from './StatusMark.tsx';

/** People × competencies of an office, as a table with words or as a heat map (colour, symbol and pattern). */
export function OfficeMatrixPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const offices = useOffices();
  const [officeId, setOfficeId] = useState('');
  const [soonDays, setSoonDays] = useState(90);
  const [view, setView] = useState<'table' | 'heatmap'>('table');
  const chosen = officeId || me.data?.offices[0]?.id || '';
  const matrix = useOfficeMatrix(chosen, soonDays);
  // The offices the caller's read scope reaches: everyone's, the institution's, or their own.
  const choices = !me.data ? [] : can(me.data, 'read:competency:all') ? (offices.data ?? [])
    : can(me.data, 'read:competency:institution') ? (offices.data ?? []).filter((o) => o.institutionId === me.data?.institution.id)
      : me.data.offices;
  return (
    <Stack>
      <PageHeader title={t('competencies.matrix.title')} description={t('competencies.matrix.description')} />
      <Group align="end">
        <NativeSelect label={t('competencies.matrix.office')} value={chosen} onChange={(e) => setOfficeId(e.currentTarget.value)}
          data={choices.map((o) => ({ value: o.id, label: o.name }))} />
        <NumberInput label={t('competencies.matrix.soonDays')} min={1} max={730} value={soonDays}
          onChange={(v) => setSoonDays(typeof v === 'number' && v > 0 ? v : 90)} w={200} />
        <SegmentedControl value={view} onChange={(v) => setView(v as 'table' | 'heatmap')} aria-label={t('competencies.matrix.view')}
          data={[{ value: 'table', label: t('competencies.matrix.table') }, { value: 'heatmap', label: t('competencies.matrix.heatmap') }]} />
      </Group>
      <Group gap="md" aria-label={t('competencies.matrix.legend')} role="list">
        {MATRIX_STATUSES.map((s) => (
          <Group key={s} gap={4} role="listitem">
            <StatusMark status={s} label={t(statusLabelKey(s))} />
          </Group>
        ))}
      </Group>
      {matrix.isPending && chosen ? <LoadingState /> : matrix.error ? <ErrorAlert error={matrix.error} /> : matrix.data && (
        <Box style={{ overflowX: 'auto' }}>
          <Table withTableBorder withColumnBorders>
            <Table.Caption>{t('competencies.matrix.caption', { date: formatDate(matrix.data.day, language), days: matrix.data.soonDays })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('competencies.matrix.person')}</Table.Th>
                {matrix.data.competencies.map((c) => <Table.Th key={c.code} scope="col">{c.title}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/training/competencies?userId=${p.id}&name=${encodeURIComponent(p.fullName)}`}>{p.fullName}</Anchor>
                  </Table.Th>
                  {p.cells.map((c) => {
                    const label = t(statusLabelKey(c.status));
                    const until = c.expiresOn ? t('competencies.matrix.until', { date: formatDate(c.expiresOn, language) }) : '';
                    return (
                      <Table.Td key={c.code} p={view === 'heatmap' ? 2 : undefined}>
                        {view === 'heatmap'
                          ? <StatusSquare fill status={c.status} label={`${label}${until ? `, ${until}` : ''}`} />
                          : <Text size="sm"><span aria-hidden="true">{STATUS_STYLE[c.status].symbol} </span>{label}{until && <Text span size="xs" display="block">{until}</Text>}</Text>}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}
