import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TImportResult, TParticipantRecords, TUnmatchedRow, UnmatchedReason } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { resolveImport } from '../api/training-records.ts';

const IGNORE = 'ignore';
const REASON_KEYS: Record<UnmatchedReason, string> = {
  unknown: 'trainingRecords.import.review.reasons.unknown',
  not_enrolled: 'trainingRecords.import.review.reasons.not_enrolled',
  ambiguous: 'trainingRecords.import.review.reasons.ambiguous',
};

interface ImportReviewProps {
  sessionId: string;
  verdict: TImportResult;
  participants: readonly TParticipantRecords[];
  onSettled: (result: TImportResult) => void;
}

/**
 * The rows of a held file that matched nobody enrolled (ADR 023): the coordinator says whom each
 * one is, or ignores it, then confirms; the file is applied only then. A proposed match is
 * pre-selected, never applied without the confirmation.
 */
export function ImportReview({ sessionId, verdict, participants, onSettled }: ImportReviewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const keyFor = useIdempotencyKey();
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(verdict.unmatched.map((u) => [u.key, u.suggestion ?? ''])));
  const open = verdict.unmatched.filter((u) => !choices[u.key]).length;
  const confirm = useMutation({
    mutationFn: () => {
      const resolutions = verdict.unmatched.map((u) => ({ key: u.key, enrolmentId: choices[u.key] === IGNORE ? null : choices[u.key]! }));
      return resolveImport(sessionId, verdict.id, resolutions, keyFor(resolutions));
    },
    onSuccess: onSettled,
  });
  const detail = (u: TUnmatchedRow) => {
    if (u.minutes !== null) return t('trainingRecords.import.review.minutes', { minutes: u.minutes });
    if (u.completedOn) return t('trainingRecords.import.review.completed', { date: formatDate(u.completedOn, language) });
    return '—';
  };
  return (
    <Stack>
      <Alert color="yellow" title={t('trainingRecords.import.review.title')}>
        {t('trainingRecords.import.review.intro', { n: verdict.unmatched.length })}
      </Alert>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder>
          <Table.Caption>{t('trainingRecords.import.review.caption', { file: verdict.fileName })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingRecords.import.review.inFile')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.import.review.lines')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.import.review.detail')}</Table.Th>
              <Table.Th scope="col">{t('trainingRecords.import.review.person')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {verdict.unmatched.map((u) => (
              <Table.Tr key={u.key}>
                <Table.Th scope="row">
                  <Text size="sm" fw={600}>{u.name}</Text>
                  {u.email && <Text size="xs">{u.email}</Text>}
                  <Text size="xs" c="dimmed">{t(REASON_KEYS[u.reason])}</Text>
                </Table.Th>
                <Table.Td><Text size="sm">{u.lines.join(', ')}</Text></Table.Td>
                <Table.Td><Text size="sm">{detail(u)}</Text></Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('trainingRecords.import.review.select', { name: u.name })}
                    value={choices[u.key] ?? ''}
                    onChange={(e) => { const value = e.currentTarget.value; setChoices((c) => ({ ...c, [u.key]: value })); }}
                    data={[
                      { value: '', label: t('trainingRecords.import.review.choose') },
                      ...participants.map((p) => ({ value: p.enrolmentId, label: p.fullName })),
                      { value: IGNORE, label: t('trainingRecords.import.review.ignore') },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={confirm.error} />
      <Group justify="flex-end">
        {open > 0 && <Text size="sm" role="status">{t('trainingRecords.import.review.open', { n: open })}</Text>}
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending} disabled={open > 0}>{t('trainingRecords.import.review.confirm')}</Button>
      </Group>
    </Stack>
  );
}
