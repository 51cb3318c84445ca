import { useState } from 'react';
import { Anchor, Card, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGENDA_VIEWS, APPOINTMENT_STATUS_LABEL_KEYS, MODALITY_LABEL_KEYS, todayIn, type AgendaView } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useAgenda } from '../api/scheduling.ts';
import { formatLocal, languageName } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

const VIEW_KEYS = { day: 'scheduling.agenda.day', week: 'scheduling.agenda.week', month: 'scheduling.agenda.month' } as const;

/** The signed-in officer's interviews for a day, a week or a month, in their office's time. */
export function AgendaPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [view, setView] = useState<AgendaView>('week');
  const [date, setDate] = useState(todayIn());
  const agenda = useAgenda(view, date);
  return (
    <Stack>
      <PageHeader title={t('scheduling.agenda.title')} description={t('scheduling.agenda.description')} />
      <Group align="flex-end">
        <SegmentedControl value={view} onChange={(v) => setView(v as AgendaView)} aria-label={t('scheduling.agenda.view')}
          data={AGENDA_VIEWS.map((v) => ({ value: v, label: t(VIEW_KEYS[v]) }))} />
        <TextInput type="date" label={t('scheduling.agenda.date')} value={date} onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)} />
      </Group>
      {agenda.isPending ? <LoadingState /> : !agenda.data ? <ErrorAlert error={agenda.error} /> : (
        <Card withBorder>
          <Text size="sm" c="dimmed" mb="sm">{t('scheduling.agenda.range', { from: agenda.data.from, to: agenda.data.to, zone: agenda.data.timeZone })}</Text>
          {agenda.data.items.length === 0 ? <Text c="dimmed">{t('scheduling.agenda.empty')}</Text> : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('scheduling.agenda.when')}</Table.Th>
                  <Table.Th scope="col">{t('scheduling.agenda.claim')}</Table.Th>
                  <Table.Th scope="col">{t('scheduling.agenda.where')}</Table.Th>
                  <Table.Th scope="col">{t('scheduling.agenda.language')}</Table.Th>
                  <Table.Th scope="col">{t('scheduling.agenda.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agenda.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{formatLocal(i.localStart, language)} – {i.localEnd.slice(11)}</Table.Td>
                    <Table.Td><Anchor component={Link} to={`/claims/${i.claimId}/appointments`}>{i.claimNumber}</Anchor></Table.Td>
                    <Table.Td>{i.room ?? t(MODALITY_LABEL_KEYS[i.modality])}</Table.Td>
                    <Table.Td>{languageName(t, i.language)}{i.interpreterName ? ` (${i.interpreterName})` : ''}</Table.Td>
                    <Table.Td><StateBadge tone="neutral" look="outline">{t(APPOINTMENT_STATUS_LABEL_KEYS[i.status])}</StateBadge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
