import { useState } from 'react';
import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TTrainer } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { can, useMe } from '../../auth/index.ts';
import { certifyTrainer, createTrainer, useTrainers } from '../api/trainers.ts';
import { useTrainingModules } from '../api/training-curriculum.ts';
import { CertificationList } from './CertificationList.tsx';
import { TrainerEditDialog } from './TrainerEditDialog.tsx';

function AddTrainer() {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const blank = { fullName: '', organisation: '', countryCode: 'MX', email: '', languages: 'es' };
  const [draft, setDraft] = useState(blank);
  const save = useMutation({
    mutationFn: () => {
      const body = { ...draft, email: draft.email.trim() || null, languages: draft.languages.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean) };
      return createTrainer(body, keyFor(body));
    },
    onSuccess: () => { setDraft(blank); void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); },
  });
  const errorOf = useFieldErrorMap(save.error);
  const set = (key: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.currentTarget.value });
  return (
    <Card withBorder component="section" aria-labelledby="add-trainer">
      <Title order={2} size="h4" id="add-trainer" mb="sm">{t('trainingSessions.trainers.add')}</Title>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('trainingSessions.trainers.fullName')} required value={draft.fullName} error={errorOf('fullName')} onChange={set('fullName')} />
            <TextInput label={t('trainingSessions.trainers.organisation')} required value={draft.organisation} error={errorOf('organisation')} onChange={set('organisation')} />
            <TextInput label={t('trainingSessions.trainers.country')} description={t('trainingSessions.trainers.countryHint')} maxLength={2}
              value={draft.countryCode} error={errorOf('countryCode')} onChange={(e) => setDraft({ ...draft, countryCode: e.currentTarget.value.toUpperCase() })} />
            <TextInput type="email" label={t('trainingSessions.trainers.email')} value={draft.email} error={errorOf('email')} onChange={set('email')} />
            <TextInput label={t('training.trainers.languages')} description={t('training.trainers.languagesHint')} value={draft.languages}
              error={errorOf('languages')} onChange={set('languages')} />
          </SimpleGrid>
          <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('trainingSessions.trainers.save')}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}

function Certify({ trainer }: { trainer: TTrainer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const modules = useTrainingModules();
  const [moduleId, setModuleId] = useState('');
  const [certifiedOn, setCertifiedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const save = useMutation({
    mutationFn: () => certifyTrainer(trainer.id, moduleId, { certifiedOn, expiresOn: expiresOn || null }),
    onSuccess: () => { setModuleId(''); void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); },
  });
  const errorOf = useFieldErrorMap(save.error);
  return (
    <Group align="flex-end" gap="xs">
      <NativeSelect size="xs" label={t('trainingSessions.trainers.module', { name: trainer.fullName })} value={moduleId}
        data={[{ value: '', label: t('common.choose') }, ...(modules.data ?? []).map((m) => ({ value: m.id, label: m.code }))]}
        onChange={(e) => setModuleId(e.currentTarget.value)} />
      <TextInput size="xs" type="date" label={t('trainingSessions.trainers.certifiedOn', { name: trainer.fullName })} value={certifiedOn}
        error={errorOf('certifiedOn')} onChange={(e) => setCertifiedOn(e.currentTarget.value)} />
      <TextInput size="xs" type="date" label={t('training.trainers.expiresOn', { name: trainer.fullName })} value={expiresOn}
        error={errorOf('expiresOn')} onChange={(e) => setExpiresOn(e.currentTarget.value)} />
      <Button size="xs" variant="default" disabled={!moduleId || !certifiedOn} loading={save.isPending} onClick={() => save.mutate()}>
        {t('trainingSessions.trainers.certify')}
      </Button>
    </Group>
  );
}

/** Train-the-trainer: the roster of national trainers and visiting experts, certified per module. */
export function TrainersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const trainers = useTrainers();
  const [editing, setEditing] = useState<TTrainer | null>(null);
  const mayManage = me.data ? can(me.data, 'manage:training:institution') : false;
  if (trainers.isPending) return <LoadingState />;
  if (!trainers.data) return <ErrorAlert error={trainers.error} />;
  return (
    <Stack>
      <PageHeader title={t('trainingSessions.trainers.title')} description={t('trainingSessions.trainers.description')} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingSessions.trainers.fullName')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.trainers.organisation')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.trainers.certifications')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trainers.data.map((tr) => (
              <Table.Tr key={tr.id}>
                <Table.Th scope="row">
                  {tr.fullName}{!tr.active && ` (${t('training.trainers.inactive')})`}
                  <Text size="xs">{[tr.countryCode, tr.languages.join(', '), tr.email].filter(Boolean).join(' · ')}</Text>
                  {mayManage && (
                    <Button size="compact-xs" variant="default" mt={4} aria-label={t('common.editNamed', { name: tr.fullName })} onClick={() => setEditing(tr)}>
                      {t('common.edit')}
                    </Button>
                  )}
                </Table.Th>
                <Table.Td>{tr.organisation}</Table.Td>
                <Table.Td>
                  <CertificationList trainer={tr} mayManage={mayManage} />
                  {mayManage && <Certify trainer={tr} />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {mayManage && <AddTrainer />}
      {editing && <TrainerEditDialog key={editing.id} trainer={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
