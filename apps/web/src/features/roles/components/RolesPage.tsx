import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { roleLabel } from '../../../lib/role-label.ts';
import { can, useMe } from '../../auth/index.ts';
import { useRoles } from '../api/roles.ts';
import { RoleForm } from './RoleForm.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = useRoles();
  const [editing, setEditing] = useState<TRole | 'new' | null>(null);
  const canManage = me.data ? can(me.data, 'manage:role:all') : false;

  const columns: Column<TRole>[] = [
    { key: 'name', header: t('roles.fields.name'), render: (r) => roleLabel(t, r.code, r.name) },
    { key: 'code', header: t('roles.fields.code'), render: (r) => r.code },
    { key: 'permissions', header: t('roles.fields.permissionCount'), render: (r) => r.permissions.length },
    { key: 'users', header: t('roles.fields.userCount'), render: (r) => r.userCount },
    { key: 'totp', header: t('roles.fields.requiresTotp'), render: (r) => (r.requiresTotp ? t('common.yes') : t('common.no')) },
    { key: 'builtIn', header: t('roles.fields.kind'), render: (r) => (r.builtIn ? t('roles.builtIn') : t('roles.custom')) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (r) => (
        <Button size="xs" variant="light" onClick={() => setEditing(r)} aria-label={t('common.editNamed', { name: roleLabel(t, r.code, r.name) })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('roles.title')} description={t('roles.description')}
        actions={canManage && <Button onClick={() => setEditing('new')}>{t('roles.new')}</Button>}
      />
      <ErrorAlert error={roles.error} />
      {roles.isPending ? <LoadingState /> : (
        <DataTable caption={t('roles.title')} columns={columns} rows={roles.data ?? []} rowKey={(r) => r.id} />
      )}
      <FormModal
        opened={editing !== null} onClose={() => setEditing(null)} size="xl"
        title={editing === 'new' ? t('roles.new') : t('roles.edit')}
      >
        {editing !== null && <RoleForm key={editing === 'new' ? 'new' : editing.id} role={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </FormModal>
    </>
  );
}
