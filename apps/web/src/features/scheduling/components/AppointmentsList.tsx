import { useEffect, useState } from 'react';
import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_STATUS_LABEL_KEYS, GUARANTEE_LABEL_KEYS, MODALITY_LABEL_KEYS, POSTPONEMENT_GUARANTEES, type TAppointment,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { postponeAppointment, recordNoShow, SCHEDULING_KEY } from '../api/scheduling.ts';
import { formatLocal, languageName } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

const STATUS_TONE: Record<TAppointment['status'], BadgeTone> = {
  scheduled: 'info', held: 'positive', no_show: 'negative', cancelled: 'neutral', rescheduled: 'neutral', postponed: 'neutral',
};

/** A claim's appointments, newest first: the notice and the .ics to download, and what can be done with each. */
export function AppointmentsList({ appointments, mayUpdate, onReschedule }: {
  appointments: TAppointment[]; mayUpdate: boolean; onReschedule: (a: TAppointment) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const language = currentLanguage();
  const [postponing, setPostponing] = useState<TAppointment | null>(null);
  // A no-show can be recorded once the start has passed: the clock ticks so the button appears then.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const noShow = useMutation({
    mutationFn: (a: TAppointment) => recordNoShow(a.id, { reason: null, version: a.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }),
  });
  const rescheduledFrom = new Set(appointments.map((a) => a.rescheduledFromId).filter(Boolean));
  if (appointments.length === 0) return <Text c="dimmed">{t('scheduling.appointments.empty')}</Text>;
  return (
    <Stack>
      <ErrorAlert error={noShow.error} />
      {appointments.map((a) => {
        const when = formatLocal(a.localStart, language);
        const started = Date.parse(a.startsAt) <= now;
        const canMove = ['scheduled', 'no_show', 'postponed'].includes(a.status) && !rescheduledFrom.has(a.id);
        return (
          <Card key={a.id} withBorder component="article" aria-label={t('scheduling.appointments.itemLabel', { when })}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={3} size="h5">{when} – {a.localEnd.slice(11)}</Title>
                <Text size="sm">{t('scheduling.appointments.who', { officer: a.officerName, interpreter: a.interpreterName ?? t('scheduling.appointments.noInterpreter') })}</Text>
                <Text size="sm">
                  {languageName(t, a.language)} · {t(MODALITY_LABEL_KEYS[a.modality])}{a.room ? ` · ${t('scheduling.appointments.room', { room: a.room })}` : ''}
                  {a.videoLink ? ` · ${a.videoLink}` : ''}
                </Text>
                {a.requests.map((r, i) => (
                  // oxlint-disable-next-line no-array-index-key -- requests have no identity beyond their position
                  <Text key={i} size="xs" c="dimmed">
                    {r.honoured ? t('scheduling.appointments.requestHonoured') : t('scheduling.appointments.requestRefused', { reason: r.reason ?? '' })}
                  </Text>
                ))}
                {a.statusReason && <Text size="xs">{t('scheduling.appointments.reason', { reason: a.statusReason })}</Text>}
                {a.postponedFor && <Text size="xs">{t(GUARANTEE_LABEL_KEYS[a.postponedFor as keyof typeof GUARANTEE_LABEL_KEYS] ?? GUARANTEE_LABEL_KEYS.other)}</Text>}
                {a.clockPaused && <Text size="xs" fw={600}>{t('scheduling.appointments.clockPaused', { basis: a.clockLegalBasis ?? '' })}</Text>}
              </Stack>
              <StateBadge tone={STATUS_TONE[a.status]} look="outline">{t(APPOINTMENT_STATUS_LABEL_KEYS[a.status])}</StateBadge>
            </Group>
            <Group mt="sm" gap="sm">
              <Anchor href={`/api/appointments/${a.id}/notice`} download>{t('scheduling.appointments.notice')}</Anchor>
              <Anchor href={`/api/appointments/${a.id}/calendar`} download>{t('scheduling.appointments.calendar')}</Anchor>
              {mayUpdate && a.status === 'scheduled' && started && (
                <Button size="xs" variant="default" loading={noShow.isPending} onClick={() => noShow.mutate(a)}>{t('scheduling.appointments.noShow')}</Button>
              )}
              {mayUpdate && a.status === 'scheduled' && (
                <Button size="xs" variant="default" onClick={() => setPostponing(a)}>{t('scheduling.appointments.postpone')}</Button>
              )}
              {mayUpdate && canMove && <Button size="xs" variant="light" onClick={() => onReschedule(a)}>{t('scheduling.appointments.reschedule')}</Button>}
            </Group>
          </Card>
        );
      })}
      <FormModal opened={postponing !== null} title={t('scheduling.postpone.title')} onClose={() => setPostponing(null)}>
        {postponing && <PostponeForm appointment={postponing} onDone={() => setPostponing(null)} />}
      </FormModal>
    </Stack>
  );
}

function PostponeForm({ appointment, onDone }: { appointment: TAppointment; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [guarantee, setGuarantee] = useState<(typeof POSTPONEMENT_GUARANTEES)[number]>('fitness_for_interview');
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => postponeAppointment(appointment.id, { guarantee, reason, version: appointment.version }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }); onDone(); },
  });
  const errorOf = useFieldErrorMap(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <Text size="sm">{t('scheduling.postpone.hint')}</Text>
        <NativeSelect label={t('scheduling.postpone.guarantee')} value={guarantee} error={errorOf('guarantee')}
          data={POSTPONEMENT_GUARANTEES.map((g) => ({ value: g, label: t(GUARANTEE_LABEL_KEYS[g]) }))}
          onChange={(e) => setGuarantee(e.currentTarget.value as typeof guarantee)} />
        <Textarea label={t('scheduling.postpone.reason')} required autosize minRows={2} value={reason} error={errorOf('reason')}
          onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('scheduling.postpone.submit')}</Button></Group>
      </Stack>
    </form>
  );
}
