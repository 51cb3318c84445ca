import type { Queryable } from '@refugio/db';
import { recognitionRate, totalProtectionRate, type Period } from '../results.rules.ts';
import type { TResultTable } from '../results.schemas.ts';
import { deadlineFigures } from './deadline-results.ts';
import { presenter, table } from './present.ts';
import { officeScopeSql, type ResultsReader } from './results-reader.ts';
import { rsdCells, type RsdCell } from './rsd-statistics.ts';

const onMerits = (c: RsdCell) => c.convention + c.cartagena + c.surPlace + c.complementary + c.rejected;
const rates = (c: RsdCell) => ({ recognised: c.convention + c.cartagena + c.surPlace, complementary: c.complementary, rejected: c.rejected });

/**
 * The offices side by side for the period, in persons: applications, decisions, the two UNHCR
 * rates, the share decided within the term and the median working days, pending at the end and
 * overdue now.
 */
export async function officesCompared(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const cells = (await rsdCells(db, reader, period, ['office'])).filter((c) => c.countType === 'P');
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 't.office_id', params);
  const overdueParams: unknown[] = [];
  const overdueScope = officeScopeSql(reader, 't.office_id', overdueParams);
  const [times, overdue] = await Promise.all([
    db.query<{ office: string; days: number; term: number; extension: number; n: number }>(
      `SELECT o.name AS office, t.days, t.term, t.extension, t.n FROM results_decision_times t JOIN offices o ON o.id = t.office_id
        WHERE t.month >= $1 AND t.month <= $2 AND ${scope}`, params),
    db.query<{ office: string; n: number }>(
      `SELECT o.name AS office, sum(t.n)::int AS n FROM results_open_claims t JOIN offices o ON o.id = t.office_id
        WHERE t.overdue AND ${overdueScope} GROUP BY 1`, overdueParams),
  ]);
  const rows = cells.map((c) => {
    const office = c.dims.office!;
    const f = deadlineFigures(times.rows.filter((r) => r.office === office));
    const decided = onMerits(c);
    const rr = recognitionRate(rates(c));
    const tp = totalProtectionRate(rates(c));
    return [office, p.n(c.applied), p.n(decided + c.otherwiseClosed), p.stat(rr, decided), p.stat(tp, decided), p.pct(f.withinTerm, f.decisions), p.stat(f.median, f.decisions), p.n(c.pendingEnd),
      p.n(overdue.rows.find((r) => r.office === office)?.n ?? 0)];
  });
  return table('offices_compared', p.t('results.tables.officesCompared'),
    p.headers(['office', 'applied', 'totalDecisions', 'recognitionRate', 'totalProtectionRate', 'withinTermShare', 'medianDays', 'pendingEnd', 'overdue']),
    rows, { kind: 'bar', category: 0, series: [3, 4, 5] });
}

/** Month by month over the period (persons): applications, decisions, pending at the end of the month, recognition rate. */
export async function monthlyTrend(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'office_id', params);
  const { rows } = await db.query<{ month: string; applied: number; decided: number; recognised: number; on_merits: number; pending: number }>(
    `WITH months AS (SELECT generate_series($1::date, $2::date, interval '1 month')::date AS month),
     a AS (SELECT month, sum(n)::int AS n FROM results_applications WHERE count_type = 'P' AND ${scope} GROUP BY month),
     d AS (SELECT month, sum(n)::int AS n,
                  (sum(n) FILTER (WHERE outcome IN ('refugee_convention', 'refugee_cartagena', 'refugee_sur_place')))::int AS recognised,
                  (sum(n) FILTER (WHERE outcome NOT IN ('abandoned', 'withdrawn')))::int AS on_merits
             FROM results_first_decisions WHERE count_type = 'P' AND ${scope} GROUP BY month)
     SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(a.n, 0) AS applied, coalesce(d.n, 0) AS decided,
            coalesce(d.recognised, 0) AS recognised, coalesce(d.on_merits, 0) AS on_merits,
            ((SELECT coalesce(sum(n), 0) FROM a a2 WHERE a2.month <= m.month) - (SELECT coalesce(sum(n), 0) FROM d d2 WHERE d2.month <= m.month))::int AS pending
       FROM months m LEFT JOIN a ON a.month = m.month LEFT JOIN d ON d.month = m.month ORDER BY m.month`, params);
  return table('trend', p.t('results.tables.trend'), p.headers(['month', 'applied', 'totalDecisions', 'pendingEnd', 'recognitionRate']),
    rows.map((r) => [r.month, p.n(r.applied), p.n(r.decided), p.n(r.pending), p.pct(r.recognised, r.on_merits)]),
    { kind: 'line', category: 0, series: [1, 2, 3] });
}

/** The countries of origin with most applications in the period (persons), with their rates. */
export async function topOrigins(db: Queryable, reader: ResultsReader, period: Period, limit = 10): Promise<TResultTable> {
  const p = presenter(reader);
  const cells = (await rsdCells(db, reader, period, ['origin'])).filter((c) => c.countType === 'P')
    .toSorted((a, b) => b.applied - a.applied || (a.dims.origin ?? '').localeCompare(b.dims.origin ?? '')).slice(0, limit);
  return table('origins', p.t('results.tables.origins'), p.headers(['origin', 'applied', 'totalDecisions', 'recognitionRate', 'totalProtectionRate']),
    cells.map((c) => [c.dims.origin === 'UNK' ? p.t('results.originUnknown') : c.dims.origin!, p.n(c.applied), p.n(onMerits(c) + c.otherwiseClosed),
      p.stat(recognitionRate(rates(c)), onMerits(c)), p.stat(totalProtectionRate(rates(c)), onMerits(c))]),
    { kind: 'bar', category: 0, series: [1] });
}
