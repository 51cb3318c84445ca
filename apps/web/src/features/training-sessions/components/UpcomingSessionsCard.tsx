import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import { TodayCard } from '../../../components/ui/TodayCard.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useTrainingSessions } from '../api/training-sessions.ts';
import { SESSION_STATUS_LABEL } from './labels.ts';

/** A session starts with its online part when it has one, else on its first in-person day. */
const starts = (s: { firstDay: string | null; onlineStartsOn: string | null }) => s.onlineStartsOn ?? s.firstDay ?? '9999-12-31';

/** The coordinator's next sessions: what runs now or starts soonest, with seats taken. */
export function UpcomingSessionsCard() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const sessions = useTrainingSessions();
  const items = (sessions.data ?? [])
    .filter((s) => s.status === 'planned' || s.status === 'open' || s.status === 'in_progress')
    .toSorted((a, b) => starts(a).localeCompare(starts(b)))
    .slice(0, 5);
  return (
    <TodayCard id="sessions" title={t('home.today.sessions.title')} description={t('home.today.sessions.description')}
      moreTo="/training/sessions" moreLabel={t('home.today.sessions.all')} pending={sessions.isPending} error={sessions.error}
      empty={items.length === 0} emptyText={t('home.today.sessions.empty')}>
      {items.map((s) => (
        <Group key={s.id} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm"><Anchor component={Link} to={`/training/sessions/${s.id}`} fw={600}>{s.code}</Anchor> · {s.moduleTitle}</Text>
          <Group gap="xs" wrap="wrap">
            {starts(s) !== '9999-12-31' && <Text size="sm">{t('home.today.sessions.starts', { date: formatDate(starts(s), language) })}</Text>}
            <Text size="sm">{t('home.today.sessions.seats', { enrolled: s.enrolled, capacity: s.capacity })}</Text>
            <StateBadge tone="info" look="outline">{t(SESSION_STATUS_LABEL[s.status])}</StateBadge>
          </Group>
        </Group>
      ))}
    </TodayCard>
  );
}
