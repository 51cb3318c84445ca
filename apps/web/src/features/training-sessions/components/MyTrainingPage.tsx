import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language, TMyEnrolment, TMyGuide, TTrainingSessionSummary } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { acknowledgeGuide, requestPlace, useMyEnrolments, useRequestableSessions, withdrawRequest } from '../api/training-sessions.ts';
import { ENROLMENT_STATUS_LABEL } from './labels.ts';
import { SessionGuideLink } from './SessionGuides.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

const startOf = (s: TTrainingSessionSummary, language: Language) => {
  const first = s.onlineStartsOn ?? s.firstDay;
  return first ? formatDate(first, language) : '—';
};

/** The participant's pre-reading for one session: open or download each guide, then say it was read. */
function PreReading({ enrolment }: { enrolment: TMyEnrolment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const ack = useMutation({
    mutationFn: (guide: TMyGuide) => acknowledgeGuide(enrolment.session.id, guide.code, guide.guideId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }),
  });
  const s = enrolment.session;
  return (
    <Card withBorder component="section" aria-labelledby={`reading-${enrolment.enrolmentId}`}>
      <Title order={3} size="h5" id={`reading-${enrolment.enrolmentId}`} mb="xs">
        {t('trainingSessions.mine.readingFor', { module: s.moduleTitle, code: s.code })}
      </Title>
      <ErrorAlert error={ack.error} />
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {enrolment.guides.map((g) => (
          <li key={g.code}>
            <Group justify="space-between" wrap="nowrap" align="center">
              <SessionGuideLink guide={g} />
              {g.acknowledgedAt
                ? <Text size="sm" fw={500}>{t('trainingSessions.mine.readOn', { date: formatDate(g.acknowledgedAt.slice(0, 10), language) })}</Text>
                : (
                  <Button size="compact-sm" variant="default" loading={ack.isPending && ack.variables?.code === g.code}
                    aria-label={t('trainingSessions.mine.acknowledgeNamed', { title: g.title })} onClick={() => ack.mutate(g)}>
                    {t('trainingSessions.mine.acknowledge')}
                  </Button>
                )}
            </Group>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** Sessions open to requests: the staff member asks for a place, which the coordinator approves. */
function Requestable() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const sessions = useRequestableSessions();
  const request = useMutation({
    mutationFn: (s: TTrainingSessionSummary) => requestPlace(s.id, keyFor({ session: s.id })),
    onSuccess: async () => {
      notifySuccess(t('trainingSessions.mine.requested'));
      await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="requestable-title">
      <Title order={2} size="h4" id="requestable-title" mb="xs">{t('trainingSessions.mine.requestable')}</Title>
      <Text size="sm" mb="sm">{t('trainingSessions.mine.requestableHint')}</Text>
      <ErrorAlert error={request.error ?? sessions.error} />
      {sessions.isPending ? <LoadingState /> : (sessions.data ?? []).length === 0 ? <Text size="sm">{t('trainingSessions.mine.requestableEmpty')}</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainingSessions.list.module')}</Table.Th>
                <Table.Th scope="col">{t('trainingSessions.form.format')}</Table.Th>
                <Table.Th scope="col">{t('trainingSessions.list.when')}</Table.Th>
                <Table.Th scope="col">{t('trainingSessions.list.places')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(sessions.data ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/training/sessions/${s.id}`}>{s.moduleTitle}</Anchor>
                    <Text size="xs" ff="monospace">{s.code}</Text>
                  </Table.Th>
                  <Table.Td>{t(FORMAT_LABEL[s.format])}</Table.Td>
                  <Table.Td>{startOf(s, language)}</Table.Td>
                  <Table.Td>{t('trainingSessions.list.placesValue', { enrolled: s.enrolled, capacity: s.capacity, waiting: s.waitlisted })}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" loading={request.isPending && request.variables?.id === s.id}
                      aria-label={t('trainingSessions.mine.requestNamed', { code: s.code })} onClick={() => request.mutate(s)}>
                      {t('trainingSessions.mine.request')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** A staff member's training: the sessions they take part in or asked for, their pre-reading, and sessions to ask a place in. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const mine = useMyEnrolments();
  const withdraw = useMutation({
    mutationFn: (e: TMyEnrolment) => withdrawRequest(e.session.id, e.enrolmentId, e.version),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }),
  });
  if (mine.isPending) return <LoadingState />;
  const enrolments = mine.data ?? [];
  const reading = enrolments.filter((e) => e.status === 'enrolled' && e.guides.length > 0);
  return (
    <Stack>
      <PageHeader title={t('trainingSessions.mine.title')} description={t('trainingSessions.mine.description')} />
      <ErrorAlert error={mine.error ?? withdraw.error} />
      {enrolments.length === 0 ? <Text>{t('trainingSessions.mine.empty')}</Text> : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingSessions.list.module')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.list.when')}</Table.Th>
              <Table.Th scope="col">{t('trainingSessions.list.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {enrolments.map((e) => (
              <Table.Tr key={e.enrolmentId}>
                <Table.Th scope="row"><Anchor component={Link} to={`/training/sessions/${e.session.id}`}>{e.session.moduleTitle}</Anchor></Table.Th>
                <Table.Td>{startOf(e.session, language)}</Table.Td>
                <Table.Td>
                  <StateBadge tone="neutral" look="outline">{t(ENROLMENT_STATUS_LABEL[e.status])}</StateBadge>
                  {e.status === 'rejected' && e.decisionReason && <Text size="xs">{t('trainingSessions.session.decisionReason', { reason: e.decisionReason })}</Text>}
                </Table.Td>
                <Table.Td>
                  {e.status === 'requested' && (
                    <Button size="compact-sm" variant="default" loading={withdraw.isPending && withdraw.variables?.enrolmentId === e.enrolmentId}
                      aria-label={t('trainingSessions.mine.withdrawNamed', { code: e.session.code })} onClick={() => withdraw.mutate(e)}>
                      {t('trainingSessions.mine.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {reading.length > 0 && (
        <Stack component="section" aria-labelledby="reading-title" gap="sm">
          <Title order={2} size="h4" id="reading-title">{t('trainingSessions.mine.reading')}</Title>
          <Text size="sm">{t('trainingSessions.mine.readingHint')}</Text>
          {reading.map((e) => <PreReading key={e.enrolmentId} enrolment={e} />)}
        </Stack>
      )}
      <Requestable />
    </Stack>
  );
}
