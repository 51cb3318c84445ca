import { useState } from 'react';
import { Button, Card, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADDABLE_ROLES, ROLE_LABEL, type TInterview, type TParticipantInput } from '@refugio/domain';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { addParticipant, removeParticipant } from '../api/interviews.ts';
import { InterviewErrorAlert } from './InterviewErrorAlert.tsx';

const EMPTY: TParticipantInput = { role: 'representative', fullName: '', organisation: null };

/** Who is present and in what role; the officer adds a representative, a lawyer, a trusted person, an interpreter. */
export function ParticipantsCard({ record, editable, onChanged }: { record: TInterview; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const [draft, setDraft] = useState(EMPTY);
  const add = useMutation({
    mutationFn: () => {
      const body = { ...draft, organisation: draft.organisation?.trim() || null };
      return addParticipant(record.id, body, keyFor(body));
    },
    onSuccess: () => { setDraft(EMPTY); onChanged(); },
  });
  const remove = useMutation({
    mutationFn: (p: { id: string; version: number }) => removeParticipant(record.id, p.id, p.version),
    onSuccess: onChanged,
  });
  const errors = useFieldErrors(add.error);
  return (
    <Card withBorder component="section" aria-labelledby="participants-title">
      <Title order={2} size="h4" id="participants-title" mb="sm">{t('interviews.participants.title')}</Title>
      <List spacing={4} listStyleType="none" mb="sm">
        {record.participants.map((p) => (
          <List.Item key={p.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm"><Text span fw={600}>{t(ROLE_LABEL[p.role])}:</Text> {p.fullName}{p.organisation ? ` (${p.organisation})` : ''}</Text>
              {p.fromRoster && <Text size="xs" c="dimmed">{t('interviews.participants.fromRoster')}</Text>}
              {editable && p.role !== 'applicant' && p.role !== 'officer' && (
                <Button size="compact-xs" variant="default" onClick={() => remove.mutate(p)}
                  aria-label={t('interviews.participants.removeName', { name: p.fullName })}>{t('interviews.participants.remove')}</Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <InterviewErrorAlert error={remove.error} />
      {editable && (
        <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <Stack gap="xs">
            <InterviewErrorAlert error={add.error} fields={['role', 'fullName', 'organisation']} />
            <Group align="flex-end" wrap="wrap" gap="xs">
              <NativeSelect label={t('interviews.participants.role')} value={draft.role} error={errors.role}
                data={ADDABLE_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))}
                onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as TParticipantInput['role'] })} />
              <TextInput label={t('interviews.participants.fullName')} required value={draft.fullName} error={errors.fullName}
                onChange={(e) => setDraft({ ...draft, fullName: e.currentTarget.value })} />
              <TextInput label={t('interviews.participants.organisation')} value={draft.organisation ?? ''} error={errors.organisation}
                onChange={(e) => setDraft({ ...draft, organisation: e.currentTarget.value })} />
              <Button type="submit" variant="default" loading={add.isPending}>{t('interviews.participants.add')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
