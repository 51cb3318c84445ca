import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, PERMISSIONS, ZRole, type Permission, type TRole } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { roleLabel } from '../../../lib/role-label.ts';
import { createRole, ROLES_KEY, updateRole, type RoleFields } from '../api/roles.ts';
import { PermissionMatrix } from './PermissionMatrix.tsx';

const FIELDS = ['code', 'name', 'description', 'requiresTotp', 'permissions'] as const;

function fieldsOf(role: TRole | null): RoleFields {
  const known = new Set<string>(PERMISSIONS);
  return {
    name: role?.name ?? '', description: role?.description ?? '', requiresTotp: role?.requiresTotp ?? false,
    permissions: (role?.permissions ?? ['use:account:own']).filter((p): p is Permission => known.has(p)),
  };
}

interface RoleFormProps {
  role: TRole | null;
  onDone: () => void;
}

export function RoleForm({ role, onDone }: RoleFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [code, setCode] = useState('');
  const [values, setValues] = useState(() => fieldsOf(role));
  const [version, setVersion] = useState(role?.version ?? 0);
  const mutation = useMutation({
    mutationFn: (input: RoleFields) => {
      if (!role) {
        const body = { ...input, code: code.trim() };
        return createRole(body, keyFor(body));
      }
      // A built-in role's label comes from the catalogs; its stored name is left alone.
      const { name, ...rest } = input;
      return updateRole(role.id, { ...rest, ...(role.builtIn ? {} : { name }), version });
    },
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ROLES_KEY });
      onDone();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZRole);
      if (!current) return;
      setValues(fieldsOf(current));
      setVersion(current.version);
      void queryClient.invalidateQueries({ queryKey: ROLES_KEY });
    },
  });
  const errors = useFieldErrors(mutation.error);
  const set = <K extends keyof RoleFields>(key: K, value: RoleFields[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ ...values, name: values.name.trim(), description: values.description.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        {role ? (
          <Text size="sm"><strong>{t('roles.fields.code')}:</strong> {role.code}</Text>
        ) : (
          <TextInput
            label={t('roles.fields.code')} description={t('roles.fields.codeHint')} required maxLength={64}
            value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code}
          />
        )}
        {role?.builtIn ? (
          <Text size="sm"><strong>{t('roles.fields.name')}:</strong> {roleLabel(t, role.code, role.name)} ({t('roles.builtIn')})</Text>
        ) : (
          <TextInput
            label={t('roles.fields.name')} required maxLength={LIMITS.nameMax}
            value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name}
          />
        )}
        <Textarea
          label={t('roles.fields.description')} autosize minRows={2} maxLength={LIMITS.reasonMax}
          value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description}
        />
        <Checkbox
          label={t('roles.fields.requiresTotp')} description={t('roles.fields.requiresTotpHint')}
          checked={values.requiresTotp} onChange={(e) => set('requiresTotp', e.currentTarget.checked)} error={errors.requiresTotp}
        />
        <PermissionMatrix value={values.permissions} onChange={(p) => set('permissions', p)} error={errors.permissions} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
