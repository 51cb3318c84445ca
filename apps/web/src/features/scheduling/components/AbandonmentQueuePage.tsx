import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAbandonmentQueue } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { decideAbandonment, SCHEDULING_KEY, useAbandonmentQueue } from '../api/scheduling.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

type Item = TAbandonmentQueue['items'][number];

/** Claims whose missed weekly signatures propose abandonment: the supervisor confirms or dismisses each, with a reason. */
export function AbandonmentQueuePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queue = useAbandonmentQueue();
  const [deciding, setDeciding] = useState<{ item: Item; decision: 'confirm' | 'dismiss' } | null>(null);
  if (queue.isPending) return <LoadingState />;
  if (!queue.data) return <ErrorAlert error={queue.error} />;
  const q = queue.data;
  return (
    <Stack>
      <PageHeader title={t('scheduling.abandonment.title')} description={t('scheduling.abandonment.description')} />
      <Group gap="sm">
        <Text>{t('scheduling.abandonment.threshold', { threshold: q.threshold })}</Text>
        {!q.thresholdVerified && <StateBadge tone="neutral" look="outline">{t('scheduling.signatures.unverified')}</StateBadge>}
      </Group>
      {!q.thresholdVerified && <Text size="xs" c="dimmed">{t('scheduling.signatures.unverifiedHint')}</Text>}
      {q.items.length === 0 ? <Card withBorder><Text c="dimmed">{t('scheduling.abandonment.empty')}</Text></Card> : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('scheduling.abandonment.claim')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.abandonment.missed')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.abandonment.lastSigned')}</Table.Th>
                <Table.Th scope="col">{t('scheduling.abandonment.decide')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.items.map((i) => (
                <Table.Tr key={i.claimId}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/claims/${i.claimId}`}>{i.claimNumber}</Anchor>
                    <Text size="xs">{i.principalName} · {i.officeName}</Text>
                    {i.previousDismissal && <Text size="xs" c="dimmed">{t('scheduling.abandonment.previous', { reason: i.previousDismissal.reason })}</Text>}
                  </Table.Th>
                  <Table.Td>{i.missedWeeks}</Table.Td>
                  <Table.Td>{i.lastSignedOn ? formatDate(i.lastSignedOn, language) : t('scheduling.abandonment.never')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="xs" color="red" onClick={() => setDeciding({ item: i, decision: 'confirm' })}>{t('scheduling.abandonment.confirm')}</Button>
                      <Button size="xs" variant="light" onClick={() => setDeciding({ item: i, decision: 'dismiss' })}>{t('scheduling.abandonment.dismiss')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal opened={deciding !== null} onClose={() => setDeciding(null)}
        title={deciding?.decision === 'confirm' ? t('scheduling.abandonment.confirm') : t('scheduling.abandonment.dismiss')}>
        {deciding && <DecisionForm item={deciding.item} decision={deciding.decision} onDone={() => setDeciding(null)} />}
      </FormModal>
    </Stack>
  );
}

function DecisionForm({ item, decision, onDone }: { item: Item; decision: 'confirm' | 'dismiss'; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => decideAbandonment(item.claimId, decision, { reason, version: item.claimVersion }),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }); onDone(); },
  });
  const errorOf = useFieldErrorMap(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <Text size="sm">{decision === 'confirm' ? t('scheduling.abandonment.confirmHint', { claim: item.claimNumber }) : t('scheduling.abandonment.dismissHint')}</Text>
        <Textarea label={t('scheduling.abandonment.reason')} required autosize minRows={2} value={reason} error={errorOf('reason')}
          onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{decision === 'confirm' ? t('scheduling.abandonment.confirm') : t('scheduling.abandonment.dismiss')}</Button></Group>
      </Stack>
    </form>
  );
}
