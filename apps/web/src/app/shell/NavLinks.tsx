import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { TMe } from '@refugio/domain';
import { NAV_ITEMS } from './nav-items.ts';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function NavLinks({ me, onNavigate }: { me: TMe; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [{ to: '/', labelKey: 'shell.nav.home' }, ...NAV_ITEMS.filter((item) => item.allowed(me))];
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.to}>
          {/* react-router's NavLink sets aria-current="page"; Mantine's active prop draws it. */}
          <MantineNavLink
            component={NavLink} to={item.to} end={item.to === '/'} label={t(item.labelKey)}
            active={isActive(pathname, item.to)}
            variant="filled" onClick={onNavigate}
          />
        </li>
      ))}
    </Stack>
  );
}
