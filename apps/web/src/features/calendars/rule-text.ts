import type { TFunction } from 'i18next';
import type { TCalendarRule } from '@refugio/domain';
import { formatCivilDate, formatCivilRange } from './format.ts';

/** Catalog keys written out, so the catalog test sees each one used. */
export const RULE_KIND_LABELS: Record<TCalendarRule['kind'], string> = {
  fixed_date: 'calendars.kinds.fixed_date',
  nth_weekday: 'calendars.kinds.nth_weekday',
  periodic: 'calendars.kinds.periodic',
  date_range: 'calendars.kinds.date_range',
  suspension: 'calendars.kinds.suspension',
  working_day_override: 'calendars.kinds.working_day_override',
};

export const SKIPPED_KIND_LABELS: Record<'weekend' | 'holiday' | 'declared' | 'suspension', string> = {
  weekend: 'calendars.skippedKinds.weekend',
  holiday: 'calendars.skippedKinds.holiday',
  declared: 'calendars.skippedKinds.declared',
  suspension: 'calendars.skippedKinds.suspension',
};

const pad = (n: unknown) => String(n).padStart(2, '0');

/** When the rule applies, in words: "16/09 cada año", "3.er lunes de noviembre", a date range. */
export function describeRuleDates(rule: TCalendarRule, t: TFunction): string {
  const p = rule.params;
  switch (rule.kind) {
    case 'fixed_date':
      return t('calendars.when.everyYear', { date: `${pad(p.day)}/${pad(p.month)}` });
    case 'nth_weekday': {
      const weekday = new Intl.DateTimeFormat(t('calendars.intlLocale'), { weekday: 'long', timeZone: 'UTC' })
        .format(new Date(Date.UTC(2024, 0, Number(p.weekday))));
      const month = new Intl.DateTimeFormat(t('calendars.intlLocale'), { month: 'long', timeZone: 'UTC' })
        .format(new Date(Date.UTC(2024, Number(p.month) - 1, 1)));
      return Number(p.n) === -1
        ? t('calendars.when.lastWeekday', { weekday, month })
        : t('calendars.when.nthWeekday', { n: Number(p.n), weekday, month });
    }
    case 'periodic':
      return t('calendars.when.periodic', { date: `${pad(p.day)}/${pad(p.month)}`, every: Number(p.everyYears), anchor: Number(p.anchorYear) });
    case 'date_range':
    case 'suspension':
      return formatCivilRange(String(p.from), String(p.to));
    case 'working_day_override':
      return formatCivilDate(String(p.date));
  }
}
