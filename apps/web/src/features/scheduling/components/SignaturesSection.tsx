import { useState } from 'react';
import { Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { useMe } from '../../auth/index.ts';
import { recordSignature, SCHEDULING_KEY, useSignatures } from '../api/scheduling.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The weekly signature (Reglamento art. 24): weeks missed in a row against the authority's threshold, and recording today's. */
export function SignaturesSection({ claimId, mayUpdate }: { claimId: string; mayUpdate: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const language = currentLanguage();
  const status = useSignatures(claimId);
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const offices = me.data?.offices ?? [];
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? '');
  const [signedOn, setSignedOn] = useState('');
  const save = useMutation({
    mutationFn: () => {
      const body = { officeId: officeId || offices[0]?.id || '', signedOn: signedOn || null, notes: null };
      return recordSignature(claimId, body, keyFor(body));
    },
    onSuccess: () => { setSignedOn(''); void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }); },
  });
  const errorOf = useFieldErrorMap(save.error);
  if (status.isPending) return <LoadingState />;
  if (!status.data) return <ErrorAlert error={status.error} />;
  const s = status.data;
  return (
    <Card withBorder component="section" aria-labelledby="signatures-heading">
      <Title order={2} size="h4" id="signatures-heading" mb="sm">{t('scheduling.signatures.title')}</Title>
      {!s.owes ? <Text c="dimmed">{t('scheduling.signatures.notOwed')}</Text> : (
        <Stack>
          <Group gap="sm">
            <Text>{t('scheduling.signatures.missed', { count: s.missedWeeks, threshold: s.threshold })}</Text>
            {!s.thresholdVerified && <StateBadge tone="neutral" look="outline">{t('scheduling.signatures.unverified')}</StateBadge>}
          </Group>
          {!s.thresholdVerified && <Text size="xs" c="dimmed">{t('scheduling.signatures.unverifiedHint')}</Text>}
          {mayUpdate && (
            <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
              <ErrorAlert error={save.error} />
              <Group align="flex-end">
                <NativeSelect label={t('scheduling.signatures.office')} value={officeId} error={errorOf('officeId')}
                  data={offices.map((o) => ({ value: o.id, label: o.name }))} onChange={(e) => setOfficeId(e.currentTarget.value)} />
                <TextInput type="date" label={t('scheduling.signatures.signedOn')} description={t('scheduling.signatures.signedOnHint')} value={signedOn}
                  error={errorOf('signedOn')} onChange={(e) => setSignedOn(e.currentTarget.value)} />
                <Button type="submit" loading={save.isPending}>{t('scheduling.signatures.record')}</Button>
              </Group>
            </form>
          )}
        </Stack>
      )}
      {s.records.length > 0 && (
        <Table mt="md" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('scheduling.signatures.signedOn')}</Table.Th>
              <Table.Th scope="col">{t('scheduling.signatures.office')}</Table.Th>
              <Table.Th scope="col">{t('scheduling.signatures.recordedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDate(r.signedOn, language)}</Table.Td>
                <Table.Td>{r.officeName}</Table.Td>
                <Table.Td>{r.recordedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
