import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CompletionPart, ImportKind, TImportResult, TParticipantRecords, TSessionRecords } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import {
  certificatePdfUrl, putAssessment, putAttendance, putOnlineCompletion, TRAINING_RECORDS_KEY, useSessionRecords,
} from '../api/training-records.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { IssueCertificates } from './IssueCertificates.tsx';
import { RevokeCertificate } from './RevokeCertificate.tsx';
import { DateCell, NumberCell } from './RecordInputs.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

const MISSING_LABEL: Record<CompletionPart, string> = {
  online: 'trainingRecords.status.missingOnline',
  attendance: 'trainingRecords.status.missingAttendance',
  assessment: 'trainingRecords.status.missingAssessment',
};

function StatusCell({ p }: { p: TParticipantRecords }) {
  const { t } = useTranslation();
  if (p.status.complete) {
    return <StateBadge tone="positive">{t('trainingRecords.status.complete', { date: formatDate(p.status.completedOn!, currentLanguage()) })}</StateBadge>;
  }
  return <Text size="sm">{t('trainingRecords.status.missing', { parts: p.status.missing.map((m) => t(MISSING_LABEL[m])).join(', ') })}</Text>;
}

function ParticipantRow({ data, p, onSaved, onError }: {
  data: TSessionRecords; p: TParticipantRecords; onSaved: () => void; onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const sessionId = data.session.id;
  const save = useMutation({ mutationFn: (write: () => Promise<unknown>) => write(), onSuccess: onSaved, onError });
  const rule = data.session.completionRule;
  return (
    <Table.Tr>
      <Table.Th scope="row">{p.fullName}<Text size="xs" c="dimmed">{p.email ?? p.username}</Text></Table.Th>
      {rule.online && (
        <Table.Td>
          {data.canManage
            ? <DateCell key={p.online?.completedOn ?? ''} label={t('trainingRecords.table.onlineFor', { name: p.fullName })} value={p.online?.completedOn ?? null}
                onSave={(v) => save.mutate(() => putOnlineCompletion(sessionId, p.enrolmentId, v, p.online?.completedOn ?? null))} />
            : p.online ? formatDate(p.online.completedOn, currentLanguage()) : '—'}
        </Table.Td>
      )}
      {data.days.map((d) => {
        const minutes = p.attendance.find((a) => a.sessionDayId === d.id)?.minutes ?? null;
        return (
        <Table.Td key={d.id}>
          <Group gap={4} wrap="nowrap">
            <NumberCell key={String(minutes ?? '')}
              label={t('trainingRecords.table.minutesFor', { name: p.fullName, day: formatDate(d.day, currentLanguage()) })}
              value={minutes} max={d.minutes}
              onSave={(v) => save.mutate(() => putAttendance(sessionId, p.enrolmentId, d.id, v, minutes))} />
            <Button size="compact-xs" variant="subtle" onClick={() => save.mutate(() => putAttendance(sessionId, p.enrolmentId, d.id, d.minutes, minutes))}
              aria-label={t('trainingRecords.table.presentFor', { name: p.fullName, day: formatDate(d.day, currentLanguage()) })}>
              {t('trainingRecords.table.present')}
            </Button>
          </Group>
        </Table.Td>
        );
      })}
      {rule.passMark !== null && (
        <Table.Td>
          <NumberCell key={String(p.assessment?.score ?? '')} label={t('trainingRecords.table.scoreFor', { name: p.fullName })} value={p.assessment?.score ?? null} max={100}
            onSave={(v) => save.mutate(() => putAssessment(sessionId, p.enrolmentId, v, p.assessment?.score ?? null))} />
        </Table.Td>
      )}
      <Table.Td><StatusCell p={p} /></Table.Td>
      <Table.Td>
        {p.certificate && (p.certificate.revoked
          ? <StateBadge tone="negative">{t('trainingRecords.certificates.revoked')}</StateBadge>
          : (
            <Group gap={4} wrap="nowrap">
              <Anchor href={certificatePdfUrl(p.certificate.id)} size="sm">{p.certificate.verificationCode}</Anchor>
              {data.canManage && <RevokeCertificate certificateId={p.certificate.id} code={p.certificate.verificationCode} onRevoked={onSaved} />}
            </Group>
          ))}
      </Table.Td>
    </Table.Tr>
  );
}

/** How each kind of verdict shows in the import history. */
const IMPORT_BADGE: Record<TImportResult['status'], { tone: BadgeTone; label: string }> = {
  accepted: { tone: 'positive', label: 'trainingRecords.import.acceptedBadge' },
  rejected: { tone: 'negative', label: 'trainingRecords.import.rejectedBadge' },
  needs_review: { tone: 'warning', label: 'trainingRecords.import.pendingBadge' },
};

/** A session's records: attendance grid, online completions, results, status, imports and certificates. */
export function SessionRecordsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const records = useSessionRecords(id);
  const [importing, setImporting] = useState<ImportKind | null>(null);
  const [reviewing, setReviewing] = useState<TImportResult | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const refresh = () => { setSaveError(null); return queryClient.invalidateQueries({ queryKey: TRAINING_RECORDS_KEY }); };
  if (records.isPending) return <LoadingState />;
  if (!records.data) return <ErrorAlert error={records.error} />;
  const data = records.data;
  const rule = data.session.completionRule;
  const completed = data.participants.filter((p) => p.status.complete).length;
  return (
    <Stack>
      <PageHeader title={t('trainingRecords.page.title', { code: data.session.code })} description={data.session.moduleTitle}
        actions={(
          <>
            {data.canManage && rule.online && <Button variant="light" onClick={() => setImporting('lms_completion')}>{t('trainingRecords.import.lmsButton')}</Button>}
            {rule.attendance && <Button variant="light" onClick={() => setImporting('videoconference_attendance')}>{t('trainingRecords.import.videoButton')}</Button>}
          </>
        )} />
      <Text size="sm">
        {t('trainingRecords.page.rule', { pct: rule.attendancePct })}
        {rule.passMark !== null && ` ${t('trainingRecords.page.passMark', { mark: rule.passMark })}`}
        {' '}{t('trainingRecords.page.summary', { completed, total: data.participants.length })}
      </Text>
      <ErrorAlert error={saveError} />
      <Table.ScrollContainer minWidth={700}>
        <Table striped withTableBorder>
          <Table.Caption>{t('trainingRecords.table.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingRecords.table.participant')}</Table.Th>
              {rule.online && <Table.Th scope="col">{t('trainingRecords.table.online')}</Table.Th>}
              {data.days.map((d) => (
                <Table.Th scope="col" key={d.id}>{t('trainingRecords.table.day', { date: formatDate(d.day, language), start: d.startsAt, end: d.endsAt })}</Table.Th>
              ))}
              {rule.passMark !== null && <Table.Th scope="col">{t('trainingRecords.table.score')}</Table.Th>}
              <Table.Th scope="col">{t('trainingRecords.table.status')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.table.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.participants.map((p) => <ParticipantRow key={p.enrolmentId} data={data} p={p} onSaved={() => void refresh()} onError={(e) => { setSaveError(e); void refresh(); }} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.canManage && (
        <Stack gap="xs">
          <Title order={2} size="h4">{t('trainingRecords.certificates.title')}</Title>
          <IssueCertificates sessionId={data.session.id} onProgress={() => void refresh()} />
        </Stack>
      )}
      {data.imports.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h4">{t('trainingRecords.import.history')}</Title>
          {data.imports.map((i) => (
            <Group key={i.id} gap="xs">
              <StateBadge tone={IMPORT_BADGE[i.status].tone}>{t(IMPORT_BADGE[i.status].label)}</StateBadge>
              <Text size="sm">{i.fileName} · {formatDateTime(i.importedAt, language)} · {i.importedBy}</Text>
              {i.status === 'needs_review' && (
                <Button size="compact-sm" variant="light" onClick={() => setReviewing(i)}
                  aria-label={t('trainingRecords.import.reviewFile', { file: i.fileName })}>{t('trainingRecords.import.reviewButton')}</Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {importing && (
        <ImportDialog sessionId={data.session.id} kind={importing} participants={data.participants} opened
          onClose={() => { setImporting(null); void refresh(); }} onImported={() => void refresh()} />
      )}
      {reviewing && (
        <ImportDialog sessionId={data.session.id} kind={reviewing.kind} participants={data.participants} held={reviewing} opened
          onClose={() => { setReviewing(null); void refresh(); }} onImported={() => void refresh()} />
      )}
    </Stack>
  );
}
