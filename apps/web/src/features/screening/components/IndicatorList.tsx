import { useState } from 'react';
import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TIndicator } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { withdrawIndicator } from '../api/screening.ts';

function WithdrawIndicator({ claimId, indicator }: { claimId: string; indicator: TIndicator }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => withdrawIndicator(claimId, indicator.id, { version: indicator.version, reason: reason.trim() }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['claims', claimId] }),
  });
  if (!open) return <Button size="compact-xs" variant="default" onClick={() => setOpen(true)}>{t('screening.indicators.withdraw')}</Button>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); withdraw.mutate(); }}>
      <ErrorAlert error={withdraw.error} />
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" label={t('screening.indicators.withdrawReason')} required maxLength={LIMITS.reasonMax} value={reason}
          onChange={(e) => setReason(e.currentTarget.value)} />
        <Button type="submit" size="compact-sm" loading={withdraw.isPending} disabled={!reason.trim()}>{t('screening.indicators.withdraw')}</Button>
        <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Group>
    </form>
  );
}

/** The indicators recorded for one person, newest last; restricted ones show only that they exist. */
export function IndicatorList({ claimId, indicators, mayUpdate }: { claimId: string; indicators: TIndicator[]; mayUpdate: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <List spacing="xs" listStyleType="none">
      {indicators.map((i) => (
        <List.Item key={i.id} data-indicator={i.category ?? 'redacted'}>
          <Stack gap={2}>
            <Text size="sm" fw={600} td={i.withdrawnAt ? 'line-through' : undefined}>
              {i.redacted ? t('screening.redacted') : `${t(labelKey(CATEGORY_LABEL, i.category ?? ''))}: ${i.description}`}
            </Text>
            <Text size="xs">
              {t('screening.indicators.line', {
                kind: t(`screening.indicators.kinds.${i.kind}`), by: i.observedBy ?? '—', place: i.observedPlace ?? '—',
                when: formatDateTime(i.observedAt, language),
              })}
            </Text>
            {i.withdrawnAt && <Text size="xs">{t('screening.indicators.withdrawn', { reason: i.withdrawnReason ?? '—' })}</Text>}
            {mayUpdate && !i.withdrawnAt && !i.redacted && <WithdrawIndicator claimId={claimId} indicator={i} />}
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
