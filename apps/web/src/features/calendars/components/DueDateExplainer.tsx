import { useState } from 'react';
import { Alert, Group, List, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useDueDate } from '../api/calendars.ts';
import { formatCivilDate, formatCivilRange } from '../format.ts';
import { SKIPPED_KIND_LABELS } from '../rule-text.ts';

/** "45 working days from this date": the due date on this calendar and every day it skipped, and why. */
export function DueDateExplainer({ calendarId }: { calendarId: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState('');
  const [workingDays, setWorkingDays] = useState<number | null>(45);
  const due = useDueDate(calendarId, from, workingDays);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('calendars.explain.title')}</Title>
        <Text size="sm" c="dimmed">{t('calendars.explain.convention')}</Text>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('calendars.explain.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <NumberInput
            label={t('calendars.explain.workingDays')} min={0} max={1000} allowDecimal={false} value={workingDays ?? ''}
            onChange={(v) => setWorkingDays(typeof v === 'number' ? v : null)}
          />
        </Group>
        <ErrorAlert error={due.error} fields={[]} />
        {due.data && (
          <Alert color="blue" role="status" title={t('calendars.explain.due', { date: formatCivilDate(due.data.due) })}>
            {due.data.skipped.length === 0 ? t('calendars.explain.noneSkipped') : (
              <List size="sm">
                {due.data.skipped.map((s) => (
                  <List.Item key={s.from}>
                    {formatCivilRange(s.from, s.to)} — {t(SKIPPED_KIND_LABELS[s.kind])}
                    {s.label ? `: ${s.label}` : ''}
                    {s.source ? ` (${s.source})` : ''}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
