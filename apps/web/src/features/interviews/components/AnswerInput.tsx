import { Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAnswerValue, TQuestion } from '@refugio/domain';
import { currentLanguage } from '../../../lib/i18n.ts';
import { countryOptions } from '../../../lib/countries.ts';

interface AnswerInputProps {
  question: TQuestion;
  value: TAnswerValue;
  onChange: (value: TAnswerValue) => void;
  disabled?: boolean;
  error?: string | undefined;
  /** The label shown (the question, or "New answer" in a correction). */
  label?: string;
  /** Prefix of the inputs' ids, unique on the page. */
  idPrefix: string;
}

/** The input a question's type calls for: free text, one option, a date, a country, yes or no with an explanation. */
export function AnswerInput({ question, value, onChange, disabled, error, label, idPrefix }: AnswerInputProps) {
  const { t } = useTranslation();
  const shown = label ?? question.text;
  const description = question.help ?? undefined;
  switch (question.type) {
    case 'choice':
      return (
        <NativeSelect id={`${idPrefix}-option`} label={shown} description={description} disabled={disabled} error={error} value={value.option ?? ''}
          data={[{ value: '', label: t('interviews.answer.choose') }, ...question.options.map((o) => ({ value: o.id, label: o.label }))]}
          onChange={(e) => onChange({ option: e.currentTarget.value || undefined })} />
      );
    case 'date':
      return (
        <TextInput id={`${idPrefix}-date`} type="date" label={shown} description={description} disabled={disabled} error={error} value={value.date ?? ''}
          onChange={(e) => onChange({ date: e.currentTarget.value || undefined })} />
      );
    case 'country': {
      const options = countryOptions(currentLanguage());
      const known = options.some((o) => o.value === value.country);
      return (
        <NativeSelect id={`${idPrefix}-country`} label={shown} description={description} disabled={disabled} error={error} value={value.country ?? ''}
          data={[{ value: '', label: t('interviews.answer.choose') }, ...(value.country && !known ? [{ value: value.country, label: value.country }] : []), ...options]}
          onChange={(e) => onChange({ country: e.currentTarget.value || undefined })} />
      );
    }
    case 'yes_no':
      return (
        <Stack gap={4}>
          <Radio.Group id={`${idPrefix}-answer`} label={shown} description={description} error={error} value={value.answer ?? ''}
            onChange={(answer) => onChange({ ...value, answer: answer === 'yes' || answer === 'no' ? answer : null })}>
            <Group gap="lg" mt={4}>
              <Radio value="yes" label={t('interviews.answer.yes')} disabled={disabled} />
              <Radio value="no" label={t('interviews.answer.no')} disabled={disabled} />
            </Group>
          </Radio.Group>
          <Textarea id={`${idPrefix}-explanation`} aria-label={t('interviews.answer.explanationFor', { question: shown })} placeholder={t('interviews.answer.explanation')}
            autosize minRows={1} disabled={disabled} value={value.explanation ?? ''}
            onChange={(e) => onChange({ ...value, explanation: e.currentTarget.value })} />
        </Stack>
      );
    default:
      return (
        <Textarea id={`${idPrefix}-text`} label={shown} description={description} autosize minRows={2} disabled={disabled} error={error}
          value={value.text ?? ''} onChange={(e) => onChange({ text: e.currentTarget.value })} />
      );
  }
}
