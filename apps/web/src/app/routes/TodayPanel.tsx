import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMe } from '@refugio/domain';
import { can } from '../../features/auth/index.ts';
import { TodayClaimsCard } from '../../features/claims/index.ts';
import { TodayReferralsCard } from '../../features/referrals/index.ts';
import { UpcomingSessionsCard } from '../../features/training-sessions/index.ts';

/**
 * What this person has to do today, by what their role lets them do: the clerk's inbox, the
 * officer's claims by due date, the supervisor's attention queue, the coordinator's sessions.
 * Loaded apart from the shell so the first page stays light.
 */
export default function TodayPanel({ user }: { user: TMe }) {
  const { t } = useTranslation();
  const supervises = can(user, 'assign:claim:office');
  const cards = [
    can(user, 'decide:referral:office') && <TodayReferralsCard key="inbox" box="inbox" />,
    can(user, 'create:referral:office') && <TodayReferralsCard key="sent" box="sent" />,
    can(user, 'read:claim:own') && (
      <TodayClaimsCard key="mine" id="mine" title={t('home.today.mine.title')} description={t('home.today.mine.description')}
        filters={{ mine: true }} emptyText={t('home.today.mine.empty')} />
    ),
    supervises && (
      <TodayClaimsCard key="overdue" id="overdue" title={t('home.today.overdue.title')} description={t('home.today.overdue.description')}
        filters={{ riskBand: 'overdue' }} emptyText={t('home.today.overdue.empty')} />
    ),
    supervises && (
      <TodayClaimsCard key="unassigned" id="unassigned" title={t('home.today.unassigned.title')} description={t('home.today.unassigned.description')}
        filters={{ unassigned: true }} emptyText={t('home.today.unassigned.empty')} />
    ),
    supervises && (
      <TodayClaimsCard key="gap" id="gap" title={t('home.today.gap.title')} description={t('home.today.gap.description')}
        filters={{ competencyGap: true }} emptyText={t('home.today.gap.empty')} />
    ),
    can(user, 'register:claim:office') && !supervises && (
      <TodayClaimsCard key="registered" id="registered" title={t('home.today.registered.title')} description={t('home.today.registered.description')}
        filters={{ status: 'registered' }} emptyText={t('home.today.registered.empty')} />
    ),
    can(user, 'manage:training:institution') && <UpcomingSessionsCard key="sessions" />,
  ].filter(Boolean);
  if (cards.length === 0) return null;
  return <SimpleGrid cols={{ base: 1, md: 2 }} mb="xl" component="div" aria-label={t('home.today.title')}>{cards}</SimpleGrid>;
}
