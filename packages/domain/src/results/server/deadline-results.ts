import type { Queryable } from '@refugio/db';
import { AGE_BANDS, INM_NOTICE_STATES, percentileDays, RESULT_RISK_BANDS, type DaysBin, type Period } from '../results.rules.ts';
import type { TResultTable } from '../results.schemas.ts';
import { presenter, table } from './present.ts';
import { officeScopeSql, type ResultsReader } from './results-reader.ts';

interface TimeRow { office: string; month: string; days: number; term: number; extension: number; n: number }

/** The histogram of working days to first decision on the merits, per office and month, for the period. */
async function decisionTimes(db: Queryable, reader: ResultsReader, period: Period): Promise<TimeRow[]> {
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 't.office_id', params);
  const { rows } = await db.query<TimeRow>(
    `SELECT o.name AS office, to_char(t.month, 'YYYY-MM') AS month, t.days, t.term, t.extension, t.n
       FROM results_decision_times t JOIN offices o ON o.id = t.office_id
      WHERE t.month >= $1 AND t.month <= $2 AND ${scope}`, params);
  return rows;
}

export interface DeadlineFigures {
  decisions: number;
  withinTerm: number;
  withinExtension: number;
  median: number | null;
  p90: number | null;
}

/**
 * Decided within the term: working days taken ≤ the clock's term (45, LRPCPAP art. 24), the
 * 45th day itself included; within the extension: ≤ term + the one-time extension granted.
 */
export function deadlineFigures(rows: readonly Pick<TimeRow, 'days' | 'term' | 'extension' | 'n'>[]): DeadlineFigures {
  const bins = new Map<number, number>();
  let decisions = 0;
  let withinTerm = 0;
  let withinExtension = 0;
  for (const r of rows) {
    decisions += r.n;
    if (r.days <= r.term) withinTerm += r.n;
    if (r.days <= r.term + r.extension) withinExtension += r.n;
    bins.set(r.days, (bins.get(r.days) ?? 0) + r.n);
  }
  const hist: DaysBin[] = [...bins].map(([days, n]) => ({ days, n }));
  return { decisions, withinTerm, withinExtension, median: percentileDays(hist, 50), p90: percentileDays(hist, 90) };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return new Map([...out].toSorted(([a], [b]) => a.localeCompare(b, 'es')));
}

const TIME_COLUMNS = ['decisions', 'withinTerm', 'withinTermShare', 'withinExtension', 'withinExtensionShare', 'medianDays', 'p90Days'] as const;

function timeRow(p: ReturnType<typeof presenter>, f: DeadlineFigures) {
  return [p.n(f.decisions), p.n(f.withinTerm), p.pct(f.withinTerm, f.decisions), p.n(f.withinExtension), p.pct(f.withinExtension, f.decisions),
    p.stat(f.median, f.decisions), p.stat(f.p90, f.decisions)];
}

/** Per office for the whole period: shares within the term and the extension, median and p90 working days. */
export async function decisionTimesByOffice(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const rows = await decisionTimes(db, reader, period);
  const out = [...groupBy(rows, (r) => r.office)].map(([office, rs]) => [office, ...timeRow(p, deadlineFigures(rs))]);
  return table('decision_times_by_office', p.t('results.tables.decisionTimesByOffice'), p.headers(['office', ...TIME_COLUMNS]), out,
    { kind: 'bar', category: 0, series: [3, 5] });
}

/** Per office and month, the same figures. */
export async function decisionTimesByMonth(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const rows = await decisionTimes(db, reader, period);
  const out = [...groupBy(rows, (r) => `${r.office}\u0000${r.month}`)].map(([key, rs]) => [...key.split('\u0000'), ...timeRow(p, deadlineFigures(rs))]);
  return table('decision_times_by_month', p.t('results.tables.decisionTimesByMonth'), p.headers(['office', 'month', ...TIME_COLUMNS]), out);
}

/** Per month over the offices in scope: the trend of the share decided within the term. */
export async function decisionTimesTrend(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const rows = await decisionTimes(db, reader, period);
  const out = [...groupBy(rows, (r) => r.month)].map(([month, rs]) => [month, ...timeRow(p, deadlineFigures(rs))]);
  return table('decision_times_trend', p.t('results.tables.decisionTimesTrend'), p.headers(['month', ...TIME_COLUMNS]), out,
    { kind: 'line', category: 0, series: [3, 5] });
}

