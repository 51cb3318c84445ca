import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveSummary } from '../autosave/autosave-store.ts';

/** The whole record's save state in words, announced politely to screen readers. */
export function SaveStatus({ summary, restored }: { summary: SaveSummary; restored: number }) {
  const { t } = useTranslation();
  const waiting = summary.pending + summary.saving;
  let text = t('interviews.save.allSaved');
  let color = 'teal.9';
  if (summary.offline > 0) { text = t('interviews.save.offline', { count: summary.offline }); color = 'red.9'; }
  else if (summary.conflicts > 0) { text = t('interviews.save.conflicts', { count: summary.conflicts }); color = 'red.9'; }
  else if (summary.invalid > 0) { text = t('interviews.save.invalid', { count: summary.invalid }); color = 'red.9'; }
  else if (waiting > 0) { text = t('interviews.save.saving'); color = 'blue.9'; }
  return (
    <Group gap="sm" wrap="wrap">
      <Badge color={color} variant="filled" tt="none" role="status" aria-live="polite">{text}</Badge>
      {restored > 0 && <Alert color="blue" py={4} px="sm"><Text size="sm">{t('interviews.save.restored', { count: restored })}</Text></Alert>}
    </Group>
  );
}
