import { useState } from 'react';
import { Button, Card, Group, List, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInterview } from '@refugio/domain';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { endBreak, startBreak } from '../api/interviews.ts';
import { InterviewErrorAlert } from './InterviewErrorAlert.tsx';

/** Breaks with their times (EUAA guide: offer breaks; planned breaks for children). */
export function BreaksCard({ record, editable, onChanged }: { record: TInterview; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const keyFor = useIdempotencyKey();
  const [reason, setReason] = useState('');
  const open = record.breaks.find((b) => !b.endedAt);
  const begin = useMutation({
    mutationFn: () => startBreak(record.id, reason.trim(), keyFor({ reason: reason.trim(), count: record.breaks.length })),
    onSuccess: () => { setReason(''); onChanged(); },
  });
  const end = useMutation({ mutationFn: () => endBreak(record.id, open!.id, open!.version), onSuccess: onChanged });
  return (
    <Card withBorder component="section" aria-labelledby="breaks-title">
      <Title order={2} size="h4" id="breaks-title" mb="sm">{t('interviews.breaks.title')}</Title>
      {record.breaks.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.breaks.none')}</Text> : (
        <List size="sm" spacing={2}>
          {record.breaks.map((b) => (
            <List.Item key={b.id}>
              {formatDateTime(b.startedAt, language)} – {b.endedAt ? formatDateTime(b.endedAt, language) : t('interviews.breaks.ongoing')}
              {b.reason ? ` · ${b.reason}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      <InterviewErrorAlert error={begin.error ?? end.error} />
      {editable && (open ? (
        <Button mt="sm" onClick={() => end.mutate()} loading={end.isPending}>{t('interviews.breaks.end')}</Button>
      ) : (
        <Group mt="sm" align="flex-end" gap="xs">
          <TextInput label={t('interviews.breaks.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button variant="default" onClick={() => begin.mutate()} loading={begin.isPending}>{t('interviews.breaks.start')}</Button>
        </Group>
      ))}
    </Card>
  );
}
