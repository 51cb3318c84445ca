import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TodayCard } from '../../../components/ui/TodayCard.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { EMPTY_FILTERS, useClaimQueue, type ClaimFilters } from '../api/claims.ts';
import { WorkingDaysBadge } from './RiskBadge.tsx';

const SHOWN = 5;

/** Open claims of one queue, soonest decision due date first (the list's own order). */
export function TodayClaimsCard({ id, title, description, filters, emptyText }: {
  id: string; title: string; description: string; filters: Partial<ClaimFilters>; emptyText: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queue = useClaimQueue({ ...EMPTY_FILTERS, ...filters });
  const items = (queue.data?.pages[0]?.items ?? []).slice(0, SHOWN);
  return (
    <TodayCard id={id} title={title} description={description} moreTo="/claims" moreLabel={t('home.today.allClaims')}
      pending={queue.isPending} error={queue.error} empty={items.length === 0} emptyText={emptyText}>
      {items.map((c) => (
        <Group key={c.id} justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">
            <Anchor component={Link} to={`/claims/${c.id}`} fw={600}>{c.claimNumber}</Anchor> · {c.principalName}
          </Text>
          <Group gap="xs" wrap="wrap">
            {c.decisionDueOn && <Text size="sm">{t('home.today.dueOn', { date: formatDate(c.decisionDueOn, language) })}</Text>}
            <WorkingDaysBadge band={c.riskBand} daysLeft={c.decisionWorkingDaysLeft} />
          </Group>
        </Group>
      ))}
    </TodayCard>
  );
}
