import { useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { issueCertificateBatch } from '../api/training-records.ts';

const BATCH = 25;

/**
 * "Issue all certificates": the client asks for one batch after another until none remain, so
 * the bar moves with real progress and a closed tab loses nothing (the next run continues; ADR 016).
 */
export function IssueCertificates({ sessionId, onProgress }: { sessionId: string; onProgress: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ issued: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      for (;;) {
        const step = await issueCertificateBatch(sessionId, BATCH);
        setProgress({ issued: step.issued, total: step.total });
        if (step.remaining === 0) break;
      }
      onProgress();
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };
  const pct = progress && progress.total > 0 ? Math.round((progress.issued * 100) / progress.total) : 0;
  return (
    <Stack gap="xs">
      <Group>
        <Button onClick={() => void run()} loading={running}>{t('trainingRecords.certificates.issueAll')}</Button>
        {progress && <Text size="sm" role="status">{t('trainingRecords.certificates.progress', { issued: progress.issued, total: progress.total })}</Text>}
      </Group>
      {progress && <Progress value={pct} aria-label={t('trainingRecords.certificates.progressLabel')} size="lg" />}
      <ErrorAlert error={error} />
    </Stack>
  );
}
