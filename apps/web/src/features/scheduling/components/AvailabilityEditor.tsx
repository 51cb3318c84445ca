import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AvailabilitySlot } from '@refugio/domain';

const WEEKDAY_KEYS = ['scheduling.weekdays.1', 'scheduling.weekdays.2', 'scheduling.weekdays.3', 'scheduling.weekdays.4',
  'scheduling.weekdays.5', 'scheduling.weekdays.6', 'scheduling.weekdays.7'] as const;

/** The interpreter's weekly availability: rows of weekday, from and to; none means no restriction recorded. */
export function AvailabilityEditor({ value, error, onChange }: { value: AvailabilitySlot[]; error?: string | undefined; onChange: (v: AvailabilitySlot[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<AvailabilitySlot>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 'none', padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">{t('scheduling.availability.label')}</Text>
      <Text size="xs" c="dimmed">{t('scheduling.availability.hint')}</Text>
      {value.map((slot, i) => (
        // Rows have no identity of their own beyond their position.
        // oxlint-disable-next-line no-array-index-key
        <Group key={i} align="flex-end">
          <NativeSelect label={t('scheduling.availability.weekday')} value={String(slot.weekday)}
            data={WEEKDAY_KEYS.map((key, d) => ({ value: String(d + 1), label: t(key) }))}
            onChange={(e) => set(i, { weekday: Number(e.currentTarget.value) })} />
          <TextInput type="time" label={t('scheduling.availability.from')} value={slot.from} onChange={(e) => set(i, { from: e.currentTarget.value })} />
          <TextInput type="time" label={t('scheduling.availability.to')} value={slot.to} onChange={(e) => set(i, { to: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" aria-label={t('scheduling.availability.remove')} onClick={() => onChange(value.filter((_, j) => j !== i))}>×</ActionIcon>
        </Group>
      ))}
      {error && <Text c="red" size="sm">{error}</Text>}
      <Group><Button variant="light" size="xs" onClick={() => onChange([...value, { weekday: 1, from: '09:00', to: '15:00' }])}>{t('scheduling.availability.add')}</Button></Group>
    </Stack>
  );
}
