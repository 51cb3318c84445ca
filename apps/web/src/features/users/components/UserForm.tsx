import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type Language, type TInstitution, type TOffice, type TUser } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import type { NewUser, UserFields } from '../api/users.ts';

const FIELDS = ['username', 'fullName', 'email', 'language', 'institutionId', 'officeIds', 'roleCodes'] as const;

export interface UserFormValues extends UserFields {
  username: string;
  institutionId: string;
}

export function valuesOf(user: TUser | null, defaultInstitutionId: string): UserFormValues {
  return {
    username: user?.username ?? '', fullName: user?.fullName ?? '', email: user?.email ?? null,
    language: user?.language ?? 'es-MX', institutionId: user?.institutionId ?? defaultInstitutionId,
    officeIds: user?.offices.map((o) => o.id) ?? [], roleCodes: user?.roleCodes ?? [],
  };
}

interface UserFormProps {
  /** Null to create an account. */
  user: TUser | null;
  initial: UserFormValues;
  institutions: TInstitution[];
  offices: TOffice[];
  roles: Array<{ code: string; label: string }>;
  pending: boolean;
  error: unknown;
  onSubmit: (values: NewUser) => void;
  onCancel: () => void;
}

export function UserForm({ user, initial, institutions, offices, roles, pending, error, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = useFieldErrors(error);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const institutionOffices = offices.filter((o) => o.institutionId === values.institutionId && (o.active || values.officeIds.includes(o.id)));

  function changeInstitution(institutionId: string) {
    // Offices belong to one institution: drop the ones that no longer fit.
    const allowed = new Set(offices.filter((o) => o.institutionId === institutionId).map((o) => o.id));
    setValues((v) => ({ ...v, institutionId, officeIds: v.officeIds.filter((id) => allowed.has(id)) }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const email = values.email?.trim() ?? '';
    onSubmit({ ...values, username: values.username.trim(), fullName: values.fullName.trim(), email: email || null });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={720}>
        <ErrorAlert error={error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {user ? (
            <Text><strong>{t('users.fields.username')}:</strong> {user.username}</Text>
          ) : (
            <TextInput
              label={t('users.fields.username')} description={t('users.fields.usernameHint')} required
              autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={LIMITS.usernameMax}
              value={values.username} onChange={(e) => set('username', e.currentTarget.value)} error={errors.username}
            />
          )}
          <TextInput
            label={t('users.fields.fullName')} required maxLength={LIMITS.nameMax} autoComplete="off"
            value={values.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} error={errors.fullName}
          />
          <TextInput
            label={t('users.fields.email')} type="email" maxLength={LIMITS.emailMax} autoComplete="off"
            value={values.email ?? ''} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email}
          />
          <NativeSelect
            label={t('users.fields.language')} value={values.language} error={errors.language}
            data={LANGUAGES.map((lng) => ({ value: lng, label: t(`common.languages.${lng}`) }))}
            onChange={(e) => set('language', e.currentTarget.value as Language)}
          />
          {user ? (
            <Text><strong>{t('users.fields.institution')}:</strong> {user.institutionCode}</Text>
          ) : (
            <NativeSelect
              label={t('users.fields.institution')} required value={values.institutionId} error={errors.institutionId}
              data={[{ value: '', label: t('common.choose') }, ...institutions.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))]}
              onChange={(e) => changeInstitution(e.currentTarget.value)}
            />
          )}
        </SimpleGrid>
        <Checkbox.Group label={t('users.fields.offices')} value={values.officeIds} onChange={(v) => set('officeIds', v)} error={errors.officeIds}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {institutionOffices.length === 0 && <Text size="sm" c="dimmed">{t('users.noOffices')}</Text>}
            {institutionOffices.map((o) => <Checkbox key={o.id} value={o.id} label={o.name} description={o.code} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t('users.fields.roles')} required value={values.roleCodes} onChange={(v) => set('roleCodes', v)} error={errors.roleCodes}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {roles.map((r) => <Checkbox key={r.code} value={r.code} label={r.label} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={pending}>{t('common.save')}</Button>
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
