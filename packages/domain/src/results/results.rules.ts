/**
 * The arithmetic of the results the authority is judged on (ADR 040), pure and shared by server and
 * web: periods, UNHCR's rates, working-day percentiles from a histogram, and the suppression of
 * small numbers in what an observer or an outside export sees.
 */
import type { Outcome } from '../decisions/index.ts';

/** UNHCR RSD statistics count persons (P) and cases (C) apart. */
export const COUNT_TYPES = ['P', 'C'] as const;
export type CountType = (typeof COUNT_TYPES)[number];

/** UNHCR's demographic age groups; age on the day the claim was lodged. */
export const AGE_GROUPS = ['0-4', '5-11', '12-17', '18-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];


/** The dimensions a UNHCR table may be broken down by. */
export const RSD_DIMENSIONS = ['office', 'origin', 'sex', 'age_group'] as const;
export type RsdDimension = (typeof RSD_DIMENSIONS)[number];

/**
 * The decision columns of UNHCR's RSD table: recognised (Convention, Cartagena, sur place apart),
 * complementary protection, rejected, otherwise closed. Exclusion (1951 Convention art. 1F) is a
 * refusal on the merits, so it counts as rejected; abandonment and withdrawal close a claim
 * without a decision on the merits (domain.md §3, §9).
 */
export const DECISION_COLUMNS = ['recognised_convention', 'recognised_cartagena', 'recognised_sur_place', 'complementary', 'rejected',
  'otherwise_closed'] as const;
export type DecisionColumn = (typeof DECISION_COLUMNS)[number];

export const OUTCOME_COLUMN: Record<Outcome, DecisionColumn> = {
  refugee_convention: 'recognised_convention',
  refugee_cartagena: 'recognised_cartagena',
  refugee_sur_place: 'recognised_sur_place',
  complementary_protection: 'complementary',
  rejected: 'rejected',
  excluded: 'rejected',
  abandoned: 'otherwise_closed',
  withdrawn: 'otherwise_closed',
};

/** Working days the decision clock has run on an open claim, in bands around the 45-day term and its extension. */
export const AGE_BANDS = ['0-15', '16-30', '31-45', '46-90', '91+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const RESULT_RISK_BANDS = ['overdue', 'due_soon', 'on_track', 'no_due_date'] as const;
export const INM_NOTICE_STATES = ['in_time', 'late', 'overdue', 'running'] as const;
export const APPEAL_RESULTS = ['confirmed', 'revoked', 'sent_back', 'pending'] as const;

/** Every column a results table may have (catalog keys results.columns.*). */
export const RESULT_COLUMN_KEYS = ['countType', 'pendingStart', 'applied', 'convention', 'cartagena', 'surPlace', 'recognised', 'complementary',
  'rejected', 'otherwiseClosed', 'totalDecisions', 'pendingEnd', 'recognitionRate', 'totalProtectionRate', 'office', 'month', 'decisions',
  'withinTerm', 'withinTermShare', 'withinExtension', 'withinExtensionShare', 'medianDays', 'p90Days', 'ageBand', 'open', 'overdue', 'dueSoon',
  'notices', 'inTimeShare', 'windowsOpened', 'appealsLodged', 'lodgedInTime', 'windowsOpen', 'cohort', 'reviewed', 'returned', 'returnedShare',
  'section', 'minorErrors', 'significantErrors', 'revokedShare', 'interviews', 'checklistComplete', 'checklistCompleteShare', 'withGuarantees',
  'guaranteesMetBefore', 'guaranteesMetShare', 'officer', 'origin'] as const;
export type ResultColumnKey = (typeof RESULT_COLUMN_KEYS)[number];

/** Cells under this count are suppressed for observers and outside exports unless configured otherwise. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export type PeriodKind = 'year' | 'quarter' | 'month';
export interface Period {
  kind: PeriodKind;
  /** First day of the first month. */
  from: string;
  /** First day of the last month (summaries are monthly). */
  toMonth: string;
  /** First day after the period. */
  until: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (year: number, month: number) => {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${pad(m)}-01`;
};

/** `2025`, `2025-Q3` or `2025-07` as a period; null when the text is none of these. */
export function parsePeriod(text: string): Period | null {
  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    return { kind: 'year', from: monthStart(year, 1), toMonth: monthStart(year, 12), until: monthStart(year + 1, 1), label: text };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { kind: 'quarter', from: monthStart(year, first), toMonth: monthStart(year, first + 2), until: monthStart(year, first + 3), label: text };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return { kind: 'month', from: monthStart(year, month), toMonth: monthStart(year, month), until: monthStart(year, month + 1), label: text };
  }
  return null;
}

/** The twelve months ending with `month` (YYYY-MM-01), oldest first: the national head's trend window. */
export function trailingMonths(month: string, count = 12): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => monthStart(y, m - count + 1 + i));
}

export interface DecisionCounts {
  recognised: number;
  complementary: number;
  rejected: number;
}

/** Share as a percentage with one decimal, or null when nothing was decided. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Refugee recognition rate = recognised ÷ (recognised + complementary + rejected); otherwise closed excluded (domain.md §9). */
export function recognitionRate(c: DecisionCounts): number | null {
  return percent(c.recognised, c.recognised + c.complementary + c.rejected);
}

/** Total protection rate = (recognised + complementary) ÷ (recognised + complementary + rejected) (domain.md §9). */
export function totalProtectionRate(c: DecisionCounts): number | null {
  return percent(c.recognised + c.complementary, c.recognised + c.complementary + c.rejected);
}

export { percent as share };

/** One bar of a histogram of working days to decision. */
export interface DaysBin {
  days: number;
  n: number;
}

/**
 * The p-th percentile (0 < p ≤ 100) of working days to decision, nearest-rank (the smallest value
 * with at least p % of decisions at or below it): always a number of days somebody actually took.
 */
export function percentileDays(bins: readonly DaysBin[], p: number): number | null {
  const total = bins.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const bin of [...bins].toSorted((a, b) => a.days - b.days)) {
    seen += bin.n;
    if (seen >= rank) return bin.days;
  }
  return null;
}

/** The band of working days an open claim's decision clock has run. */
export function ageBand(days: number): AgeBand {
  if (days <= 15) return '0-15';
  if (days <= 30) return '16-30';
  if (days <= 45) return '31-45';
  if (days <= 90) return '46-90';
  return '91+';
}

/** What a suppressed cell shows instead of its number. */
export const suppressedMark = (threshold: number) => `<${threshold}`;

/**
 * A count as an observer or an outside reader may see it: 1 to threshold−1 become "<threshold"
 * (0 stays 0: an empty cell singles nobody out).
 */
export function suppressCount(n: number, threshold: number): number | string {
  return n > 0 && n < threshold ? suppressedMark(threshold) : n;
}

/** A rate is withheld when fewer than `threshold` decisions stand behind it. */
export function suppressRate(rate: number | null, denominator: number, threshold: number): number | string | null {
  return denominator > 0 && denominator < threshold ? suppressedMark(threshold) : rate;
}
