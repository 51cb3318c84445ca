import type { Language, TAnswerValue, TQuestion } from '@refugio/domain';
import { formatDate } from '../../../lib/format-date.ts';
import { countryName } from '../../../lib/countries.ts';

/** An answer as the record reads it back, in the reader's language. */
export function formatAnswer(question: TQuestion | undefined, value: TAnswerValue | null, t: (key: string) => string, language: Language): string {
  if (!value) return '';
  const parts: string[] = [];
  if (value.text) parts.push(value.text);
  if (value.option) parts.push(question?.options.find((o) => o.id === value.option)?.label ?? value.option);
  if (value.date) parts.push(formatDate(value.date, language));
  if (value.country) parts.push(countryName(value.country, language));
  if (value.answer) parts.push(value.answer === 'yes' ? t('interviews.answer.yes') : t('interviews.answer.no'));
  if (value.explanation) parts.push(value.explanation);
  return parts.join(' — ');
}
