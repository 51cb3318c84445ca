import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Stepper, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TCalendarDetail, type TCalendarRuleInput, type TRecomputation } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { addRule, CALENDARS_KEY, previewRule } from '../api/calendars.ts';
import { formatCivilRange } from '../format.ts';

export type WizardKind = 'date_range' | 'suspension';

const FIELDS = ['from', 'to', 'label', 'source'] as const;

interface Values {
  from: string;
  to: string;
  label: string;
  source: string;
}

/** Field messages of `rule.from` etc. keyed by the form's field. */
function useRuleFieldErrors(error: unknown): Record<string, string> {
  const { t, i18n } = useTranslation();
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.field.replace(/^rule\.?/, '') || 'from';
    if (!out[field]) out[field] = i18n.exists(e.code) ? t(e.code, e.params ?? {}) : e.message;
  }
  return out;
}

/**
 * Declare non-working days or a suspension in three steps: the range with its DOF citation, the
 * preview ("moves N claims", nothing written yet), then the confirmation that applies it.
 */
export function RuleWizard({ calendar, kind, onDone }: { calendar: TCalendarDetail; kind: WizardKind; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<Values>({ from: '', to: '', label: '', source: '' });
  const [preview, setPreview] = useState<TRecomputation | null>(null);
  const rule = (): TCalendarRuleInput => ({
    kind, from: values.from, to: values.to || values.from, label: values.label.trim(), source: values.source.trim(),
  });

  const previewing = useMutation({
    mutationFn: () => previewRule(calendar.id, rule()),
    onSuccess: (result) => {
      setPreview(result);
      setStep(1);
    },
  });
  const applying = useMutation({
    mutationFn: () => {
      const body = { version: calendar.version, rule: rule() };
      return addRule(calendar.id, body, keyFor(body));
    },
    onSuccess: async (result) => {
      setPreview(result.recomputation);
      setStep(2);
      notifySuccess(t('calendars.wizard.applied', { count: result.recomputation.movedClaims }));
      await queryClient.invalidateQueries({ queryKey: CALENDARS_KEY });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: CALENDARS_KEY }),
  });
  const errors = useRuleFieldErrors(previewing.error ?? applying.error);
  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    previewing.reset();
  };

  function submitPreview(event: FormEvent) {
    event.preventDefault();
    previewing.mutate();
  }

  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false}>
      <Stepper.Step label={t('calendars.wizard.stepRange')}>
        <form onSubmit={submitPreview} noValidate>
          <Stack>
            <Text size="sm">
              {kind === 'suspension' ? t('calendars.wizard.suspensionHint') : t('calendars.wizard.declaredHint')}
            </Text>
            <ErrorAlert error={previewing.error} fields={FIELDS} />
            <Group grow>
              <TextInput
                type="date" label={t('calendars.fields.from')} required value={values.from} error={errors.from}
                onChange={(e) => set('from', e.currentTarget.value)}
              />
              <TextInput
                type="date" label={t('calendars.fields.to')} description={t('calendars.wizard.toHint')} value={values.to}
                error={errors.to} onChange={(e) => set('to', e.currentTarget.value)}
              />
            </Group>
            <TextInput
              label={t('calendars.fields.label')} required maxLength={LIMITS.nameMax} value={values.label}
              placeholder={kind === 'suspension' ? t('calendars.wizard.suspensionPlaceholder') : t('calendars.wizard.declaredPlaceholder')}
              error={errors.label} onChange={(e) => set('label', e.currentTarget.value)}
            />
            <Textarea
              label={t('calendars.fields.citation')} description={t('calendars.wizard.citationHint')} required maxLength={500}
              autosize minRows={2} value={values.source} error={errors.source} onChange={(e) => set('source', e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
              <Button type="submit" loading={previewing.isPending}>{t('calendars.wizard.preview')}</Button>
            </Group>
          </Stack>
        </form>
      </Stepper.Step>
      <Stepper.Step label={t('calendars.wizard.stepPreview')}>
        <Stack>
          <Alert color="blue" title={formatCivilRange(values.from, values.to || values.from)} role="status">
            {t('calendars.wizard.moves', { count: preview?.movedClaims ?? 0, clocks: preview?.movedClocks ?? 0 })}
            {(preview?.calendarIds.length ?? 0) > 1 && (
              <Text size="sm" mt="xs">{t('calendars.wizard.alsoExtending', { count: (preview?.calendarIds.length ?? 1) - 1 })}</Text>
            )}
          </Alert>
          <Text size="sm"><strong>{t('calendars.fields.citation')}:</strong> {values.source}</Text>
          <ErrorAlert error={applying.error} fields={[]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setStep(0); applying.reset(); }}>{t('calendars.wizard.back')}</Button>
            <Button color={kind === 'suspension' ? 'red' : undefined} loading={applying.isPending} onClick={() => applying.mutate()}>
              {t('calendars.wizard.confirm')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Completed>
        <Stack>
          <Alert color="teal" title={t('calendars.wizard.done')} role="status">
            {t('calendars.wizard.applied', { count: preview?.movedClaims ?? 0 })}
          </Alert>
          <Group justify="flex-end"><Button onClick={onDone}>{t('common.close')}</Button></Group>
        </Stack>
      </Stepper.Completed>
    </Stepper>
  );
}
