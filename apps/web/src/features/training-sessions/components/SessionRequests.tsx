import { useState } from 'react';
import { Button, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TTrainingEnrolment, TTrainingSession } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { approveRequest, rejectRequest } from '../api/training-sessions.ts';

/** The coordinator rejects one request, saying why (the requester reads it). */
function RejectDialog({ session, request, onClose }: { session: TTrainingSession; request: TTrainingEnrolment; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const reject = useMutation({
    mutationFn: () => rejectRequest(session.id, request.id, { version: request.version, reason }),
    onSuccess: async () => {
      notifySuccess(t('trainingSessions.requests.rejected', { name: request.fullName }));
      await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
      onClose();
    },
  });
  const errorOf = useFieldErrorMap(reject.error);
  return (
    <FormModal opened onClose={onClose} title={t('trainingSessions.requests.rejectNamed', { name: request.fullName })}>
      <form onSubmit={(e) => { e.preventDefault(); reject.mutate(); }} noValidate>
        <Stack>
          <ErrorAlert error={reject.error} fields={['reason']} />
          <Textarea label={t('trainingSessions.requests.reason')} description={t('trainingSessions.requests.reasonHint')} required autosize minRows={2}
            value={reason} error={errorOf('reason')} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={reject.isPending}>{t('trainingSessions.requests.confirmReject')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

/** Pending requests for a place: the coordinator approves (a place if free, else the waiting list) or rejects. */
export function RequestsCard({ session }: { session: TTrainingSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<TTrainingEnrolment | null>(null);
  const requests = (session.participants ?? []).filter((p) => p.status === 'requested');
  const approve = useMutation({
    mutationFn: (request: TTrainingEnrolment) => approveRequest(session.id, request.id, request.version),
    onSuccess: async (saved, request) => {
      const status = saved.participants?.find((p) => p.id === request.id)?.status;
      notifySuccess(t(status === 'waitlisted' ? 'trainingSessions.requests.approvedWaiting' : 'trainingSessions.requests.approved', { name: request.fullName }));
      await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="requests-title">
      <Title order={2} size="h4" id="requests-title" mb="sm">{t('trainingSessions.requests.title')}</Title>
      <ErrorAlert error={approve.error} />
      {requests.length === 0 ? <Text size="sm">{t('trainingSessions.requests.empty')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingSessions.session.name')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">{r.fullName}</Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="compact-sm" loading={approve.isPending && approve.variables?.id === r.id}
                      aria-label={t('trainingSessions.requests.approveNamed', { name: r.fullName })} onClick={() => approve.mutate(r)}>
                      {t('trainingSessions.requests.approve')}
                    </Button>
                    <Button size="compact-sm" variant="default" aria-label={t('trainingSessions.requests.rejectNamed', { name: r.fullName })}
                      onClick={() => setRejecting(r)}>
                      {t('trainingSessions.requests.reject')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rejecting && <RejectDialog key={rejecting.id} session={session} request={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}
