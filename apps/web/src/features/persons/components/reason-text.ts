import type { TFunction } from 'i18next';
import type { Language, TMatchReason } from '@refugio/domain';
import { formatDate } from '../../../lib/format-date.ts';

// Full keys written out so the catalog test sees each one used.
const NAME_KEYS = {
  exact: 'duplicates.reasons.name.exact',
  accent_insensitive: 'duplicates.reasons.name.accent_insensitive',
  swapped_surnames: 'duplicates.reasons.name.swapped_surnames',
  surname_set: 'duplicates.reasons.name.surname_set',
  transliteration: 'duplicates.reasons.name.transliteration',
  similar: 'duplicates.reasons.name.similar',
  different: 'duplicates.reasons.name.different',
} as const;
const BIRTH_DATE_KEYS = {
  exact: 'duplicates.reasons.birthDate.exact',
  one_day: 'duplicates.reasons.birthDate.one_day',
  transposed_day_month: 'duplicates.reasons.birthDate.transposed_day_month',
  within_days: 'duplicates.reasons.birthDate.within_days',
  estimated_same_year: 'duplicates.reasons.birthDate.estimated_same_year',
  estimated_one_year: 'duplicates.reasons.birthDate.estimated_one_year',
  different: 'duplicates.reasons.birthDate.different',
  missing: 'duplicates.reasons.birthDate.missing',
} as const;
const NATIONALITY_KEYS = {
  match: 'duplicates.reasons.nationality.match',
  different: 'duplicates.reasons.nationality.different',
  missing: 'duplicates.reasons.nationality.missing',
} as const;
const DOCUMENT_KEYS = {
  match: 'duplicates.reasons.document.match',
  different: 'duplicates.reasons.document.different',
  missing: 'duplicates.reasons.document.missing',
} as const;

/** One sentence saying why a field matched or not, in the UI language. */
export function reasonText(t: TFunction, reason: TMatchReason, language: Language): string {
  switch (reason.field) {
    case 'name': {
      const text = t(NAME_KEYS[reason.kind], {
        value: reason.value,
        similarity: Math.round(reason.similarity * 100),
        variants: (reason.variants ?? []).map((v) => `${v.from} ≈ ${v.to}`).join(', '),
      });
      return reason.alias ? `${text} ${t('duplicates.reasons.name.alias', { value: reason.value })}` : text;
    }
    case 'birthDate':
      return t(BIRTH_DATE_KEYS[reason.kind], { date: reason.value ? formatDate(reason.value, language) : '', days: reason.days ?? 0 });
    case 'nationality':
      return t(NATIONALITY_KEYS[reason.kind], { list: (reason.common ?? reason.value).join(', ') });
    case 'document': {
      const text = t(DOCUMENT_KEYS[reason.kind], { number: reason.value ?? '' });
      return reason.sameIssuingCountry === false ? `${text} ${t('duplicates.reasons.document.otherCountry')}` : text;
    }
  }
}

/** Points as shown beside a reason: +22, −15, 0. */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}
