import { useState } from 'react';
import { Button, Card, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KIND_LABEL_KEYS, MODALITY_LABEL_KEYS, SEX_LABEL_KEYS, type TInterpreter } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { can, useMe } from '../../auth/index.ts';
import { useInterpreters } from '../api/scheduling.ts';
import { InterpreterForm } from './InterpreterForm.tsx';
import { languageName } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The interpreter roster of the reader's offices; supervisors add and change entries. */
export function InterpretersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const interpreters = useInterpreters({ includeInactive: true });
  const [editing, setEditing] = useState<TInterpreter | 'new' | null>(null);
  const manages = me.data ? can(me.data, 'manage:interpreter:office') : false;
  if (interpreters.isPending) return <LoadingState />;
  if (!interpreters.data) return <ErrorAlert error={interpreters.error} />;
  return (
    <Stack>
      <PageHeader title={t('scheduling.interpreters.title')} description={t('scheduling.interpreters.description')}
        actions={manages && <Button onClick={() => setEditing('new')}>{t('scheduling.interpreters.add')}</Button>} />
      {interpreters.data.length === 0 ? <Card withBorder><Text c="dimmed">{t('scheduling.interpreters.empty')}</Text></Card> : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('scheduling.interpreters.name')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.interpreters.languages')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.interpreters.sex')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.interpreters.modalities')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.interpreters.kind')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.interpreters.account')}</Table.Th>
                {manages && <Table.Th scope="col"><VisuallyHidden>{t('scheduling.interpreters.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {interpreters.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row">
                    {i.fullName} {!i.active && <StateBadge tone="neutral" look="outline">{t('scheduling.interpreters.inactive')}</StateBadge>}
                  </Table.Th>
                  <Table.Td>{i.languages.map((code) => languageName(t, code)).join(', ')}</Table.Td>
                  <Table.Td>{t(SEX_LABEL_KEYS[i.sex])}</Table.Td>
                  <Table.Td>{i.modalities.map((m) => t(MODALITY_LABEL_KEYS[m])).join(', ')}</Table.Td>
                  <Table.Td>{t(KIND_LABEL_KEYS[i.kind])}</Table.Td>
                  <Table.Td>{i.username ?? '—'}</Table.Td>
                  {manages && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(i)} aria-label={t('scheduling.interpreters.editNamed', { name: i.fullName })}>
                        {t('scheduling.interpreters.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal opened={editing !== null} title={editing === 'new' ? t('scheduling.interpreters.add') : t('scheduling.interpreters.edit')} onClose={() => setEditing(null)}>
        {editing !== null && <InterpreterForm interpreter={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </FormModal>
    </Stack>
  );
}
