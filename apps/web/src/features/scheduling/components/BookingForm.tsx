import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_CODES_639_3, MODALITIES, MODALITY_LABEL_KEYS, REQUEST_KINDS, REQUEST_LABEL_KEYS, SEX_LABEL_KEYS, THIRD_PARTY_LABEL_KEYS, THIRD_PARTY_ROLES,
  type TAppointment, type TAppointmentInput, type TApplicantRequest, type TBookingOptions,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { can, useMe } from '../../auth/index.ts';
import { bookAppointment, rescheduleAppointment, SCHEDULING_KEY, useInterpreters } from '../api/scheduling.ts';
import { languageName } from './labels.ts';

type Draft = Omit<TAppointmentInput, 'language'> & { language: string };

const newRequest = (): TApplicantRequest => ({ kind: 'interpreter_sex', sex: 'female', role: null, name: null, honoured: true, reason: null });

/**
 * Books the interview of a claim, or gives an appointment a new date (`from`): interviewer,
 * language and an interpreter who speaks it, place, time in the office's zone, and the
 * applicant's requests, each honoured or refused with a reason.
 */
export function BookingForm({ claimId, options, from, onDone }: { claimId: string; options: TBookingOptions; from: TAppointment | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({
    officerId: from?.officerId ?? options.assignedOfficerId ?? options.officers[0]?.id ?? '', interpreterId: from?.interpreterId ?? null,
    language: from?.language ?? options.suggestedLanguage, modality: from?.modality ?? 'in_person', room: from?.room ?? null,
    videoLink: from?.videoLink ?? null, startsAt: '', durationMinutes: 90, requests: (from?.requests ?? []) as TApplicantRequest[], personId: null,
    overrideGating: false, overrideReason: null,
  });
  const [reason, setReason] = useState('');
  const interpreters = useInterpreters({ language: draft.language, officeId: options.officeId });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...draft, language: draft.language as TAppointmentInput['language'], room: draft.room?.trim() || null, videoLink: draft.videoLink?.trim() || null };
      if (from) {
        const rebody = { ...body, reason, version: from.version };
        return rescheduleAppointment(from.id, rebody, keyFor(rebody));
      }
      return bookAppointment(claimId, body, keyFor(body));
    },
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }); onDone(); },
  });
  const errorOf = useFieldErrorMap(save.error);
  const mayOverride = me.data ? can(me.data, 'override:gating:office') : false;
  const setRequest = (i: number, patch: Partial<TApplicantRequest>) =>
    setDraft({ ...draft, requests: draft.requests.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('scheduling.booking.officer')} required value={draft.officerId} error={errorOf('officerId')}
            data={options.officers.map((o) => ({ value: o.id, label: o.fullName }))}
            onChange={(e) => setDraft({ ...draft, officerId: e.currentTarget.value })} />
          {options.persons.length > 1 && (
            <NativeSelect label={t('scheduling.booking.person')} value={draft.personId ?? ''} error={errorOf('personId')}
              data={options.persons.map((p, i) => ({ value: i === 0 ? '' : p.id, label: p.name }))}
              onChange={(e) => setDraft({ ...draft, personId: e.currentTarget.value || null })} />
          )}
          <NativeSelect label={t('scheduling.booking.language')} required value={draft.language} error={errorOf('language')}
            data={LANGUAGE_CODES_639_3.map((code) => ({ value: code, label: languageName(t, code) }))}
            onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value, interpreterId: null })} />
          <NativeSelect label={t('scheduling.booking.interpreter')} value={draft.interpreterId ?? ''} error={errorOf('interpreterId')}
            description={t('scheduling.booking.interpreterHint')}
            data={[{ value: '', label: t('scheduling.booking.noInterpreter') },
              ...(interpreters.data ?? []).map((i) => ({ value: i.id, label: `${i.fullName} (${t(SEX_LABEL_KEYS[i.sex])})` }))]}
            onChange={(e) => setDraft({ ...draft, interpreterId: e.currentTarget.value || null })} />
          <NativeSelect label={t('scheduling.booking.modality')} value={draft.modality} error={errorOf('modality')}
            data={MODALITIES.map((m) => ({ value: m, label: t(MODALITY_LABEL_KEYS[m]) }))}
            onChange={(e) => setDraft({ ...draft, modality: e.currentTarget.value as Draft['modality'] })} />
          {draft.modality === 'video' ? (
            <TextInput label={t('scheduling.booking.videoLink')} type="url" value={draft.videoLink ?? ''} error={errorOf('videoLink')}
              onChange={(e) => setDraft({ ...draft, videoLink: e.currentTarget.value })} />
          ) : (
            <TextInput label={t('scheduling.booking.room')} value={draft.room ?? ''} error={errorOf('room')}
              onChange={(e) => setDraft({ ...draft, room: e.currentTarget.value })} />
          )}
          <TextInput type="datetime-local" label={t('scheduling.booking.startsAt')} description={t('scheduling.booking.startsAtHint', { zone: options.timeZone })}
            required value={draft.startsAt} error={errorOf('startsAt')} onChange={(e) => setDraft({ ...draft, startsAt: e.currentTarget.value.slice(0, 16) })} />
          <NumberInput label={t('scheduling.booking.duration')} min={15} max={480} step={15} allowDecimal={false} value={draft.durationMinutes}
            error={errorOf('durationMinutes')} onChange={(v) => setDraft({ ...draft, durationMinutes: typeof v === 'number' ? v : 90 })} />
        </SimpleGrid>
        <Stack gap="xs" component="fieldset" style={{ border: 'none', padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm">{t('scheduling.booking.requests')}</Text>
          <Text size="xs" c="dimmed">{t('scheduling.booking.requestsHint')}</Text>
          {draft.requests.map((r, i) => (
            // oxlint-disable-next-line no-array-index-key -- rows are identified by their position only
            <SimpleGrid key={i} cols={{ base: 1, sm: 4 }}>
              <NativeSelect label={t('scheduling.booking.requestKind')} value={r.kind}
                data={REQUEST_KINDS.map((k) => ({ value: k, label: t(REQUEST_LABEL_KEYS[k]) }))}
                onChange={(e) => setRequest(i, { kind: e.currentTarget.value as TApplicantRequest['kind'] })} />
              {r.kind === 'third_party' ? (
                <NativeSelect label={t('scheduling.booking.requestRole')} value={r.role ?? ''} error={errorOf(`requests.${i}.role`)}
                  data={[{ value: '', label: '—' }, ...THIRD_PARTY_ROLES.map((role) => ({ value: role, label: t(THIRD_PARTY_LABEL_KEYS[role]) }))]}
                  onChange={(e) => setRequest(i, { role: (e.currentTarget.value || null) as TApplicantRequest['role'] })} />
              ) : (
                <NativeSelect label={t('scheduling.booking.requestSex')} value={r.sex ?? ''} error={errorOf(`requests.${i}.sex`)}
                  data={(['female', 'male'] as const).map((s) => ({ value: s, label: t(SEX_LABEL_KEYS[s]) }))}
                  onChange={(e) => setRequest(i, { sex: e.currentTarget.value as 'female' | 'male' })} />
              )}
              <Checkbox mt="xl" label={t('scheduling.booking.honoured')} checked={r.honoured} error={errorOf(`requests.${i}.honoured`)}
                onChange={(e) => setRequest(i, { honoured: e.currentTarget.checked })} />
              <TextInput label={r.kind === 'third_party' && r.honoured ? t('scheduling.booking.requestName') : t('scheduling.booking.refusalReason')}
                value={(r.kind === 'third_party' && r.honoured ? r.name : r.reason) ?? ''} error={errorOf(`requests.${i}.reason`)}
                onChange={(e) => setRequest(i, r.kind === 'third_party' && r.honoured ? { name: e.currentTarget.value || null } : { reason: e.currentTarget.value || null })} />
            </SimpleGrid>
          ))}
          <Group><Button variant="light" size="xs" onClick={() => setDraft({ ...draft, requests: [...draft.requests, newRequest()] })}>{t('scheduling.booking.addRequest')}</Button></Group>
        </Stack>
        {from && (
          <Textarea label={t('scheduling.booking.rescheduleReason')} required autosize minRows={2} value={reason} error={errorOf('reason')}
            onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {mayOverride && isApiError(save.error, 'COMPETENCY_REQUIRED') && (
          <Stack gap="xs">
            <Checkbox label={t('scheduling.booking.override')} checked={draft.overrideGating} onChange={(e) => setDraft({ ...draft, overrideGating: e.currentTarget.checked })} />
            {draft.overrideGating && (
              <Textarea label={t('scheduling.booking.overrideReason')} autosize minRows={2} value={draft.overrideReason ?? ''} error={errorOf('reason')}
                onChange={(e) => setDraft({ ...draft, overrideReason: e.currentTarget.value || null })} />
            )}
          </Stack>
        )}
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{from ? t('scheduling.booking.reschedule') : t('scheduling.booking.book')}</Button></Group>
      </Stack>
    </form>
  );
}
