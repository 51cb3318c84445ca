import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZTrainer, type TTrainer } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { updateTrainer, type TrainerUpdate } from '../api/trainers.ts';

const FIELDS = ['fullName', 'organisation', 'countryCode', 'languages', 'email', 'active'] as const;

function valuesOf(trainer: TTrainer) {
  return {
    fullName: trainer.fullName, organisation: trainer.organisation, countryCode: trainer.countryCode,
    languages: trainer.languages.join(', '), email: trainer.email ?? '', active: trainer.active,
  };
}

/** Edits a roster entry with the version read; a 409 reloads what someone else saved. */
export function TrainerEditDialog({ trainer, onClose }: { trainer: TTrainer; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(trainer));
  const [version, setVersion] = useState(trainer.version);
  const save = useMutation({
    mutationFn: () => {
      const body: TrainerUpdate = {
        userId: trainer.userId, fullName: values.fullName, organisation: values.organisation, countryCode: values.countryCode,
        languages: values.languages.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean),
        email: values.email.trim() || null, active: values.active, version,
      };
      return updateTrainer(trainer.id, body);
    },
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
      onClose();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZTrainer);
      if (!current) return;
      setValues(valuesOf(current));
      setVersion(current.version);
    },
  });
  const errors = useFieldErrors(save.error);
  const set = (key: 'fullName' | 'organisation' | 'email' | 'languages') => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: e.currentTarget.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <FormModal opened onClose={onClose} title={t('common.editNamed', { name: trainer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('training.trainers.fullName')} required value={values.fullName} error={errors.fullName} onChange={set('fullName')} />
            <TextInput label={t('training.trainers.organisation')} required value={values.organisation} error={errors.organisation} onChange={set('organisation')} />
            <TextInput label={t('training.trainers.country')} description={t('training.trainers.countryHint')} maxLength={2} required
              value={values.countryCode} error={errors.countryCode} onChange={(e) => setValues({ ...values, countryCode: e.currentTarget.value.toUpperCase() })} />
            <TextInput label={t('training.trainers.languages')} description={t('training.trainers.languagesHint')}
              value={values.languages} error={errors.languages} onChange={set('languages')} />
            <TextInput type="email" label={t('training.trainers.email')} value={values.email} error={errors.email} onChange={set('email')} />
          </SimpleGrid>
          <Checkbox label={t('training.trainers.active')} checked={values.active} onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
