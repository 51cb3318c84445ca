import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TGuarantee } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { decideGuarantee } from '../api/screening.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

const STATUS_TONE: Record<TGuarantee['status'], BadgeTone> = { pending: 'negative', met: 'positive', not_applicable: 'neutral' };

/** One guarantee of one person: its status in words, why it applies, its source, and the actions on it. */
export function GuaranteeItem({ claimId, guarantee, personName, mayUpdate }: {
  claimId: string; guarantee: TGuarantee; personName: string; mayUpdate: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<'met' | 'not_applicable' | null>(null);
  const [text, setText] = useState('');
  const decide = useMutation({
    mutationFn: (status: TGuarantee['status']) => decideGuarantee(claimId, guarantee.id, {
      version: guarantee.version, status,
      evidence: status === 'met' ? text.trim() || null : null, reason: status === 'not_applicable' ? text.trim() || null : null,
    }),
    onSuccess: () => { setDeciding(null); setText(''); },
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  const fieldError = useFieldErrorMap(decide.error);
  const title = guarantee.redacted ? t('screening.redacted') : guarantee.title;
  return (
    <Stack gap={4} data-guarantee={guarantee.code ?? 'redacted'} data-status={guarantee.status}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>{title}</Text>
        <StateBadge tone={STATUS_TONE[guarantee.status]}>{t(`screening.guarantees.statuses.${guarantee.status}`)}</StateBadge>
        {guarantee.governsInterview && <StateBadge tone="info" look="outline">{t('screening.guarantees.governsInterview')}</StateBadge>}
      </Group>
      <Text size="xs">{t('screening.guarantees.for', { person: personName })}</Text>
      {guarantee.needCodes.length > 0 && (
        <Text size="xs">{t('screening.guarantees.needs', { needs: guarantee.needCodes.map((n) => t(labelKey(CATEGORY_LABEL, n))).join(', ') })}</Text>
      )}
      {guarantee.description && <Text size="xs">{guarantee.description}</Text>}
      {guarantee.source && <Text size="xs" c="dimmed">{t('screening.guarantees.source', { source: guarantee.source })}</Text>}
      {guarantee.evidence && <Text size="sm">{t('screening.guarantees.evidence', { evidence: guarantee.evidence })}</Text>}
      {guarantee.reason && <Text size="sm">{t('screening.guarantees.reason', { reason: guarantee.reason })}</Text>}
      {guarantee.decidedAt && (
        <Text size="xs" c="dimmed">{t('screening.guarantees.decidedBy', { name: guarantee.decidedBy ?? '—', date: formatDateTime(guarantee.decidedAt, language) })}</Text>
      )}
      <ErrorAlert error={decide.error} fields={['evidence', 'reason']} />
      {mayUpdate && !guarantee.redacted && deciding === null && (
        <Group gap="xs">
          {guarantee.status !== 'met' && <Button size="compact-sm" onClick={() => setDeciding('met')}>{t('screening.guarantees.markMet')}</Button>}
          {guarantee.status !== 'not_applicable' && (
            <Button size="compact-sm" variant="default" onClick={() => setDeciding('not_applicable')}>{t('screening.guarantees.markNotApplicable')}</Button>
          )}
          {guarantee.status !== 'pending' && (
            <Button size="compact-sm" variant="default" loading={decide.isPending} onClick={() => decide.mutate('pending')}>{t('screening.guarantees.reopen')}</Button>
          )}
        </Group>
      )}
      {deciding && (
        <form onSubmit={(e) => { e.preventDefault(); decide.mutate(deciding); }}>
          <Stack gap="xs">
            <Textarea autosize minRows={2} maxLength={LIMITS.reasonMax} required value={text} onChange={(e) => setText(e.currentTarget.value)}
              label={deciding === 'met' ? t('screening.guarantees.evidenceLabel') : t('screening.guarantees.reasonLabel')}
              error={fieldError(deciding === 'met' ? 'evidence' : 'reason')} />
            <Group gap="xs">
              <Button type="submit" size="compact-sm" loading={decide.isPending} disabled={!text.trim()}>{t('screening.guarantees.save')}</Button>
              <Button size="compact-sm" variant="default" onClick={() => { setDeciding(null); setText(''); }}>{t('common.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
