import { useState } from 'react';
import { Button, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, SPECIALISTS, type TSpecialistReferral, type TSpecialistReferralInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { recordSpecialistOutcome, referToSpecialist } from '../api/screening.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function OutcomeForm({ claimId, referral }: { claimId: string; referral: TSpecialistReferral }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'completed' | 'declined'>('completed');
  const [outcome, setOutcome] = useState('');
  const save = useMutation({
    mutationFn: () => recordSpecialistOutcome(claimId, referral.id, { version: referral.version, status, outcome: outcome.trim() }),
    onSuccess: () => setOpen(false),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['claims', claimId] }),
  });
  if (!open) return <Button size="compact-xs" variant="default" onClick={() => setOpen(true)}>{t('screening.referrals.recordOutcome')}</Button>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} />
        <NativeSelect label={t('screening.referrals.outcomeStatus')} value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
          data={(['completed', 'declined'] as const).map((s) => ({ value: s, label: t(`screening.referrals.statuses.${s}`) }))} />
        <Textarea label={t('screening.referrals.outcome')} required autosize minRows={2} maxLength={LIMITS.reasonMax} value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)} />
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={save.isPending} disabled={!outcome.trim()}>{t('screening.referrals.recordOutcome')}</Button>
          <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReferralForm({ claimId, people, onDone }: { claimId: string; people: Array<{ id: string; name: string }>; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState({ personId: people[0]?.id ?? '', specialist: 'doctor', reason: '' });
  const save = useMutation({
    mutationFn: () => { const body = values as TSpecialistReferralInput; return referToSpecialist(claimId, body, keyFor(body)); },
    onSuccess: async () => { await queryClient.invalidateQueries({ queryKey: ['claims', claimId] }); onDone(); },
  });
  const error = useFieldErrorMap(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={t('screening.referrals.add')}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} fields={['personId', 'specialist', 'reason']} />
        <Group grow wrap="wrap" align="flex-start">
          <NativeSelect label={t('screening.indicators.person')} value={values.personId} error={error('personId')}
            data={people.map((p) => ({ value: p.id, label: p.name }))} onChange={(e) => setValues((v) => ({ ...v, personId: e.currentTarget.value }))} />
          <NativeSelect label={t('screening.referrals.specialist')} value={values.specialist} error={error('specialist')}
            data={SPECIALISTS.map((s) => ({ value: s, label: t(`screening.referrals.specialists.${s}`) }))}
            onChange={(e) => setValues((v) => ({ ...v, specialist: e.currentTarget.value }))} />
        </Group>
        <Textarea label={t('screening.referrals.reason')} required autosize minRows={2} maxLength={LIMITS.reasonMax} value={values.reason}
          error={error('reason')} onChange={(e) => setValues((v) => ({ ...v, reason: e.currentTarget.value }))} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('screening.referrals.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Referrals to specialists and what came of them (EUAA IPSN tool: identify, then refer). */
export function SpecialistReferrals({ claimId, referrals, people, mayUpdate }: {
  claimId: string; referrals: TSpecialistReferral[]; people: Array<{ id: string; name: string }>; mayUpdate: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [adding, setAdding] = useState(false);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '—';
  return (
    <Stack gap="sm">
      {referrals.length === 0 ? <Text size="sm" c="dimmed">{t('screening.referrals.none')}</Text> : (
        <List spacing="sm" listStyleType="none">
          {referrals.map((r) => (
            <List.Item key={r.id}>
              <Stack gap={2}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>{r.redacted ? t('screening.redacted') : t(`screening.referrals.specialists.${r.specialist}`)} · {nameOf(r.personId)}</Text>
                  <StateBadge tone={r.status === 'pending' ? 'negative' : 'positive'}>{t(`screening.referrals.statuses.${r.status}`)}</StateBadge>
                </Group>
                {r.reason && <Text size="sm">{r.reason}</Text>}
                <Text size="xs" c="dimmed">{r.referredBy ?? '—'} · {formatDateTime(r.referredAt, language)}</Text>
                {r.outcome && <Text size="sm">{t('screening.referrals.outcome')}: {r.outcome}</Text>}
                {mayUpdate && r.status === 'pending' && !r.redacted && <OutcomeForm claimId={claimId} referral={r} />}
              </Stack>
            </List.Item>
          ))}
        </List>
      )}
      {mayUpdate && (adding ? <ReferralForm claimId={claimId} people={people} onDone={() => setAdding(false)} /> : (
        <Group><Button variant="default" onClick={() => setAdding(true)}>{t('screening.referrals.add')}</Button></Group>
      ))}
    </Stack>
  );
}
