import { useState } from 'react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOffice } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { StatusBadge } from '../../../components/ui/StatusBadge.tsx';
import { stateName } from '../../../lib/mx-states.ts';
import { useInstitutions, useOffices } from '../api/organisations.ts';
import { OfficeForm } from './OfficeForm.tsx';

export function OfficesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const offices = useOffices();
  const institutions = useInstitutions();
  const [institutionFilter, setInstitutionFilter] = useState('');
  const [editing, setEditing] = useState<TOffice | 'new' | null>(null);
  const rows = (offices.data ?? []).filter((o) => !institutionFilter || o.institutionId === institutionFilter);

  const columns: Column<TOffice>[] = [
    { key: 'institution', header: t('organisations.fields.institution'), render: (o) => o.institutionCode },
    { key: 'code', header: t('organisations.fields.code'), render: (o) => o.code },
    { key: 'name', header: t('organisations.fields.name'), render: (o) => o.name },
    { key: 'kind', header: t('organisations.fields.officeKind'), render: (o) => t(`organisations.officeKinds.${o.kind}`) },
    { key: 'state', header: t('organisations.fields.state'), render: (o) => stateName(o.stateCode) },
    { key: 'municipality', header: t('organisations.fields.municipality'), render: (o) => o.municipality ?? '—' },
    {
      key: 'served', header: t('organisations.fields.servedStates'),
      render: (o) => o.servedStateCodes.map(stateName).join(', ') || '—',
    },
    { key: 'active', header: t('common.status'), render: (o) => <StatusBadge active={o.active} /> },
  ];
  if (canManage) {
    columns.push({
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (o) => (
        <Button size="xs" variant="light" onClick={() => setEditing(o)} aria-label={t('common.editNamed', { name: o.code })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm">
        <NativeSelect
          label={t('organisations.filterByInstitution')} value={institutionFilter}
          data={[{ value: '', label: t('common.all') }, ...(institutions.data ?? []).map((i) => ({ value: i.id, label: i.code }))]}
          onChange={(e) => setInstitutionFilter(e.currentTarget.value)}
        />
        {canManage && <Button onClick={() => setEditing('new')}>{t('organisations.newOffice')}</Button>}
      </Group>
      <ErrorAlert error={offices.error} />
      {offices.isPending ? <LoadingState /> : (
        <DataTable caption={t('organisations.offices')} columns={columns} rows={rows} rowKey={(o) => o.id} />
      )}
      <FormModal
        opened={editing !== null} onClose={() => setEditing(null)}
        title={editing === 'new' ? t('organisations.newOffice') : t('organisations.editOffice')}
      >
        {editing !== null && (
          <OfficeForm
            key={editing === 'new' ? 'new' : editing.id} office={editing === 'new' ? null : editing}
            institutions={institutions.data ?? []} onDone={() => setEditing(null)}
          />
        )}
      </FormModal>
    </>
  );
}
