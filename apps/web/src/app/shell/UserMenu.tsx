import { Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TMe } from '@refugio/domain';
import { logout, ME_QUERY_KEY } from '../../features/auth/index.ts';

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
          variant="default" aria-label={t('shell.userMenu', { name: me.fullName })} maw={{ base: 150, sm: 320 }}
          styles={{ label: { overflow: 'hidden' } }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{me.fullName}</span>
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
