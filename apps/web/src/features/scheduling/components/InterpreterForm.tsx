import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  INTERPRETER_KINDS, INTERPRETER_SEXES, KIND_LABEL_KEYS, LANGUAGE_CODES_639_3, MODALITIES, MODALITY_LABEL_KEYS, SEX_LABEL_KEYS, ZInterpreter,
  type TInterpreter, type TInterpreterInput,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { useMe } from '../../auth/index.ts';
import { createInterpreter, SCHEDULING_KEY, updateInterpreter, useInterpreterAccounts } from '../api/scheduling.ts';
import { AvailabilityEditor } from './AvailabilityEditor.tsx';
import { languageName } from './labels.ts';

type Draft = TInterpreterInput & { active: boolean };

const draftOf = (i: TInterpreter | null, officeIds: string[]): Draft => ({
  fullName: i?.fullName ?? '', kind: i?.kind ?? 'staff', sex: i?.sex ?? 'female', languages: (i?.languages ?? []) as Draft['languages'],
  modalities: i?.modalities ?? ['in_person'], officeIds: i?.officeIds ?? officeIds, availability: i?.availability ?? [], userId: i?.userId ?? null,
  notes: i?.notes ?? null, active: i?.active ?? true,
});

/** Adds an interpreter to the roster of the supervisor's offices, or changes one; a stale version reloads the entry. */
export function InterpreterForm({ interpreter, onDone }: { interpreter: TInterpreter | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const accounts = useInterpreterAccounts(true);
  const keyFor = useIdempotencyKey();
  const queryClient = useQueryClient();
  const offices = me.data?.offices ?? [];
  const [base, setBase] = useState(interpreter);
  const [draft, setDraft] = useState<Draft>(draftOf(interpreter, offices.map((o) => o.id)));
  const save = useMutation({
    mutationFn: () => {
      const { active, ...fields } = draft;
      const body = { ...fields, notes: fields.notes?.trim() || null };
      return base ? updateInterpreter(base.id, { ...body, active, version: base.version }) : createInterpreter(body, keyFor(body));
    },
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: SCHEDULING_KEY }); onDone(); },
    onError: (error) => {
      const current = conflictCurrent(error, ZInterpreter);
      if (current) { setBase(current); setDraft(draftOf(current, [])); }
    },
  });
  const errorOf = useFieldErrorMap(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={t('scheduling.interpreterForm.fullName')} required value={draft.fullName} error={errorOf('fullName')}
          onChange={(e) => setDraft({ ...draft, fullName: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={t('scheduling.interpreterForm.kind')} value={draft.kind} error={errorOf('kind')}
            data={INTERPRETER_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL_KEYS[k]) }))}
            onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as Draft['kind'] })} />
          <NativeSelect label={t('scheduling.interpreterForm.sex')} value={draft.sex} error={errorOf('sex')}
            data={INTERPRETER_SEXES.map((s) => ({ value: s, label: t(SEX_LABEL_KEYS[s]) }))}
            onChange={(e) => setDraft({ ...draft, sex: e.currentTarget.value as Draft['sex'] })} />
          <NativeSelect label={t('scheduling.interpreterForm.account')} description={t('scheduling.interpreterForm.accountHint')}
            value={draft.userId ?? ''} error={errorOf('userId')}
            data={[{ value: '', label: t('scheduling.interpreterForm.noAccount') },
              ...(accounts.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))]}
            onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value || null })} />
        </SimpleGrid>
        <Checkbox.Group label={t('scheduling.interpreterForm.languages')} value={draft.languages} error={errorOf('languages')} withAsterisk
          onChange={(v) => setDraft({ ...draft, languages: v as Draft['languages'] })}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            {LANGUAGE_CODES_639_3.map((code) => <Checkbox key={code} value={code} label={languageName(t, code)} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group label={t('scheduling.interpreterForm.modalities')} value={draft.modalities} error={errorOf('modalities')} withAsterisk
          onChange={(v) => setDraft({ ...draft, modalities: v as Draft['modalities'] })}>
          <Group mt="xs">{MODALITIES.map((m) => <Checkbox key={m} value={m} label={t(MODALITY_LABEL_KEYS[m])} />)}</Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('scheduling.interpreterForm.offices')} value={draft.officeIds} error={errorOf('officeIds')} withAsterisk
          onChange={(v) => setDraft({ ...draft, officeIds: v })}>
          <Group mt="xs">{offices.map((o) => <Checkbox key={o.id} value={o.id} label={o.name} />)}</Group>
        </Checkbox.Group>
        <AvailabilityEditor value={draft.availability} error={errorOf('availability')} onChange={(availability) => setDraft({ ...draft, availability })} />
        <Textarea label={t('scheduling.interpreterForm.notes')} autosize minRows={2} value={draft.notes ?? ''} error={errorOf('notes')}
          onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} />
        {base && <Switch label={t('scheduling.interpreterForm.active')} checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })} />}
        <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('scheduling.interpreterForm.save')}</Button></Group>
      </Stack>
    </form>
  );
}
