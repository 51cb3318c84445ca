import { useCallback, useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ROLE_CODES } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { PagerControls } from '../../../components/ui/PagerControls.tsx';
import { roleLabel } from '../../../lib/role-label.ts';
import { can, canAny, useMe } from '../../auth/index.ts';
import { useInstitutions, useOffices } from '../../organisations/index.ts';
import { useRoles } from '../../roles/index.ts';
import { useUsers, USERS_PAGE_SIZE, type UserFilters } from '../api/users.ts';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { UserFiltersBar } from './UserFiltersBar.tsx';
import { UsersTable } from './UsersTable.tsx';

function filtersFrom(params: URLSearchParams): UserFilters {
  const active = params.get('active');
  return {
    q: params.get('q') ?? '',
    institutionId: params.get('institution') ?? '',
    officeId: params.get('office') ?? '',
    role: params.get('role') ?? '',
    active: active === 'true' || active === 'false' ? active : '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

const PARAM_OF: Record<keyof UserFilters, string> = {
  q: 'q', institutionId: 'institution', officeId: 'office', role: 'role', active: 'active', page: 'page',
};

export function UsersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const users = useUsers(filters);
  const canManage = me.data ? canAny(me.data, 'manage', 'user') : false;
  const canReadOrganisations = me.data ? can(me.data, 'read:organisation:all') : false;
  const canReadRoles = me.data ? can(me.data, 'read:role:all') : false;
  const institutions = useInstitutions(canReadOrganisations);
  const offices = useOffices(canReadOrganisations);
  const roles = useRoles(canReadRoles);
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);

  // Filters live in the URL, so Back and a shared link show the same list.
  const changeFilters = useCallback((patch: Partial<UserFilters>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(patch)) {
        const name = PARAM_OF[key as keyof UserFilters];
        if (value === '' || (key === 'page' && value === 1)) next.delete(name);
        else next.set(name, String(value));
      }
      return next;
    });
  }, [setParams]);

  const roleOptions = roles.data
    ? roles.data.map((r) => ({ code: r.code, label: roleLabel(t, r.code, r.name) }))
    : ROLE_CODES.map((code) => ({ code, label: roleLabel(t, code) }));

  return (
    <>
      <PageHeader
        title={t('users.title')} description={t('users.description')}
        actions={canManage && <Button onClick={() => void navigate('/users/new')}>{t('users.new')}</Button>}
      />
      <UserFiltersBar
        filters={filters} onChange={changeFilters} institutions={institutions.data ?? []}
        offices={offices.data ?? []} roles={roleOptions}
      />
      <ErrorAlert error={users.error} />
      {users.isPending ? <LoadingState /> : users.data && (
        <>
          <UsersTable
            users={users.data.items} roleNames={new Map(roleOptions.map((r) => [r.code, r.label]))}
            canManage={canManage} onPasswordReset={setCredentials}
          />
          <PagerControls page={filters.page} pageSize={USERS_PAGE_SIZE} total={users.data.total} onPage={(page) => changeFilters({ page })} />
        </>
      )}
      <OneTimePasswordModal credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
}
