import { Box, Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TMe } from '@refugio/domain';
import { logout, ME_QUERY_KEY } from '../../features/auth/index.ts';

/** "Pedro Primer Contacto Ruiz" → "PR": first and last word, as people sign initials. */
function initialsOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? words.at(-1)?.[0] ?? '' : '';
  return (first + last).toUpperCase();
}

export function UserMenu({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function signOut() {
    await logout().catch(() => undefined);
    // Nothing of this user's data may remain for whoever uses the device next.
    queryClient.clear();
    queryClient.setQueryData(ME_QUERY_KEY, null);
    await navigate('/login', { replace: true });
  }

  return (
    <Menu position="bottom-end" width={240} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default" aria-label={t('shell.userMenu', { name: me.fullName })} maw={{ base: 150, sm: 320 }} title={me.fullName}
          styles={{ label: { overflow: 'hidden' } }}
        >
          {/* A phone shows the initials whole rather than a name cut in the middle ("Pedro Prim…"). */}
          <Box component="span" hiddenFrom="sm">{initialsOf(me.fullName)}</Box>
          <Box component="span" visibleFrom="sm" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{me.fullName}</Box>
          <span aria-hidden="true" style={{ marginInlineStart: 6 }}>▾</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Item component={Link} to="/account/password">{t('shell.changePassword')}</Menu.Item>
        <Menu.Item component={Link} to="/account/two-factor">{t('shell.twoFactor')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()}>{t('shell.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
