import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, MEXICO_TIME_ZONES, OFFICE_KINDS, ZOffice, type TInstitution, type TOffice } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { conflictCurrent } from '../../../lib/conflict.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { MX_STATES } from '../../../lib/mx-states.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { createOffice, OFFICES_KEY, updateOffice, type OfficeFields } from '../api/organisations.ts';

const FIELDS = ['institutionId', 'code', 'name', 'kind', 'stateCode', 'municipality', 'servedStateCodes', 'timeZone', 'active'] as const;

function fieldsOf(office: TOffice | null): OfficeFields {
  return {
    code: office?.code ?? '', name: office?.name ?? '', kind: office?.kind ?? 'regional',
    stateCode: office?.stateCode ?? '', municipality: office?.municipality ?? '',
    servedStateCodes: office?.servedStateCodes ?? [], timeZone: office?.timeZone ?? 'America/Mexico_City', active: office?.active ?? true,
  };
}

interface OfficeFormProps {
  office: TOffice | null;
  institutions: TInstitution[];
  onDone: () => void;
}

export function OfficeForm({ office, institutions, onDone }: OfficeFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [institutionId, setInstitutionId] = useState(office?.institutionId ?? '');
  const [values, setValues] = useState(() => fieldsOf(office));
  const [version, setVersion] = useState(office?.version ?? 0);
  const mutation = useMutation({
    mutationFn: (input: OfficeFields) => {
      if (office) return updateOffice(office.id, { ...input, version });
      const body = { ...input, institutionId };
      return createOffice(body, keyFor(body));
    },
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: OFFICES_KEY });
      onDone();
    },
    onError: (error) => {
      const current = conflictCurrent(error, ZOffice);
      if (!current) return;
      setValues(fieldsOf(current));
      setVersion(current.version);
      void queryClient.invalidateQueries({ queryKey: OFFICES_KEY });
    },
  });
  const errors = useFieldErrors(mutation.error);
  const set = <K extends keyof OfficeFields>(key: K, value: OfficeFields[K]) => setValues((v) => ({ ...v, [key]: value }));
  const stateOptions = MX_STATES.map((s) => ({ value: s.code, label: s.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const municipality = values.municipality?.trim() ?? '';
    mutation.mutate({ ...values, code: values.code.trim().toUpperCase(), name: values.name.trim(), municipality: municipality || null });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        {office ? (
          <Text size="sm"><strong>{t('organisations.fields.institution')}:</strong> {office.institutionCode}</Text>
        ) : (
          <NativeSelect
            label={t('organisations.fields.institution')} required value={institutionId} error={errors.institutionId}
            data={[{ value: '', label: t('common.choose') }, ...institutions.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))]}
            onChange={(e) => setInstitutionId(e.currentTarget.value)}
          />
        )}
        <TextInput
          label={t('organisations.fields.code')} description={t('organisations.fields.codeHint')} required
          maxLength={LIMITS.codeMax} value={values.code} onChange={(e) => set('code', e.currentTarget.value)} error={errors.code}
        />
        <TextInput
          label={t('organisations.fields.name')} required maxLength={LIMITS.nameMax}
          value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name}
        />
        <NativeSelect
          label={t('organisations.fields.officeKind')} required value={values.kind} error={errors.kind}
          data={OFFICE_KINDS.map((k) => ({ value: k, label: t(`organisations.officeKinds.${k}`) }))}
          onChange={(e) => set('kind', e.currentTarget.value as OfficeFields['kind'])}
        />
        <NativeSelect
          label={t('organisations.fields.state')} required value={values.stateCode} error={errors.stateCode}
          data={[{ value: '', label: t('common.choose') }, ...stateOptions]}
          onChange={(e) => set('stateCode', e.currentTarget.value)}
        />
        <TextInput
          label={t('organisations.fields.municipality')} maxLength={LIMITS.nameMax}
          value={values.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} error={errors.municipality}
        />
        <MultiSelect
          label={t('organisations.fields.servedStates')} description={t('organisations.fields.servedStatesHint')}
          data={stateOptions} value={values.servedStateCodes} onChange={(v) => set('servedStateCodes', v)}
          searchable clearable error={errors.servedStateCodes}
          nothingFoundMessage={t('common.noResults')}
          comboboxProps={{ withinPortal: true }}
        />
        <NativeSelect
          label={t('organisations.fields.timeZone')} description={t('organisations.fields.timeZoneHint')} required
          value={values.timeZone} error={errors.timeZone}
          data={[...new Set([...MEXICO_TIME_ZONES, values.timeZone])].map((zone) => ({ value: zone, label: zone.replace('America/', '').replaceAll('_', ' ') }))}
          onChange={(e) => set('timeZone', e.currentTarget.value)}
        />
        {office && (
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
