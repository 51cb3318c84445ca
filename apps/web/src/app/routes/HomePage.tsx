import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { SecurityAlerts } from '../../features/audit/index.ts';
import { can, canAny, useMe } from '../../features/auth/index.ts';
// Not via the roles index: that would pull the lazily loaded roles page into the first bundle.
import { roleLabel } from '../../lib/role-label.ts';
import { NAV_ITEMS } from '../shell/nav-items.ts';

const TodayPanel = lazy(() => import('./TodayPanel.tsx'));

const ACCOUNT_CARDS = [
  { to: '/account/password', labelKey: 'shell.changePassword', descriptionKey: 'home.cards.password' },
  { to: '/account/two-factor', labelKey: 'shell.twoFactor', descriptionKey: 'home.cards.twoFactor' },
];

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return <LoadingState />;
  const user = me.data;
  // An interpreter reaches their bookings and nothing else of the claims: that list is their start page (ADR 024).
  if (can(user, 'read:interview:own') && !canAny(user, 'read', 'claim')) return <Navigate to="/scheduling/my-bookings" replace />;
  // Whoever reads the authority's figures and no file (the observer, the national head) starts on the
  // aggregates: that is their work (ADR 041); the auditor keeps the page with the security alerts.
  const readsOnlyFigures = canAny(user, 'read', 'report') && !canAny(user, 'read', 'claim') && !canAny(user, 'read', 'audit')
    && !can(user, 'manage:training:institution') && !can(user, 'create:referral:office');
  if (readsOnlyFigures) return <Navigate to="/results" replace />;
  const cards = [...NAV_ITEMS.filter((item) => item.allowed(user)), ...ACCOUNT_CARDS];

  return (
    <>
      <PageHeader title={t('home.greeting', { name: user.fullName })} description={t('home.intro')} />
      {can(user, 'read:audit:all') && <SecurityAlerts />}
      <Suspense fallback={<LoadingState />}><TodayPanel user={user} /></Suspense>
      <Card withBorder mb="xl" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h4" id="profile-heading" mb="sm">{t('home.profile')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Stack gap={2}>
            <Text fw={600}>{t('home.institution')}</Text>
            <Text size="sm">{user.institution.name} ({user.institution.code})</Text>
          </Stack>
          <Stack gap={2}>
            <Text fw={600}>{t('home.offices')}</Text>
            {user.offices.length === 0 ? <Text size="sm" c="dimmed">{t('home.noOffices')}</Text> : (
              <List size="sm">{user.offices.map((o) => <List.Item key={o.id}>{o.name}</List.Item>)}</List>
            )}
          </Stack>
          <Stack gap={2}>
            <Text fw={600}>{t('home.roles')}</Text>
            <List size="sm">{user.roles.map((code) => <List.Item key={code}>{roleLabel(t, code)}</List.Item>)}</List>
          </Stack>
        </SimpleGrid>
      </Card>
      <Title order={2} size="h4" mb="sm">{t('home.whatYouCanDo')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {cards.map((card) => (
          <Card key={card.to} withBorder component="li">
            <Anchor component={Link} to={card.to} fw={700} size="lg">{t(card.labelKey)}</Anchor>
            <Text size="sm" mt={4}>{t(card.descriptionKey)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
