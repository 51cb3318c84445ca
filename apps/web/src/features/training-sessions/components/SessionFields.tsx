import { useState } from 'react';
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTrainers } from '../../training-curriculum/index.ts';

export interface DayDraft { day: string; startsAt: string; endsAt: string }

/** The session's days, each with its times; a new day starts as a full day. */
export function DaysEditor({ days, onChange, errorOf, removable = false }: {
  days: DayDraft[];
  onChange: (days: DayDraft[]) => void;
  errorOf: (path: string) => string | undefined;
  removable?: boolean;
}) {
  const { t } = useTranslation();
  const setDay = (index: number, patch: Partial<DayDraft>) => onChange(days.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">{t('trainingSessions.form.days')}</Text>
      {errorOf('days') && <Text size="sm" c="red.9">{errorOf('days')}</Text>}
      {days.map((d, i) => (
        // The days have no identity until saved; their position is their key.
        // oxlint-disable-next-line react/no-array-index-key
        <Group key={i} grow align="flex-end">
          <TextInput type="date" label={t('trainingSessions.form.day', { n: i + 1 })} value={d.day} error={errorOf(`days.${i}.day`)}
            onChange={(e) => setDay(i, { day: e.currentTarget.value })} />
          <TextInput type="time" label={t('trainingSessions.form.startsAt', { n: i + 1 })} value={d.startsAt}
            onChange={(e) => setDay(i, { startsAt: e.currentTarget.value })} />
          <TextInput type="time" label={t('trainingSessions.form.endsAt', { n: i + 1 })} value={d.endsAt} error={errorOf(`days.${i}.endsAt`)}
            onChange={(e) => setDay(i, { endsAt: e.currentTarget.value })} />
          {removable && (
            <Button variant="default" size="sm" style={{ flexGrow: 0 }} aria-label={t('trainingSessions.form.removeDay', { n: i + 1 })}
              onClick={() => onChange(days.filter((_, j) => j !== i))}>
              {t('trainingSessions.form.remove')}
            </Button>
          )}
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...days, { day: '', startsAt: '09:00', endsAt: '17:00' }])}>
          {t('trainingSessions.form.addDay')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The roster to staff a session from, those certified for its module first (train-the-trainer status is per module). */
export function TrainerChecklist({ moduleId, value, onChange, keep = [] }: {
  moduleId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Trainers already on the session, listed even if since made inactive. */
  keep?: readonly string[];
}) {
  const { t } = useTranslation();
  const trainers = useTrainers();
  const [today] = useState(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date()));
  // Certified for the module and not expired: an expired certification no longer puts a trainer first.
  const certified = (id: string) => (trainers.data ?? []).find((tr) => tr.id === id)?.certifications
    .some((c) => c.moduleId === moduleId && (c.expiresOn === null || c.expiresOn > today)) ?? false;
  const roster = (trainers.data ?? []).filter((tr) => tr.active || keep.includes(tr.id))
    .toSorted((a, b) => Number(certified(b.id)) - Number(certified(a.id)));
  return (
    <Stack gap={4} role="group" aria-label={t('trainingSessions.form.trainers')}>
      <Text fw={500} size="sm">{t('trainingSessions.form.trainers')}</Text>
      {roster.map((tr) => (
        <Checkbox key={tr.id} checked={value.includes(tr.id)}
          label={`${tr.fullName} (${tr.organisation})${certified(tr.id) ? ` · ${t('trainingSessions.form.certified')}` : ''}`}
          onChange={(e) => onChange(e.currentTarget.checked ? [...value, tr.id] : value.filter((x) => x !== tr.id))} />
      ))}
    </Stack>
  );
}
