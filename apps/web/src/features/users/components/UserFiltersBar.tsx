import { useEffect, useState } from 'react';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TInstitution, TOffice } from '@refugio/domain';
import type { UserFilters } from '../api/users.ts';

interface UserFiltersBarProps {
  filters: UserFilters;
  onChange: (patch: Partial<UserFilters>) => void;
  institutions: TInstitution[];
  offices: TOffice[];
  roles: Array<{ code: string; label: string }>;
}

/** Filter labels differ from the form's field labels, so "Institución" names one control only. */
export function UserFiltersBar({ filters, onChange, institutions, offices, roles }: UserFiltersBarProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const [debouncedQ] = useDebouncedValue(q, 300);

  useEffect(() => {
    if (debouncedQ !== filters.q) onChange({ q: debouncedQ, page: 1 });
  }, [debouncedQ, filters.q, onChange]);

  const visibleOffices = offices.filter((o) => !filters.institutionId || o.institutionId === filters.institutionId);
  const all = { value: '', label: t('common.all') };

  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label={t('users.filters.label')}>
      <TextInput
        label={t('users.filters.search')} description={t('users.filters.searchHint')} type="search"
        value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220}
      />
      <NativeSelect
        w={170} label={t('users.filters.institution')} value={filters.institutionId}
        data={[all, ...institutions.map((i) => ({ value: i.id, label: i.code }))]}
        onChange={(e) => onChange({ institutionId: e.currentTarget.value, officeId: '', page: 1 })}
      />
      <NativeSelect
        w={170} label={t('users.filters.office')} value={filters.officeId}
        data={[all, ...visibleOffices.map((o) => ({ value: o.id, label: o.code }))]}
        onChange={(e) => onChange({ officeId: e.currentTarget.value, page: 1 })}
      />
      <NativeSelect
        w={170} label={t('users.filters.role')} value={filters.role}
        data={[all, ...roles.map((r) => ({ value: r.code, label: r.label }))]}
        onChange={(e) => onChange({ role: e.currentTarget.value, page: 1 })}
      />
      <NativeSelect
        w={170} label={t('users.filters.status')} value={filters.active}
        data={[all, { value: 'true', label: t('common.active') }, { value: 'false', label: t('common.inactive') }]}
        onChange={(e) => onChange({ active: e.currentTarget.value as UserFilters['active'], page: 1 })}
      />
    </Group>
  );
}
