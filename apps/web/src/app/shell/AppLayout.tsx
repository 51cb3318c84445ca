import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Anchor, AppShell, Box, Burger, em, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Language, TMe } from '@refugio/domain';
import { LanguageSelect } from '../../components/ui/LanguageSelect.tsx';
import { ME_QUERY_KEY, saveLanguage } from '../../features/auth/index.ts';
import { NavLinks } from './NavLinks.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout({ me, children }: { me: TMe; children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // One language switcher at a time (header or, on phones, the menu), so its label stays unique.
  const narrow = useMediaQuery(`(max-width: ${em(767)})`);
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new content as a page load would.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  function languageChanged(language: Language) {
    queryClient.setQueryData<TMe | null>(ME_QUERY_KEY, (prev) => (prev ? { ...prev, language } : prev));
    void saveLanguage(language).catch(() => undefined);
  }

  return (
    <>
      <a href="#main" className="skip-link">{t('shell.skipToContent')}</a>
      <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm"
                aria-label={t('shell.toggleNavigation')} aria-expanded={navOpened} aria-controls="main-navigation"
              />
              <Text component={Link} to="/" fw={700} size="xl" c="blue.9" td="none">{t('common.appName')}</Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {!narrow && <LanguageSelect onChanged={languageChanged} />}
              <UserMenu me={me} />
            </Group>
          </Group>
        </AppShell.Header>
        {/* The list outgrows a laptop screen (a supervisor has ~20 items): the bar scrolls on its own. */}
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.navigation')} style={{ overflowY: 'auto' }}>
          {narrow && <Box mb="md"><LanguageSelect onChanged={languageChanged} /></Box>}
          <NavLinks me={me} onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          {me.mustChangePassword && (
            <Alert color="yellow" title={t('shell.mustChangePassword.title')} mb="lg">
              {t('shell.mustChangePassword.detail')}{' '}
              <Anchor component={Link} to="/account/password" c="inherit" fw={700} td="underline">{t('shell.mustChangePassword.link')}</Anchor>
            </Alert>
          )}
          {children}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
