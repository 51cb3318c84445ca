import { NavLink as MantineNavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { TMe } from '@refugio/domain';
import { NAV_ITEMS, TRAINING_PREFIX } from './nav-items.ts';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

interface LinkItem { to: string; labelKey: string }

function NavList({ items, onNavigate, labelledBy }: { items: LinkItem[]; onNavigate: () => void; labelledBy?: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The longest matching path is the current page: /training/competencies/matrix, not /training/competencies.
  const current = items.filter((item) => isActive(pathname, item.to)).toSorted((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.to}>
          {/* react-router's NavLink sets aria-current="page"; Mantine's active prop draws it. */}
          <MantineNavLink
            component={NavLink} to={item.to} end={item.to === '/'} label={t(item.labelKey)}
            active={item.to === current}
            variant="filled" onClick={onNavigate}
          />
        </li>
      ))}
    </Stack>
  );
}

export function NavLinks({ me, onNavigate }: { me: TMe; onNavigate: () => void }) {
  const { t } = useTranslation();
  const allowed = NAV_ITEMS.filter((item) => item.allowed(me));
  const training = allowed.filter((item) => item.to.startsWith(TRAINING_PREFIX));
  const general = [{ to: '/', labelKey: 'shell.nav.home' }, ...allowed.filter((item) => !item.to.startsWith(TRAINING_PREFIX))];
  return (
    <Stack gap="md">
      <NavList items={general} onNavigate={onNavigate} />
      {training.length > 0 && (
        <div>
          <Text id="nav-training" size="xs" fw={700} tt="uppercase" px="sm" mb={4}>{t('training.nav.group')}</Text>
          <NavList items={training} onNavigate={onNavigate} labelledBy="nav-training" />
        </div>
      )}
    </Stack>
  );
}
