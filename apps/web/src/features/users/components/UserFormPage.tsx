import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ZUser, type TUser } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { roleLabel } from '../../../lib/role-label.ts';
import { useMe } from '../../auth/index.ts';
import { useInstitutions, useOffices } from '../../organisations/index.ts';
import { useRoles } from '../../roles/index.ts';
import { createUser, updateUser, USERS_KEY, useUser, type NewUser } from '../api/users.ts';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { UserForm, valuesOf } from './UserForm.tsx';

/** Create (/users/new) or edit (/users/:id/edit) a staff account. */
export function UserFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const me = useMe();
  const existing = useUser(id);
  const institutions = useInstitutions();
  const offices = useOffices();
  const roles = useRoles();
  // After a version conflict the form restarts from the record as it is now.
  const [reloaded, setReloaded] = useState<TUser | null>(null);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);

  const save = useMutation({
    mutationFn: async (values: NewUser) => {
      const user = reloaded ?? existing.data;
      if (!id || !user) return createUser(values, keyFor(values));
      const { fullName, email, language, officeIds, roleCodes } = values;
      await updateUser(id, { fullName, email, language, officeIds, roleCodes, version: user.version });
      return null;
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      if (result?.temporaryPassword) {
        setCreated({ username: result.user.username, password: result.temporaryPassword });
        return;
      }
      notifySuccess(t('common.saved'));
      await navigate('/users');
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZUser);
      if (current) setReloaded(current);
    },
  });

  const title = id ? t('users.edit') : t('users.new');
  const loading = institutions.isPending || offices.isPending || roles.isPending || (id && existing.isPending) || !me.data;
  const loadError = institutions.error ?? offices.error ?? roles.error ?? existing.error;
  const user = reloaded ?? existing.data ?? null;

  return (
    <>
      <PageHeader title={title} />
      <ErrorAlert error={loadError} />
      {loading ? <LoadingState /> : (
        <UserForm
          key={user ? `${user.id}:${user.version}` : 'new'}
          user={id ? user : null}
          initial={valuesOf(id ? user : null, me.data?.institution.id ?? '')}
          institutions={institutions.data ?? []}
          offices={offices.data ?? []}
          roles={(roles.data ?? []).map((r) => ({ code: r.code, label: roleLabel(t, r.code, r.name) }))}
          pending={save.isPending}
          error={save.error}
          onSubmit={(values) => save.mutate(values)}
          onCancel={() => void navigate('/users')}
        />
      )}
      <OneTimePasswordModal credentials={created} onClose={() => { setCreated(null); void navigate('/users'); }} />
    </>
  );
}
