import { useState } from 'react';
import { Button, Card, Group, List, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPEAL_OUTCOMES, todayIn, type AppealOutcome, type TDecision } from '@refugio/domain';
import { formatDate } from '../../../lib/format-date.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { lodgeAppeal, resolveAppeal, useAppealClock } from '../api/decisions.ts';
import { APPEAL_OUTCOME_LABEL } from './labels.ts';
import { StepError } from './UnmetSafeguards.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The recurso de revisión's term as the authority's calendar counts it, each skipped day with its source (ADR 009). */
function AppealClock({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const clock = useAppealClock(claimId).data;
  if (!clock || !clock.startedOn || !clock.dueOn) return null;
  return (
    <Stack gap={2} aria-label={t('decisions.appeal.clock')} role="group">
      <Text fw={600}>{t('decisions.appeal.clock')}</Text>
      <Text size="sm">
        {t('decisions.appeal.clockLine', { days: clock.workingDays ?? 0, from: formatDate(clock.startedOn, language), due: formatDate(clock.dueOn, language) })}
        {clock.workingDaysLeft !== null && clock.state !== 'stopped' ? ` ${t('decisions.appeal.left', { count: clock.workingDaysLeft })}` : ''}
        {clock.state === 'stopped' ? ` ${t('decisions.appeal.stopped')}` : ''}
      </Text>
      <Text size="xs" c="dimmed">{clock.source}{clock.calendarCode ? ` · ${t('decisions.appeal.calendar', { calendar: clock.calendarCode })}` : ''}</Text>
      {clock.skipped.length > 0 && (
        <List size="sm">
          {clock.skipped.map((s) => (
            <List.Item key={`${s.from}-${s.kind}`}>
              {s.from === s.to ? formatDate(s.from, language) : `${formatDate(s.from, language)} – ${formatDate(s.to, language)}`}: {s.label ?? s.kind}
              {s.source ? ` (${s.source})` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The appeal: its clock, lodging it, and its resolution (confirmed, revoked or sent back), kept for the quality indicators. */
export function AppealPanel({ decision, timeZone }: { decision: TDecision; timeZone?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const today = todayIn(timeZone);
  const [lodgedOn, setLodgedOn] = useState(today);
  const [grounds, setGrounds] = useState('');
  const [outcome, setOutcome] = useState<AppealOutcome>('confirmed');
  const [resolvedOn, setResolvedOn] = useState(today);
  const [resolution, setResolution] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['claims', decision.claimId] });
  const lodge = useMutation({
    mutationFn: () => { const body = { version: decision.claimVersion, lodgedOn, lodgedAtOfficeId: null, grounds }; return lodgeAppeal(decision.claimId, body, keyFor(body)); },
    onSuccess: refresh,
  });
  const open = decision.appeals.find((a) => a.status === 'lodged');
  const resolve = useMutation({
    mutationFn: () => resolveAppeal(decision.claimId, open!.id, { version: open!.version, outcome, resolvedOn, resolution }),
    onSuccess: refresh,
  });
  const lodgeErrors = useFieldErrors(lodge.error);
  const resolveErrors = useFieldErrors(resolve.error);
  return (
    <Card withBorder component="section" aria-labelledby="appeal-title">
      <Title order={2} size="h4" id="appeal-title" mb="xs">{t('decisions.appeal.title')}</Title>
      <Stack>
        <AppealClock claimId={decision.claimId} />
        {decision.appeals.map((a) => (
          <div key={a.id}>
            <Group gap="xs">
              <Text size="sm" fw={600}>{t('decisions.appeal.lodgedOn', { date: formatDate(a.lodgedOn, language) })}</Text>
              {a.outcome && <StateBadge tone="info" look="outline">{t(APPEAL_OUTCOME_LABEL[a.outcome])}</StateBadge>}
            </Group>
            <Text size="sm">{a.grounds}</Text>
            {a.resolution && <Text size="sm" c="dimmed">{formatDate(a.resolvedOn ?? a.lodgedOn, language)}: {a.resolution}</Text>}
          </div>
        ))}
        {decision.can.lodgeAppeal && (
          <form onSubmit={(e) => { e.preventDefault(); lodge.mutate(); }}>
            <Stack gap="xs">
              <StepError error={lodge.error} fields={['lodgedOn', 'grounds']} />
              <TextInput type="date" label={t('decisions.appeal.lodgedOnLabel')} required value={lodgedOn} error={lodgeErrors.lodgedOn} onChange={(e) => setLodgedOn(e.currentTarget.value)} />
              <Textarea label={t('decisions.appeal.grounds')} required autosize minRows={2} value={grounds} error={lodgeErrors.grounds} onChange={(e) => setGrounds(e.currentTarget.value)} />
              <Group><Button type="submit" loading={lodge.isPending}>{t('decisions.appeal.lodge')}</Button></Group>
            </Stack>
          </form>
        )}
        {decision.can.resolveAppeal && open && (
          <form onSubmit={(e) => { e.preventDefault(); resolve.mutate(); }}>
            <Stack gap="xs">
              <StepError error={resolve.error} fields={['outcome', 'resolvedOn', 'resolution']} />
              <NativeSelect label={t('decisions.appeal.outcome')} value={outcome} data={APPEAL_OUTCOMES.map((o) => ({ value: o, label: t(APPEAL_OUTCOME_LABEL[o]) }))}
                onChange={(e) => setOutcome(e.currentTarget.value as AppealOutcome)} />
              <TextInput type="date" label={t('decisions.appeal.resolvedOn')} required value={resolvedOn} error={resolveErrors.resolvedOn} onChange={(e) => setResolvedOn(e.currentTarget.value)} />
              <Textarea label={t('decisions.appeal.resolution')} required autosize minRows={2} value={resolution} error={resolveErrors.resolution} onChange={(e) => setResolution(e.currentTarget.value)} />
              <Group><Button type="submit" loading={resolve.isPending}>{t('decisions.appeal.resolve')}</Button></Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
