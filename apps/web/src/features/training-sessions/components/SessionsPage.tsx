import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Text, TextInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { sessionScheduleIssues, type TTrainingModule, type TTrainingSessionSummary } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { can, useMe } from '../../auth/index.ts';
import { useTrainingModules } from '../../training-curriculum/index.ts';
import { createTrainingSession, useTrainingSessions } from '../api/training-sessions.ts';
import { SESSION_STATUS_LABEL } from './labels.ts';
import { DaysEditor, TrainerChecklist, type DayDraft } from './SessionFields.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';


/** Coordinator's form: module, format, where, when, capacity. The server checks what the format needs. */
function NewSessionForm({ modules, onDone }: { modules: TTrainingModule[]; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [moduleId, setModuleId] = useState(modules[0]?.id ?? '');
  const module = modules.find((m) => m.id === moduleId);
  const [format, setFormat] = useState(module?.formats[0] ?? 'in_person');
  const [venue, setVenue] = useState('');
  const [videoLink, setVideoLink] = useState('');
  const [onlineStartsOn, setOnlineStartsOn] = useState('');
  const [capacity, setCapacity] = useState<number | string>(25);
  const [days, setDays] = useState<DayDraft[]>([{ day: '', startsAt: '09:00', endsAt: '17:00' }]);
  const [trainerIds, setTrainerIds] = useState<string[]>([]);
  const [selfEnrolment, setSelfEnrolment] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const input = {
        moduleId, format, venue: venue.trim() || null, videoLink: videoLink.trim() || null, onlineStartsOn: onlineStartsOn || null,
        capacity: Number(capacity), selfEnrolment, days: days.filter((d) => d.day), trainerIds,
      } as const;
      return createTrainingSession(input, keyFor(input));
    },
    onSuccess: (session) => { void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); onDone(session.id); },
  });
  const errorOf = useFieldErrorMap(save.error);
  // The shared rule the API applies (ADR 052), said as the dates are typed.
  const schedule = sessionScheduleIssues({ onlineStartsOn: onlineStartsOn || null, days: days.filter((d) => d.day) });
  const scheduleError = (path: string) => {
    const issue = schedule.find((i) => i.path === path);
    return issue ? t(issue.code) : undefined;
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <NativeSelect label={t('trainingSessions.form.module')} value={moduleId} error={errorOf('moduleId')}
          data={modules.map((m) => ({ value: m.id, label: `${m.code} · ${m.title}` }))}
          onChange={(e) => { setModuleId(e.currentTarget.value); setFormat(modules.find((m) => m.id === e.currentTarget.value)?.formats[0] ?? 'in_person'); }} />
        <NativeSelect label={t('trainingSessions.form.format')} value={format} error={errorOf('format')}
          data={(module?.formats ?? []).map((f) => ({ value: f, label: t(FORMAT_LABEL[f]) }))}
          onChange={(e) => setFormat(e.currentTarget.value as typeof format)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('trainingSessions.form.venue')} value={venue} error={errorOf('venue')} onChange={(e) => setVenue(e.currentTarget.value)} />
          <TextInput label={t('trainingSessions.form.videoLink')} type="url" value={videoLink} error={errorOf('videoLink')}
            onChange={(e) => setVideoLink(e.currentTarget.value)} />
          <TextInput type="date" label={t('trainingSessions.form.onlineStartsOn')} value={onlineStartsOn}
            error={errorOf('onlineStartsOn') ?? scheduleError('onlineStartsOn')}
            onChange={(e) => setOnlineStartsOn(e.currentTarget.value)} />
          <NumberInput label={t('trainingSessions.form.capacity')} min={1} max={1000} value={capacity} error={errorOf('capacity')} onChange={setCapacity} />
        </SimpleGrid>
        <Checkbox label={t('trainingSessions.form.selfEnrolment')} description={t('trainingSessions.form.selfEnrolmentHint')} checked={selfEnrolment}
          onChange={(e) => setSelfEnrolment(e.currentTarget.checked)} />
        <DaysEditor days={days} onChange={setDays} errorOf={errorOf} />
        <TrainerChecklist moduleId={moduleId} value={trainerIds} onChange={setTrainerIds} />
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('trainingSessions.form.save')}</Button></Group>
      </Stack>
    </form>
  );
}

/** Sessions offered, newest first; the coordinator creates them here. */
export function SessionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const sessions = useTrainingSessions();
  const modules = useTrainingModules();
  const [creating, setCreating] = useState(false);
  const mayManage = me.data ? can(me.data, 'manage:training:institution') : false;
  const when = (s: TTrainingSessionSummary) => {
    const first = s.onlineStartsOn ?? s.firstDay;
    return first ? formatDate(first, language) : '—';
  };
  const columns: Column<TTrainingSessionSummary>[] = [
    { key: 'code', header: t('trainingSessions.list.code'), render: (s) => <Anchor component={Link} to={`/training/sessions/${s.id}`} ff="monospace">{s.code}</Anchor> },
    { key: 'module', header: t('trainingSessions.list.module'), render: (s) => s.moduleTitle },
    { key: 'format', header: t('trainingSessions.form.format'), render: (s) => t(FORMAT_LABEL[s.format]) },
    { key: 'when', header: t('trainingSessions.list.when'), render: when },
    { key: 'places', header: t('trainingSessions.list.places'), render: (s) => t('trainingSessions.list.placesValue', { enrolled: s.enrolled, capacity: s.capacity, waiting: s.waitlisted }) },
    { key: 'status', header: t('trainingSessions.list.status'), render: (s) => <StateBadge tone="neutral" look="outline">{t(SESSION_STATUS_LABEL[s.status])}</StateBadge> },
  ];
  return (
    <>
      <PageHeader title={t('trainingSessions.list.title')} description={t('trainingSessions.list.description')}
        actions={mayManage && <Button onClick={() => setCreating(true)}>{t('trainingSessions.list.new')}</Button>} />
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? <LoadingState /> : (
        (sessions.data ?? []).length === 0 ? <Text>{t('trainingSessions.list.empty')}</Text>
          : <DataTable caption={t('trainingSessions.list.title')} columns={columns} rows={sessions.data ?? []} rowKey={(s) => s.id} />
      )}
      {creating && modules.data && (
        <FormModal opened title={t('trainingSessions.list.new')} onClose={() => setCreating(false)} size="xl">
          <NewSessionForm modules={modules.data} onDone={(id) => void navigate(`/training/sessions/${id}`)} />
        </FormModal>
      )}
    </>
  );
}
