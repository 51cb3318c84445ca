/**
 * Difference in differences between officers trained in an action and officers not trained,
 * before and after it (ADR 045). The estimate is the change among the trained minus the change
 * among the others; its uncertainty is a normal-approximation 95 % interval from a variance
 * clustered by officer, because the officer is the unit that was trained and one officer's
 * decisions resemble each other (a bootstrap would need every decision; this needs only the
 * per-officer sums the database returns).
 */

export const IMPACT_METRICS = ['working_days', 'within_deadline', 'returned_at_review', 'revoked_on_appeal', 'guarantees_met'] as const;
export type ImpactMetric = (typeof IMPACT_METRICS)[number];

/** Whether a lower value is the better one (days, returns, revocations) or a higher one (shares met). */
export const LOWER_IS_BETTER: Record<ImpactMetric, boolean> = {
  working_days: true,
  within_deadline: false,
  returned_at_review: true,
  revoked_on_appeal: true,
  guarantees_met: false,
};

export const IMPACT_GROUPS = ['trained', 'untrained'] as const;
export type ImpactGroup = (typeof IMPACT_GROUPS)[number];
export const IMPACT_PERIODS = ['before', 'after'] as const;
export type ImpactPeriod = (typeof IMPACT_PERIODS)[number];

/** Below these, the figure is "too few to tell" (ADR 045): decisions in any of the four cells, officers in either group. */
export const MIN_DECISIONS_PER_CELL = 20;
export const MIN_OFFICERS_PER_GROUP = 3;
/** Two-sided 95 % normal quantile. */
const Z95 = 1.959963984540054;

/** One officer's decisions in one period, for one metric: how many count and the sum of their values (0/1 for shares). */
export interface OfficerCell {
  officer: string;
  group: ImpactGroup;
  period: ImpactPeriod;
  n: number;
  sum: number;
}

export interface CellSummary {
  /** Decisions behind the figure. */
  n: number;
  officers: number;
  /** Mean (days) or share (0–1); null without decisions. */
  mean: number | null;
}

export const IMPACT_VERDICTS = ['too_few', 'no_clear_difference', 'improved', 'worsened'] as const;
export type ImpactVerdict = (typeof IMPACT_VERDICTS)[number];

export interface MetricImpact {
  metric: ImpactMetric;
  cells: Record<`${ImpactGroup}_${ImpactPeriod}`, CellSummary>;
  /** (trained after − trained before) − (untrained after − untrained before); null when a cell is empty. */
  estimate: number | null;
  standardError: number | null;
  low: number | null;
  high: number | null;
  verdict: ImpactVerdict;
}

const cellKey = (group: ImpactGroup, period: ImpactPeriod) => `${group}_${period}` as const;
const SIGN: Record<`${ImpactGroup}_${ImpactPeriod}`, number> = { trained_after: 1, trained_before: -1, untrained_after: -1, untrained_before: 1 };

/** The difference in differences of one metric from per-officer sums, with its clustered interval and verdict. */
export function differenceInDifferences(metric: ImpactMetric, rows: readonly OfficerCell[]): MetricImpact {
  const totals = new Map<string, { n: number; sum: number; officers: Set<string> }>();
  for (const group of IMPACT_GROUPS) for (const period of IMPACT_PERIODS) totals.set(cellKey(group, period), { n: 0, sum: 0, officers: new Set() });
  for (const row of rows) {
    if (row.n <= 0) continue;
    const total = totals.get(cellKey(row.group, row.period))!;
    total.n += row.n;
    total.sum += row.sum;
    total.officers.add(row.officer);
  }
  const cells = Object.fromEntries([...totals].map(([key, t]) => [key, { n: t.n, officers: t.officers.size, mean: t.n > 0 ? t.sum / t.n : null }])) as MetricImpact['cells'];
  const means = Object.values(cells).map((c) => c.mean);
  if (means.some((m) => m === null)) return { metric, cells, estimate: null, standardError: null, low: null, high: null, verdict: 'too_few' };
  const estimate = cells.trained_after.mean! - cells.trained_before.mean! - cells.untrained_after.mean! + cells.untrained_before.mean!;

  // Each officer's influence on the estimate: the sum over the cells they appear in of
  // sign × (their sum − their n × the cell's mean) ÷ the cell's n; the clustered variance is the
  // sum of squared influences with the small-sample factor G ÷ (G − 1).
  const influence = new Map<string, number>();
  for (const row of rows) {
    if (row.n <= 0) continue;
    const key = cellKey(row.group, row.period);
    const cell = cells[key];
    influence.set(row.officer, (influence.get(row.officer) ?? 0) + (SIGN[key] * (row.sum - row.n * cell.mean!)) / cell.n);
  }
  const clusters = influence.size;
  const variance = clusters > 1 ? (clusters / (clusters - 1)) * [...influence.values()].reduce((acc, v) => acc + v * v, 0) : Number.NaN;
  const standardError = Number.isFinite(variance) ? Math.sqrt(variance) : null;
  const low = standardError === null ? null : estimate - Z95 * standardError;
  const high = standardError === null ? null : estimate + Z95 * standardError;
  const officers = (group: ImpactGroup) => new Set(rows.filter((r) => r.group === group && r.n > 0).map((r) => r.officer)).size;
  const tooFew = Object.values(cells).some((c) => c.n < MIN_DECISIONS_PER_CELL)
    || IMPACT_GROUPS.some((g) => officers(g) < MIN_OFFICERS_PER_GROUP) || low === null || high === null;
  return { metric, cells, estimate, standardError, low, high, verdict: tooFew ? 'too_few' : verdictOf(metric, low, high) };
}

function verdictOf(metric: ImpactMetric, low: number, high: number): ImpactVerdict {
  if (low <= 0 && high >= 0) return 'no_clear_difference';
  const lowered = high < 0;
  return lowered === LOWER_IS_BETTER[metric] ? 'improved' : 'worsened';
}

/**
 * The before and after windows around an action: `months` whole months before its first day and
 * after its last; decisions signed while the action ran belong to neither.
 */
export function impactWindows(from: string, to: string, months: number): { before: { from: string; to: string }; after: { from: string; to: string } } {
  return {
    before: { from: addMonths(from, -months), to: addDays(from, -1) },
    after: { from: addDays(to, 1), to: addMonths(to, months) },
  };
}

function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (31 March − 1 month = 28/29 February). */
function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Counts under the threshold are shown as "<5" in anything that leaves the system (ADR 046). */
export const SMALL_NUMBER_THRESHOLD = 5;

/**
 * Readers who handle neither claims nor training (the observer, the auditor) see aggregates with
 * small numbers suppressed, as does every export, which may leave the institution (ADR 046).
 */
export function readsFromOutside(permissions: Iterable<string>): boolean {
  return ![...permissions].some((p) => p.startsWith('read:claim:') || p.startsWith('manage:training:'));
}
