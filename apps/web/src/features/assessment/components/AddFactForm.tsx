import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FACT_KINDS, FACT_STATEMENT_MAX, type FactKind } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { addFact } from '../api/assessment.ts';
import { FACT_KIND_LABEL } from '../labels.ts';

/** Adds a material fact at the end of the list (EUAA guide on evidence assessment, step 1). */
export function AddFactForm({ claimId, canReadSensitive, onDone }: { claimId: string; canReadSensitive: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState({ kind: '' as FactKind | '', statement: '', sensitive: false });
  // The value is read now: React clears the event's currentTarget before a functional update runs.
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const body = { kind: values.kind as FactKind, statement: values.statement, sensitive: values.sensitive };
      return addFact(claimId, body, keyFor(body));
    },
    onSuccess: async () => {
      notifySuccess(t('assessment.facts.added'));
      await queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
      onDone();
    },
  });
  const error = useFieldErrorMap(save.error);
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.facts.add')}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} fields={['kind', 'statement', 'sensitive']} />
        <NativeSelect label={t('assessment.facts.kind')} required value={values.kind} error={error('kind')}
          data={[{ value: '', label: t('common.choose') }, ...FACT_KINDS.map((k) => ({ value: k, label: t(labelKey(FACT_KIND_LABEL, k)) }))]}
          onChange={(e) => set('kind', e.currentTarget.value as FactKind | '')} />
        <Textarea label={t('assessment.facts.statement')} description={t('assessment.facts.statementHint')} required autosize minRows={2}
          maxLength={FACT_STATEMENT_MAX} value={values.statement} error={error('statement')}
          onChange={(e) => set('statement', e.currentTarget.value)} />
        {canReadSensitive && (
          <Checkbox label={t('assessment.facts.sensitive')} description={t('assessment.facts.sensitiveHint')} checked={values.sensitive}
            onChange={(e) => set('sensitive', e.currentTarget.checked)} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('assessment.facts.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
