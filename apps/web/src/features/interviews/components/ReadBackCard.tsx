import { useState } from 'react';
import { Button, Card, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInterview } from '@refugio/domain';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import type { SaveSummary } from '../autosave/autosave-store.ts';
import { readBack } from '../api/interviews.ts';

/**
 * Ends the questioning: the record is read back to the applicant, then only corrections change
 * it. Waits until every piece typed is saved, so nothing is read back that the server lacks.
 */
export function ReadBackCard({ record, summary, onDone }: { record: TInterview; summary: SaveSummary; onDone: (record: TInterview) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const unsaved = summary.pending + summary.saving + summary.offline + summary.conflicts + summary.invalid;
  const open = record.breaks.some((b) => !b.endedAt);
  const go = useMutation({ mutationFn: () => readBack(record.id, record.version), onSuccess: (next) => { setConfirming(false); onDone(next); } });
  return (
    <Card withBorder component="section" aria-labelledby="read-back-title">
      <Title order={2} size="h4" id="read-back-title" mb={4}>{t('interviews.readBack.title')}</Title>
      <Text size="sm" mb="sm">{t('interviews.readBack.hint')}</Text>
      {unsaved > 0 && <Text size="sm" c="red.9" mb="xs">{t('interviews.readBack.waitForSave')}</Text>}
      {open && <Text size="sm" c="red.9" mb="xs">{t('interviews.readBack.endBreak')}</Text>}
      <Button onClick={() => setConfirming(true)} disabled={unsaved > 0 || open}>{t('interviews.readBack.start')}</Button>
      <ConfirmDialog opened={confirming} title={t('interviews.readBack.start')} message={t('interviews.readBack.confirm')} confirmLabel={t('interviews.readBack.confirmButton')}
        pending={go.isPending} error={go.error} onConfirm={() => go.mutate()} onClose={() => setConfirming(false)} />
    </Card>
  );
}
