import type { Queryable } from '@refugio/db';
import type { TResultTable } from '../results.schemas.ts';
import { presenter, table } from './present.ts';
import { officeScopeSql, type ResultsReader } from './results-reader.ts';

/**
 * The supervisor's workload: open claims per officer (as of the refresh), overdue and due within
 * ten working days, and those nobody holds yet. Names staff, never applicants; not shown to readers
 * who see suppressed aggregates.
 */
export async function officerWorkload(db: Queryable, reader: ResultsReader): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; officer: string | null; open: number; overdue: number; due_soon: number }>(
    `SELECT o.name AS office, u.full_name AS officer, sum(x.n)::int AS open,
            (sum(x.n) FILTER (WHERE x.risk_band = 'overdue'))::int AS overdue, (sum(x.n) FILTER (WHERE x.risk_band = 'due_soon'))::int AS due_soon
       FROM results_open_claims x JOIN offices o ON o.id = x.office_id LEFT JOIN users u ON u.id = x.officer_id
      WHERE ${scope} GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`, params);
  return table('workload', p.t('results.tables.workload'), p.headers(['office', 'officer', 'open', 'overdue', 'dueSoon']),
    rows.map((r) => [r.office, r.officer ?? p.t('results.unassigned'), r.open, r.overdue ?? 0, r.due_soon ?? 0]),
    { kind: 'stacked', category: 1, series: [3, 4] });
}
