import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_KINDS, LIMITS, ZInstitution, type TInstitution } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { createInstitution, INSTITUTIONS_KEY, updateInstitution, type InstitutionFields } from '../api/organisations.ts';
import { notifySuccess } from '../../../lib/notify.ts';

const FIELDS = ['code', 'name', 'kind', 'active'] as const;

function fieldsOf(institution: TInstitution | null): InstitutionFields {
  return {
    code: institution?.code ?? '', name: institution?.name ?? '',
    kind: institution?.kind ?? 'asylum_authority', active: institution?.active ?? true,
  };
}

interface InstitutionFormProps {
  institution: TInstitution | null;
  onDone: () => void;
}

export function InstitutionForm({ institution, onDone }: InstitutionFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState(() => fieldsOf(institution));
  const [version, setVersion] = useState(institution?.version ?? 0);
  const mutation = useMutation({
    mutationFn: (input: InstitutionFields) =>
      institution ? updateInstitution(institution.id, { ...input, version }) : createInstitution(input, keyFor(input)),
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: INSTITUTIONS_KEY });
      onDone();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZInstitution);
      if (!current) return;
      setValues(fieldsOf(current));
      setVersion(current.version);
      void queryClient.invalidateQueries({ queryKey: INSTITUTIONS_KEY });
    },
  });
  const errors = useFieldErrors(mutation.error);
  const set = <K extends keyof InstitutionFields>(key: K, value: InstitutionFields[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ ...values, code: values.code.trim().toUpperCase(), name: values.name.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <TextInput
          label={t('organisations.fields.code')} description={t('organisations.fields.codeHint')} required
          maxLength={LIMITS.codeMax} value={values.code} onChange={(e) => set('code', e.currentTarget.value)} error={errors.code}
        />
        <TextInput
          label={t('organisations.fields.name')} required maxLength={LIMITS.nameMax}
          value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name}
        />
        <NativeSelect
          label={t('organisations.fields.institutionKind')} required value={values.kind} error={errors.kind}
          data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`organisations.institutionKinds.${k}`) }))}
          onChange={(e) => set('kind', e.currentTarget.value as InstitutionFields['kind'])}
        />
        {institution && (
          <Checkbox
            label={t('common.active')} checked={values.active} error={errors.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