/** Open claims now (as of the refresh) per office: working days run, in bands; overdue. */
export async function openClaimsByAge(db: Queryable, reader: ResultsReader): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; band: string; overdue: boolean; n: number }>(
    `SELECT o.name AS office, x.age_band AS band, x.overdue, sum(x.n)::int AS n FROM results_open_claims x JOIN offices o ON o.id = x.office_id
      WHERE ${scope} GROUP BY 1, 2, 3`, params);
  const out = [...groupBy(rows, (r) => r.office)].map(([office, rs]) => {
    const band = (b: string) => rs.filter((r) => r.band === b).reduce((s, r) => s + r.n, 0);
    const total = rs.reduce((s, r) => s + r.n, 0);
    return [office, ...AGE_BANDS.map((b) => p.n(band(b))), p.n(total), p.n(rs.filter((r) => r.overdue).reduce((s, r) => s + r.n, 0))];
  });
  return table('open_by_age', p.t('results.tables.openByAge'),
    [p.t('results.columns.office'), ...AGE_BANDS.map((b) => p.t('results.columns.ageBand', { band: b })), p.t('results.columns.open'), p.t('results.columns.overdue')],
    out, { kind: 'stacked', category: 0, series: AGE_BANDS.map((_, i) => i + 1) });
}

/** Open claims now per office by the risk band of their due date (the supervisor's queue colours). */
export async function openClaimsByRisk(db: Queryable, reader: ResultsReader): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; band: string; n: number }>(
    `SELECT o.name AS office, x.risk_band AS band, sum(x.n)::int AS n FROM results_open_claims x JOIN offices o ON o.id = x.office_id
      WHERE ${scope} GROUP BY 1, 2`, params);
  const out = [...groupBy(rows, (r) => r.office)].map(([office, rs]) =>
    [office, ...RESULT_RISK_BANDS.map((b) => p.n(rs.find((r) => r.band === b)?.n ?? 0))]);
  return table('risk_bands', p.t('results.tables.riskBands'),
    [p.t('results.columns.office'), ...RESULT_RISK_BANDS.map((b) => p.t(`results.riskBands.${b}`))], out,
    { kind: 'stacked', category: 0, series: RESULT_RISK_BANDS.map((_, i) => i + 1) });
}

/** The 72-hour notice to INM (Reglamento art. 22) per office and month of the expressed wish. */
export async function inmNotices(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; month: string; state: string; n: number }>(
    `SELECT o.name AS office, to_char(x.month, 'YYYY-MM') AS month, x.state, x.n FROM results_inm_notices x JOIN offices o ON o.id = x.office_id
      WHERE x.month >= $1 AND x.month <= $2 AND ${scope}`, params);
  const out = [...groupBy(rows, (r) => `${r.office}\u0000${r.month}`)].map(([key, rs]) => {
    const count = (s: string) => rs.find((r) => r.state === s)?.n ?? 0;
    const total = rs.reduce((s, r) => s + r.n, 0);
    return [...key.split('\u0000'), p.n(total), ...INM_NOTICE_STATES.map((s) => p.n(count(s))), p.pct(count('in_time'), total - count('running'))];
  });
  return table('inm_notices', p.t('results.tables.inmNotices'),
    [...p.headers(['office', 'month', 'notices']), ...INM_NOTICE_STATES.map((s) => p.t(`results.noticeStates.${s}`)), p.t('results.columns.inTimeShare')], out);
}

/** The 15-working-day appeal window (LRPCPAP art. 25) per office and month of notification. */
export async function appealWindows(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; month: string; opened: number; lodged: number; in_time: number; still_open: number }>(
    `SELECT o.name AS office, to_char(x.month, 'YYYY-MM') AS month, x.opened, x.lodged, x.lodged_in_time AS in_time, x.still_open
       FROM results_appeal_windows x JOIN offices o ON o.id = x.office_id
      WHERE x.month >= $1 AND x.month <= $2 AND ${scope} ORDER BY 1, 2`, params);
  return table('appeal_windows', p.t('results.tables.appealWindows'),
    p.headers(['office', 'month', 'windowsOpened', 'appealsLodged', 'lodgedInTime', 'windowsOpen']),
    rows.map((r) => [r.office, r.month, p.n(r.opened), p.n(r.lodged), p.n(r.in_time), p.n(r.still_open)]));
}

