import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveSummary } from '../autosave/autosave-store.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

/** The whole record's save state in words, announced politely to screen readers. */
export function SaveStatus({ summary, restored }: { summary: SaveSummary; restored: number }) {
  const { t } = useTranslation();
  const waiting = summary.pending + summary.saving;
  let text = t('interviews.save.allSaved');
  let tone: BadgeTone = 'positive';
  if (summary.offline > 0) { text = t('interviews.save.offline', { count: summary.offline }); tone = 'negative'; }
  else if (summary.conflicts > 0) { text = t('interviews.save.conflicts', { count: summary.conflicts }); tone = 'negative'; }
  else if (summary.invalid > 0) { text = t('interviews.save.invalid', { count: summary.invalid }); tone = 'negative'; }
  else if (waiting > 0) { text = t('interviews.save.saving'); tone = 'info'; }
  return (
    <Group gap="sm" wrap="wrap">
      <StateBadge tone={tone} role="status" aria-live="polite">{text}</StateBadge>
      {restored > 0 && <Alert color="blue" py={4} px="sm"><Text size="sm">{t('interviews.save.restored', { count: restored })}</Text></Alert>}
    </Group>
  );
}
