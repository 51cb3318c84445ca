import { useState, type FormEvent } from 'react';
import { Button, Group, MultiSelect, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TCalendarSummary } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOffices } from '../../organisations/index.ts';
import { CALENDARS_KEY, createCalendar, type CalendarFields } from '../api/calendars.ts';

const FIELDS = ['code', 'name', 'extendsId', 'officeIds'] as const;

/** An authority's or office's calendar: the base calendar's rules plus its own declarations. */
export function CalendarForm({ calendars, defaultExtendsId, onDone }: {
  calendars: TCalendarSummary[]; defaultExtendsId: string | null; onDone: (createdId: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const offices = useOffices();
  const [values, setValues] = useState<CalendarFields>({ code: '', name: '', extendsId: defaultExtendsId ?? '', officeIds: [] });
  const mutation = useMutation({
    mutationFn: (input: CalendarFields) => createCalendar(input, keyFor(input)),
    onSuccess: async (created) => {
      notifySuccess(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: CALENDARS_KEY });
      onDone(created.id);
    },
  });
  const errors = useFieldErrors(mutation.error);
  const set = <K extends keyof CalendarFields>(key: K, value: CalendarFields[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate({ ...values, code: values.code.trim().toUpperCase(), name: values.name.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <TextInput
          label={t('calendars.fields.code')} description={t('calendars.codeHint')} required maxLength={LIMITS.codeMax}
          value={values.code} onChange={(e) => set('code', e.currentTarget.value)} error={errors.code}
        />
        <TextInput
          label={t('calendars.fields.name')} required maxLength={LIMITS.nameMax}
          value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name}
        />
        <NativeSelect
          label={t('calendars.fields.extends')} required value={values.extendsId} error={errors.extendsId}
          data={[{ value: '', label: t('common.choose') }, ...calendars.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))]}
          onChange={(e) => set('extendsId', e.currentTarget.value)}
        />
        <MultiSelect
          label={t('calendars.fields.offices')} description={t('calendars.officesHint')}
          data={(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.code} — ${o.name}` }))}
          value={values.officeIds} onChange={(v) => set('officeIds', v)} searchable clearable error={errors.officeIds}
          nothingFoundMessage={t('common.noResults')} comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
