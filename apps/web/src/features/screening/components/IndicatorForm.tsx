import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INDICATOR_KINDS, LIMITS, VULNERABILITY_CATEGORIES, type TIndicatorInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { recordIndicator } from '../api/screening.ts';

const FIELDS = ['personId', 'category', 'kind', 'description', 'observedBy', 'observedAt', 'observedPlace'];

/** A `datetime-local` value (the browser's local time) as an instant with its offset. */
function withOffset(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function nowLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Records what someone saw or heard about one person, with who, when and where (EUAA IPSN tool). */
export function IndicatorForm({ claimId, people, onDone }: { claimId: string; people: Array<{ id: string; name: string }>; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState(() => ({
    personId: people[0]?.id ?? '', category: '', kind: 'observed_sign', description: '', observedBy: '', observedAt: nowLocal(), observedPlace: '',
  }));
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = { ...values, observedAt: withOffset(values.observedAt) } as TIndicatorInput;
      return recordIndicator(claimId, body, keyFor(body));
    },
    onSuccess: async () => {
      notifySuccess(t('screening.indicators.recorded'));
      await queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
      onDone();
    },
  });
  const error = useFieldErrorMap(save.error);
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form onSubmit={submit} aria-label={t('screening.indicators.add')}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} fields={FIELDS} />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect label={t('screening.indicators.person')} required value={values.personId} error={error('personId')}
            data={people.map((p) => ({ value: p.id, label: p.name }))} onChange={(e) => set('personId', e.currentTarget.value)} />
          <NativeSelect label={t('screening.indicators.category')} required value={values.category} error={error('category')}
            data={[{ value: '', label: t('common.choose') }, ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
            onChange={(e) => set('category', e.currentTarget.value)} />
          <NativeSelect label={t('screening.indicators.kind')} required value={values.kind} error={error('kind')}
            data={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`screening.indicators.kinds.${k}`) }))}
            onChange={(e) => set('kind', e.currentTarget.value)} />
        </Group>
        <Textarea label={t('screening.indicators.description')} required autosize minRows={2} maxLength={LIMITS.reasonMax}
          value={values.description} error={error('description')} onChange={(e) => set('description', e.currentTarget.value)} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('screening.indicators.observedBy')} required maxLength={LIMITS.nameMax} value={values.observedBy}
            error={error('observedBy')} onChange={(e) => set('observedBy', e.currentTarget.value)} />
          <TextInput type="datetime-local" label={t('screening.indicators.observedAt')} required value={values.observedAt}
            error={error('observedAt')} onChange={(e) => set('observedAt', e.currentTarget.value)} />
          <TextInput label={t('screening.indicators.observedPlace')} required maxLength={LIMITS.nameMax} value={values.observedPlace}
            error={error('observedPlace')} onChange={(e) => set('observedPlace', e.currentTarget.value)} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('screening.indicators.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
