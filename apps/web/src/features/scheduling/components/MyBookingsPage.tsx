import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_STATUS_LABEL_KEYS, MODALITY_LABEL_KEYS } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useMyBookings } from '../api/scheduling.ts';
import { formatLocal, languageName } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** An interpreter's start page: their bookings and the interviews they took part in, nothing else of the claims. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = useMyBookings();
  if (mine.isPending) return <LoadingState />;
  if (!mine.data) return <ErrorAlert error={mine.error} />;
  const { bookings, interviews, interpreterName } = mine.data;
  return (
    <Stack>
      <PageHeader title={t('scheduling.mine.title')} description={t('scheduling.mine.description')} />
      {interpreterName === null && <Card withBorder><Text c="dimmed">{t('scheduling.mine.notOnRoster')}</Text></Card>}
      <section aria-labelledby="bookings-heading">
        <Title order={2} size="h4" id="bookings-heading" mb="sm">{t('scheduling.mine.bookings')}</Title>
        {bookings.length === 0 ? <Text c="dimmed">{t('scheduling.mine.noBookings')}</Text> : (
          <Stack component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {bookings.map((b) => (
              <Card key={b.id} withBorder component="li">
                <Group justify="space-between">
                  <Text fw={600}>{formatLocal(b.localStart, language)} – {b.localEnd.slice(11)}</Text>
                  <StateBadge tone="neutral" look="outline">{t(APPOINTMENT_STATUS_LABEL_KEYS[b.status])}</StateBadge>
                </Group>
                <Text size="sm">{languageName(t, b.language)} · {t(MODALITY_LABEL_KEYS[b.modality])}</Text>
                <Text size="sm">{t('scheduling.mine.place', { office: b.officeName, room: b.room ?? b.videoLink ?? '—' })}</Text>
                <Text size="sm">{t('scheduling.mine.officer', { name: b.officerName })}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="interviews-heading">
        <Title order={2} size="h4" id="interviews-heading" mb="sm">{t('scheduling.mine.interviews')}</Title>
        {interviews.length === 0 ? <Text c="dimmed">{t('scheduling.mine.noInterviews')}</Text> : (
          <Stack component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {interviews.map((i) => (
              <Card key={i.id} withBorder component="li">
                <Text size="sm">{formatDateTime(i.startedAt, language)} · {i.officeName} · {languageName(t, i.language)}</Text>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
