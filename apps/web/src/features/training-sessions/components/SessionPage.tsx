import { useState } from 'react';
import { Anchor, Button, Card, Checkbox, Grid, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TEnrolResult, TTrainingSession } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { enrolStaff, useStaff, useTrainingSession } from '../api/training-sessions.ts';
import { EnrolResultStatus } from './EnrolResultStatus.tsx';
import { ENROLMENT_STATUS_LABEL, SESSION_STATUS_LABEL } from './labels.ts';
import { SessionEditDialog } from './SessionEditDialog.tsx';
import { GuidesCard } from './SessionGuides.tsx';
import { RequestsCard } from './SessionRequests.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The coordinator picks staff (many at once for a videoconference) and enrols them. */
function EnrolCard({ session }: { session: TTrainingSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [typed] = useDebouncedValue(q, 300);
  const staff = useStaff(typed.trim());
  const [chosen, setChosen] = useState<string[]>([]);
  const [override, setOverride] = useState('');
  const [result, setResult] = useState<TEnrolResult | null>(null);
  const already = new Set((session.participants ?? []).filter((p) => p.status === 'enrolled' || p.status === 'waitlisted').map((p) => p.userId));
  const enrol = useMutation({
    mutationFn: () => enrolStaff(session.id, { userIds: chosen, prerequisiteOverrideReason: override.trim() || null }),
    onSuccess: (r) => { setResult(r); setChosen([]); void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); },
  });
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <Card withBorder component="section" aria-labelledby="enrol-title">
      <Title order={2} size="h4" id="enrol-title" mb="sm">{t('trainingSessions.enrol.title')}</Title>
      <Stack gap="xs">
        <TextInput label={t('trainingSessions.enrol.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Stack gap={4} role="group" aria-label={t('trainingSessions.enrol.staff')}>
          {(staff.data ?? []).filter((u) => !already.has(u.id)).map((u) => (
            <Checkbox key={u.id} label={`${u.fullName} (${u.username})`} checked={chosen.includes(u.id)}
              onChange={(e) => toggle(u.id, e.currentTarget.checked)} />
          ))}
        </Stack>
        <Textarea label={t('trainingSessions.enrol.override')} description={t('trainingSessions.enrol.overrideHint')} autosize minRows={1}
          value={override} onChange={(e) => setOverride(e.currentTarget.value)} />
        <ErrorAlert error={enrol.error} />
        <Button disabled={chosen.length === 0} loading={enrol.isPending} onClick={() => enrol.mutate()}>
          {t('trainingSessions.enrol.save', { count: chosen.length })}
        </Button>
        {result && <EnrolResultStatus result={result} />}
      </Stack>
    </Card>
  );
}

/** A session: when and where, who teaches, who takes part (for its coordinator and trainers). */
export function SessionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useTrainingSession(id);
  const [editing, setEditing] = useState(false);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <ErrorAlert error={session.error} />;
  const s = session.data;
  const open = s.status !== 'completed' && s.status !== 'cancelled';
  return (
    <>
      <PageHeader title={`${s.code} · ${s.moduleTitle}`}
        description={[t(FORMAT_LABEL[s.format]), s.venue, s.officeName].filter(Boolean).join(' · ')}
        actions={(
          <Group gap="sm">
            {s.participants && <Anchor component={Link} to={`/training/sessions/${s.id}/records`}>{t('trainingSessions.session.records')}</Anchor>}
            {s.canManage && open && <Button variant="default" onClick={() => setEditing(true)}>{t('trainingSessions.edit.open')}</Button>}
          </Group>
        )} />
      <Group gap="sm" mb="md">
        <StateBadge tone="neutral" look="outline">{t(SESSION_STATUS_LABEL[s.status])}</StateBadge>
        <Text size="sm">{t('trainingSessions.list.placesValue', { enrolled: s.enrolled, capacity: s.capacity, waiting: s.waitlisted })}</Text>
        {s.onlineStartsOn && <Text size="sm">{t('trainingSessions.session.online', { date: formatDate(s.onlineStartsOn, language) })}</Text>}
        {s.videoLink && <Anchor size="sm" href={s.videoLink}>{t('trainingSessions.session.videoLink')}</Anchor>}
        {s.selfEnrolment && <Text size="sm">{t('trainingSessions.session.selfEnrolment')}</Text>}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder component="section" aria-labelledby="days-title">
              <Title order={2} size="h4" id="days-title" mb="sm">{t('trainingSessions.form.days')}</Title>
              {s.days.length === 0 ? <Text size="sm">{t('trainingSessions.session.noDays')}</Text> : (
                <Stack gap={2}>
                  {s.days.map((d) => <Text key={d.id} size="sm">{formatDate(d.day, language)} · {d.startsAt}–{d.endsAt}</Text>)}
                </Stack>
              )}
              <Text size="sm" mt="xs">{t('trainingSessions.session.trainers')}: {s.trainers.map((tr) => tr.fullName).join(', ') || '—'}</Text>
            </Card>
            {s.participants && (
              <Card withBorder component="section" aria-labelledby="participants-title">
                <Title order={2} size="h4" id="participants-title" mb="sm">{t('trainingSessions.session.participants')}</Title>
                {s.participants.length === 0 ? <Text size="sm">{t('trainingSessions.session.noParticipants')}</Text> : (
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('trainingSessions.session.name')}</Table.Th>
                        <Table.Th scope="col">{t('trainingSessions.list.status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {s.participants.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Th scope="row">{p.fullName}</Table.Th>
                          <Table.Td>
                            {t(ENROLMENT_STATUS_LABEL[p.status])}
                            {p.prerequisiteOverrideReason && <Text size="xs" c="dimmed">{t('trainingSessions.session.overridden', { reason: p.prerequisiteOverrideReason })}</Text>}
                            {p.decisionReason && (p.status === 'rejected' || p.status === 'cancelled') && (
                              <Text size="xs">{t('trainingSessions.session.decisionReason', { reason: p.decisionReason })}</Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            )}
            <GuidesCard session={s} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            {s.canManage && open && (s.selfEnrolment || s.participants?.some((p) => p.status === 'requested')) && <RequestsCard session={s} />}
            {s.canManage && open && <EnrolCard session={s} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <SessionEditDialog session={s} onClose={() => setEditing(false)} />}
    </>
  );
}
