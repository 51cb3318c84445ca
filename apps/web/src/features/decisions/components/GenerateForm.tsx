import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SUBSTANTIVE_OUTCOMES, type SubstantiveOutcome, type TDecisionPage } from '@refugio/domain';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { generateDecision } from '../api/decisions.ts';
import { OUTCOME_LABEL } from './labels.ts';
import { StepError } from './UnmetSafeguards.tsx';

/**
 * Generates the draft from the assessment (the draft_decision step): the outcome, and for each
 * family member their own outcome or the principal's as a dependant (derivative status).
 */
export function GenerateForm({ page }: { page: TDecisionPage }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [outcome, setOutcome] = useState<SubstantiveOutcome | ''>('');
  const members = page.persons.filter((p) => p.relation !== 'principal');
  const [own, setOwn] = useState<Record<string, { outcome: SubstantiveOutcome | ''; derivative: boolean }>>({});
  const generate = useMutation({
    mutationFn: () => {
      const body = {
        version: page.claimVersion, outcome: outcome as SubstantiveOutcome,
        personOutcomes: members.map((m) => {
          const entry = own[m.personId] ?? { outcome: '', derivative: true };
          return { personId: m.personId, outcome: (entry.derivative || !entry.outcome ? outcome : entry.outcome) as SubstantiveOutcome, derivative: entry.derivative };
        }),
      };
      return generateDecision(page.claimId, body, keyFor(body));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['claims', page.claimId] }),
  });
  const options = [{ value: '', label: t('common.choose') }, ...SUBSTANTIVE_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_LABEL[o]) }))];
  return (
    <Card withBorder component="section" aria-labelledby="generate-title">
      <Title order={2} size="h4" id="generate-title" mb={4}>{t('decisions.generate.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('decisions.generate.intro')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); generate.mutate(); }}>
        <Stack>
          <StepError error={generate.error} fields={['outcome', 'personOutcomes']} />
          <NativeSelect label={t('decisions.generate.outcome')} required value={outcome} data={options}
            onChange={(e) => setOutcome(e.currentTarget.value as SubstantiveOutcome | '')} />
          {members.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('decisions.generate.person')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.generate.derivative')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.generate.ownOutcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map((m) => {
                  const entry = own[m.personId] ?? { outcome: '', derivative: true };
                  const set = (next: Partial<typeof entry>) => setOwn({ ...own, [m.personId]: { ...entry, ...next } });
                  return (
                    <Table.Tr key={m.personId}>
                      <Table.Td>{m.fullName}</Table.Td>
                      <Table.Td>
                        <Checkbox checked={entry.derivative} label={t('decisions.generate.derivativeOf', { name: m.fullName })}
                          onChange={(e) => set({ derivative: e.currentTarget.checked })} />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect aria-label={t('decisions.generate.ownOutcomeOf', { name: m.fullName })} disabled={entry.derivative} value={entry.outcome}
                          data={options} onChange={(e) => set({ outcome: e.currentTarget.value as SubstantiveOutcome | '' })} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <Group><Button type="submit" loading={generate.isPending} disabled={!outcome}>{t('decisions.generate.submit')}</Button></Group>
        </Stack>
      </form>
    </Card>
  );
}
