import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, sessionScheduleIssues, ZTrainingSession, type TTrainingSession } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { updateTrainingSession } from '../api/training-sessions.ts';
import { DaysEditor, TrainerChecklist, type DayDraft } from './SessionFields.tsx';

const FIELDS = ['venue', 'videoLink', 'onlineStartsOn', 'onlineEndsOn', 'capacity', 'selfEnrolment', 'language', 'days', 'trainerIds'] as const;

interface Values {
  venue: string; videoLink: string; onlineStartsOn: string; onlineEndsOn: string; capacity: number | string; selfEnrolment: boolean;
  language: TTrainingSession['language']; days: DayDraft[]; trainerIds: string[];
}

function valuesOf(s: TTrainingSession): Values {
  return {
    venue: s.venue ?? '', videoLink: s.videoLink ?? '', onlineStartsOn: s.onlineStartsOn ?? '', onlineEndsOn: s.onlineEndsOn ?? '',
    capacity: s.capacity, selfEnrolment: s.selfEnrolment, language: s.language,
    days: s.days.map(({ day, startsAt, endsAt }) => ({ day, startsAt, endsAt })), trainerIds: s.trainers.map((tr) => tr.id),
  };
}

/**
 * The coordinator changes a session after creation, with the version read: when someone else
 * saved first (409), the form reloads what is saved now and says so.
 */
export function SessionEditDialog({ session, onClose }: { session: TTrainingSession; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(session));
  const [version, setVersion] = useState(session.version);
  const [base, setBase] = useState(session);
  const save = useMutation({
    mutationFn: () => updateTrainingSession(session.id, {
      version, venue: values.venue.trim() || null, videoLink: values.videoLink.trim() || null, onlineStartsOn: values.onlineStartsOn || null,
      onlineEndsOn: values.onlineEndsOn || null, capacity: Number(values.capacity), selfEnrolment: values.selfEnrolment, language: values.language,
      days: values.days.filter((d) => d.day), trainerIds: values.trainerIds,
    }),
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
      onClose();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZTrainingSession);
      if (!current) return;
      setValues(valuesOf(current));
      setVersion(current.version);
      setBase(current);
      void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
    },
  });
  const serverError = useFieldErrorMap(save.error);
  // The shared rule the API applies (ADR 052), said as the dates are typed.
  const schedule = sessionScheduleIssues({
    onlineStartsOn: values.onlineStartsOn || null, onlineEndsOn: values.onlineEndsOn || null, days: values.days.filter((d) => d.day),
  });
  const errorOf = (path: string) => {
    const issue = schedule.find((i) => i.path === path);
    return serverError(path) ?? (issue ? t(issue.code) : undefined);
  };
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const faceToFace = session.format === 'in_person' || session.format === 'blended';
  const online = session.format === 'online' || session.format === 'blended';

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <FormModal opened size="xl" onClose={onClose} title={t('trainingSessions.edit.title', { code: session.code })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(faceToFace || values.venue) && (
              <TextInput label={t('trainingSessions.form.venue')} required={faceToFace} value={values.venue} error={errorOf('venue')}
                onChange={(e) => set('venue', e.currentTarget.value)} />
            )}
            <TextInput label={t('trainingSessions.form.videoLink')} type="url" required={session.format === 'videoconference'} value={values.videoLink}
              error={errorOf('videoLink')} onChange={(e) => set('videoLink', e.currentTarget.value)} />
            {online && (
              <>
                <TextInput type="date" label={t('trainingSessions.form.onlineStartsOn')} required value={values.onlineStartsOn}
                  error={errorOf('onlineStartsOn')} onChange={(e) => set('onlineStartsOn', e.currentTarget.value)} />
                <TextInput type="date" label={t('trainingSessions.form.onlineEndsOn')} value={values.onlineEndsOn}
                  error={errorOf('onlineEndsOn')} onChange={(e) => set('onlineEndsOn', e.currentTarget.value)} />
              </>
            )}
            <NumberInput label={t('trainingSessions.form.capacity')} description={t('trainingSessions.edit.capacityHint', { enrolled: base.enrolled, waiting: base.waitlisted })}
              required min={1} max={1000} value={values.capacity} error={errorOf('capacity')} onChange={(v) => set('capacity', v)} />
            <NativeSelect label={t('trainingSessions.form.language')} value={values.language} error={errorOf('language')}
              data={LANGUAGES.map((l) => ({ value: l, label: t(LANGUAGE_LABEL[l]) }))}
              onChange={(e) => set('language', e.currentTarget.value as Values['language'])} />
          </SimpleGrid>
          <Checkbox label={t('trainingSessions.form.selfEnrolment')} description={t('trainingSessions.form.selfEnrolmentHint')} checked={values.selfEnrolment}
            onChange={(e) => set('selfEnrolment', e.currentTarget.checked)} />
          <DaysEditor days={values.days} onChange={(days) => set('days', days)} errorOf={errorOf} removable />
          {errorOf('trainerIds') && <Text size="sm" c="red.9">{errorOf('trainerIds')}</Text>}
          <TrainerChecklist moduleId={session.moduleId} value={values.trainerIds} onChange={(ids) => set('trainerIds', ids)}
            keep={base.trainers.map((tr) => tr.id)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('trainingSessions.edit.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
