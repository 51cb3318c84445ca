import { useState } from 'react';
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZCampaign, type TCampaign, type TCampaignInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { useMe } from '../../auth/index.ts';
import { useOffices } from '../../organisations/index.ts';
import { createCampaign, TRAINING_NEEDS_KEY, updateCampaign } from '../api/training-needs.ts';

const fieldsOf = (c: TCampaign | null): TCampaignInput => ({
  title: c?.title ?? '', description: c?.description ?? null, officeId: c?.officeId ?? null,
  opensOn: c?.opensOn ?? '', closesOn: c?.closesOn ?? '', caseloadMonths: c?.caseloadMonths ?? 12,
});

/** Creates a campaign (a draft), or changes one; a stale version reloads the current campaign. */
export function CampaignForm({ campaign, onDone }: { campaign: TCampaign | null; onDone: (saved: TCampaign) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const offices = useOffices();
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(campaign);
  const [draft, setDraft] = useState(fieldsOf(campaign));
  const save = useMutation({
    mutationFn: () => {
      const body = { ...draft, description: draft.description?.trim() || null };
      return base ? updateCampaign(base.id, { ...body, status: base.status, version: base.version }) : createCampaign(body, keyFor(body));
    },
    onSuccess: (saved) => { void queryClient.invalidateQueries({ queryKey: TRAINING_NEEDS_KEY }); onDone(saved); },
    onError: (error) => {
      const current = conflictCurrent(error, ZCampaign);
      if (current) { setBase(current); setDraft(fieldsOf(current)); }
    },
  });
  const errorOf = useFieldErrorMap(save.error);
  const ownOffices = (offices.data ?? []).filter((o) => o.institutionId === me.data?.institution.id && o.active);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={t('trainingNeeds.form.title')} required value={draft.title} error={errorOf('title')}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
        <Textarea label={t('trainingNeeds.form.description')} autosize minRows={2} value={draft.description ?? ''} error={errorOf('description')}
          onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
        <NativeSelect label={t('trainingNeeds.form.office')} description={t('trainingNeeds.form.officeHint')} value={draft.officeId ?? ''}
          error={errorOf('officeId')}
          data={[{ value: '', label: t('trainingNeeds.form.wholeInstitution') }, ...ownOffices.map((o) => ({ value: o.id, label: o.name }))]}
          onChange={(e) => setDraft({ ...draft, officeId: e.currentTarget.value || null })} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('trainingNeeds.form.opensOn')} required value={draft.opensOn} error={errorOf('opensOn')}
            onChange={(e) => setDraft({ ...draft, opensOn: e.currentTarget.value })} />
          <TextInput type="date" label={t('trainingNeeds.form.closesOn')} required value={draft.closesOn} error={errorOf('closesOn')}
            onChange={(e) => setDraft({ ...draft, closesOn: e.currentTarget.value })} />
          <NumberInput label={t('trainingNeeds.form.caseloadMonths')} description={t('trainingNeeds.form.caseloadMonthsHint')} min={1} max={60}
            allowDecimal={false} value={draft.caseloadMonths} error={errorOf('caseloadMonths')}
            onChange={(v) => setDraft({ ...draft, caseloadMonths: typeof v === 'number' ? v : 12 })} />
        </SimpleGrid>
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('trainingNeeds.form.save')}</Button></Group>
      </Stack>
    </form>
  );
}
