import { useState } from 'react';
import { Button, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TUser } from '@refugio/domain';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { StatusBadge } from '../../../components/ui/StatusBadge.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { resetUserPassword, updateUser, USERS_KEY } from '../api/users.ts';
import { notifySuccess } from '../../../lib/notify.ts';

type PendingAction = { kind: 'reset' | 'disable' | 'enable'; user: TUser };

const CONFIRM_KEYS = { reset: 'users.confirm.reset', disable: 'users.confirm.disable', enable: 'users.confirm.enable' } as const;

interface UsersTableProps {
  users: TUser[];
  roleNames: Map<string, string>;
  canManage: boolean;
  onPasswordReset: (credentials: { username: string; password: string }) => void;
}

export function UsersTable({ users, roleNames, canManage, onPasswordReset }: UsersTableProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const language = currentLanguage();

  const action = useMutation({
    mutationFn: async ({ kind, user }: PendingAction) => {
      if (kind === 'reset') {
        const { temporaryPassword } = await resetUserPassword(user.id);
        return { user, temporaryPassword };
      }
      await updateUser(user.id, { active: kind === 'enable', version: user.version });
      return { user, temporaryPassword: null };
    },
    onSuccess: async ({ user, temporaryPassword }) => {
      setPending(null);
      if (temporaryPassword) onPasswordReset({ username: user.username, password: temporaryPassword });
      else notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
    // A stale version means someone else changed the account: show the message, reload the list.
    onError: () => void queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });

  const columns: Column<TUser>[] = [
    { key: 'username', header: t('users.fields.username'), render: (u) => <Text ff="monospace" size="sm">{u.username}</Text> },
    { key: 'fullName', header: t('users.fields.fullName'), render: (u) => u.fullName },
    { key: 'institution', header: t('users.fields.institution'), render: (u) => u.institutionCode },
    { key: 'offices', header: t('users.fields.offices'), render: (u) => u.offices.map((o) => o.code).join(', ') || '—' },
    { key: 'roles', header: t('users.fields.roles'), render: (u) => u.roleCodes.map((c) => roleNames.get(c) ?? c).join(', ') },
    {
      key: 'status', header: t('common.status'),
      render: (u) => (
        <Stack gap={4} align="flex-start">
          <StatusBadge active={u.active} />
          {u.locked && <Text size="xs" c="red.8">{t('users.locked')}</Text>}
          {u.totpEnabled && <Text size="xs">{t('users.totpOn')}</Text>}
        </Stack>
      ),
    },
    { key: 'lastLogin', header: t('users.fields.lastLogin'), render: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt, language) : t('users.never')) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (u) => (
        <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button size="xs" variant="light" aria-label={t('users.actionsFor', { name: u.username })}>{t('common.actions')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component={Link} to={`/users/${u.id}/edit`}>{t('common.edit')}</Menu.Item>
            <Menu.Item onClick={() => setPending({ kind: 'reset', user: u })}>{t('users.resetPassword')}</Menu.Item>
            {u.active
              ? <Menu.Item color="red" onClick={() => setPending({ kind: 'disable', user: u })}>{t('users.disable')}</Menu.Item>
              : <Menu.Item onClick={() => setPending({ kind: 'enable', user: u })}>{t('users.enable')}</Menu.Item>}
          </Menu.Dropdown>
        </Menu>
      ),
    });
  }

  const confirmLabel = pending ? { reset: t('users.resetPassword'), disable: t('users.disable'), enable: t('users.enable') }[pending.kind] : '';

  return (
    <>
      <DataTable caption={t('users.title')} columns={columns} rows={users} rowKey={(u) => u.id} />
      <ConfirmDialog
        opened={pending !== null}
        title={confirmLabel}
        message={pending ? t(CONFIRM_KEYS[pending.kind], { name: pending.user.fullName, username: pending.user.username }) : ''}
        confirmLabel={confirmLabel}
        danger={pending?.kind !== 'enable'}
        pending={action.isPending}
        error={action.error}
        onConfirm={() => pending && action.mutate(pending)}
        onClose={() => { setPending(null); action.reset(); }}
      />
    </>
  );
}
