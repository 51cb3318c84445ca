import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TInstitution } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { StatusBadge } from '../../../components/ui/StatusBadge.tsx';
import { useInstitutions } from '../api/organisations.ts';
import { InstitutionForm } from './InstitutionForm.tsx';

export function InstitutionsPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const [editing, setEditing] = useState<TInstitution | 'new' | null>(null);

  const columns: Column<TInstitution>[] = [
    { key: 'code', header: t('organisations.fields.code'), render: (i) => i.code },
    { key: 'name', header: t('organisations.fields.name'), render: (i) => i.name },
    { key: 'kind', header: t('organisations.fields.institutionKind'), render: (i) => t(`organisations.institutionKinds.${i.kind}`) },
    { key: 'offices', header: t('organisations.fields.officeCount'), render: (i) => i.officeCount },
    { key: 'users', header: t('organisations.fields.userCount'), render: (i) => i.userCount },
    { key: 'active', header: t('common.status'), render: (i) => <StatusBadge active={i.active} /> },
  ];
  if (canManage) {
    columns.push({
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (i) => (
        <Button size="xs" variant="light" onClick={() => setEditing(i)} aria-label={t('common.editNamed', { name: i.code })}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      {canManage && (
        <Group justify="flex-end" mb="sm">
          <Button onClick={() => setEditing('new')}>{t('organisations.newInstitution')}</Button>
        </Group>
      )}
      <ErrorAlert error={institutions.error} />
      {institutions.isPending ? <LoadingState /> : (
        <DataTable caption={t('organisations.institutions')} columns={columns} rows={institutions.data ?? []} rowKey={(i) => i.id} />
      )}
      <FormModal
        opened={editing !== null} onClose={() => setEditing(null)}
        title={editing === 'new' ? t('organisations.newInstitution') : t('organisations.editInstitution')}
      >
        {editing !== null && (
          <InstitutionForm key={editing === 'new' ? 'new' : editing.id} institution={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </FormModal>
    </>
  );
}
