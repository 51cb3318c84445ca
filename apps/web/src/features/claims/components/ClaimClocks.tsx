import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { useClaimClocks } from '../api/claims.ts';
import { CLOCK_KIND_LABEL, CLOCK_STATE_LABEL } from './labels.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** Each legal clock with its due date and the non-working days it passed over, with their source. */
export function ClaimClocks({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const clocks = useClaimClocks(claimId);
  return (
    <Card withBorder component="section" aria-labelledby="clocks-title">
      <Title order={2} size="h4" id="clocks-title">{t('intake.clocks.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('intake.clocks.convention')}</Text>
      <ErrorAlert error={clocks.error} />
      <Stack gap="md">
        {clocks.data?.length === 0 && <Text size="sm" c="dimmed">{t('intake.clocks.none')}</Text>}
        {clocks.data?.map((clock) => (
          <div key={clock.id}>
            <Text fw={600}>
              {t(labelKey(CLOCK_KIND_LABEL, clock.kind))} · {t(labelKey(CLOCK_STATE_LABEL, clock.state))} <RiskBadge band={clock.riskBand} />
            </Text>
            <Text size="sm">
              {clock.workingDays !== null && clock.startedOn
                ? t('intake.clocks.workingDays', { days: clock.workingDays + clock.extensionDays, from: formatDate(clock.startedOn, language) })
                : clock.hours !== null && clock.startedAt ? t('intake.clocks.hours', { hours: clock.hours, from: formatDateTime(clock.startedAt, language) }) : null}
              {' → '}
              <strong>{clock.dueOn ? formatDate(clock.dueOn, language) : clock.dueAt ? formatDateTime(clock.dueAt, language) : '—'}</strong>
              {clock.workingDaysLeft !== null && ` (${t('intake.clocks.left', { count: clock.workingDaysLeft })})`}
            </Text>
            {clock.late !== null && (
              <Text size="sm" c={clock.late ? 'red.9' : 'teal.9'}>{clock.late ? t('intake.clocks.filedLate') : t('intake.clocks.filedInTime')}</Text>
            )}
            <Text size="xs" c="dimmed">{clock.source}{clock.calendarName ? ` · ${clock.calendarName}` : ''}</Text>
            {clock.skipped.length > 0 && (
              <details>
                <summary><Text span size="sm">{t('intake.clocks.skipped', { count: clock.skipped.reduce((n, s) => n + s.days, 0) })}</Text></summary>
                <List size="sm" mt={4}>
                  {clock.skipped.map((s) => (
                    <List.Item key={`${s.from}-${s.kind}`}>
                      {s.from === s.to ? formatDate(s.from, language) : `${formatDate(s.from, language)} – ${formatDate(s.to, language)}`}
                      {': '}{s.label ?? s.kind}{s.source ? ` (${s.source})` : ''}
                    </List.Item>
                  ))}
                </List>
              </details>
            )}
            {clock.moves.map((m) => (
              <Text key={m.changeId} size="xs">
                {t('intake.clocks.moved', { from: m.oldDueOn ?? '—', to: m.newDueOn ?? '—', rule: m.ruleLabel, source: m.ruleSource })}
              </Text>
            ))}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
