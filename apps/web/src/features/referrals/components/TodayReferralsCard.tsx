import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import { TodayCard } from '../../../components/ui/TodayCard.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useReferrals } from '../api/referrals.ts';

const TEXT = {
  inbox: { title: 'home.today.referralsInbox.title', description: 'home.today.referralsInbox.description', empty: 'home.today.referralsInbox.empty' },
  sent: { title: 'home.today.referralsSent.title', description: 'home.today.referralsSent.description', empty: 'home.today.referralsSent.empty' },
} as const;

/** Referrals still waiting for COMAR: the inbox of the receiving office, or what an INM post sent. */
export function TodayReferralsCard({ box }: { box: 'inbox' | 'sent' }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const referrals = useReferrals(box, 'pending');
  const items = (referrals.data?.pages[0]?.items ?? []).slice(0, 5);
  return (
    <TodayCard id={`referrals-${box}`} title={t(TEXT[box].title)} description={t(TEXT[box].description)}
      moreTo="/referrals" moreLabel={t('home.today.allReferrals')} pending={referrals.isPending} error={referrals.error}
      empty={items.length === 0} emptyText={t(TEXT[box].empty)}>
      {items.map((r) => (
        <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            <Anchor component={Link} to="/referrals" fw={600}>{r.principalName}</Anchor> · {box === 'inbox' ? r.sourceOffice.name : r.targetOffice.name}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{t('home.today.noticeDue', { date: formatDateTime(r.noticeDueAt, language) })}</Text>
            {r.noticeState === 'overdue' && <StateBadge tone="negative">{t('home.today.noticeOverdue')}</StateBadge>}
          </Group>
        </Group>
      ))}
    </TodayCard>
  );
}
