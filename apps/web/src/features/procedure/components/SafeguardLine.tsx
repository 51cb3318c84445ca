import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSafeguardCheck } from '@refugio/domain';

const MARK: Record<TSafeguardCheck['state'], { symbol: string; color: string }> = {
  met: { symbol: '✓', color: 'teal.9' },
  unmet: { symbol: '✗', color: 'red.9' },
  on_input: { symbol: '?', color: 'blue.9' },
  switched_off: { symbol: '–', color: 'gray.8' },
};

/** One safeguard: a mark and its state in words (not by colour alone), why, what satisfies it, the source. */
export function SafeguardLine({ safeguard }: { safeguard: TSafeguardCheck }) {
  const { t } = useTranslation();
  const mark = MARK[safeguard.state];
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs" data-safeguard={safeguard.code} data-state={safeguard.state}>
      <ThemeIcon size="sm" radius="xl" color={mark.color} aria-hidden="true">{mark.symbol}</ThemeIcon>
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {safeguard.title} — {t(`procedure.states.${safeguard.state}`)}
        </Text>
        <Text size="sm">{safeguard.message}</Text>
        {safeguard.state === 'unmet' && <Text size="xs">{t('procedure.nextSteps.remedy', { remedy: safeguard.remedy })}</Text>}
        <Text size="xs" c="dimmed">
          {t('procedure.nextSteps.source', { citation: `${t(`procedure.sourceKinds.${safeguard.source.kind}`)} · ${safeguard.source.citation}` })}
        </Text>
      </Stack>
    </Group>
  );
}
