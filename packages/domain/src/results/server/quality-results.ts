import type { Queryable } from '@refugio/db';
import { APPEAL_RESULTS, type Period } from '../results.rules.ts';
import type { TResultTable } from '../results.schemas.ts';
import { presenter, table } from './present.ts';
import { officeScopeSql, type ResultsReader } from './results-reader.ts';

const cohortLabel = (p: ReturnType<typeof presenter>, cohort: string) => (cohort === 'unknown' ? p.t('results.cohortUnknown') : cohort);

/** Decisions submitted to review in the period per office and drafting officer's cohort: how many were returned. */
export async function reviews(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; cohort: string; reviewed: number; returned: number }>(
    `SELECT o.name AS office, x.cohort, sum(x.reviewed)::int AS reviewed, sum(x.returned)::int AS returned
       FROM results_reviews x JOIN offices o ON o.id = x.office_id
      WHERE x.month >= $1 AND x.month <= $2 AND ${scope} GROUP BY 1, 2 ORDER BY 1, 2`, params);
  return table('reviews', p.t('results.tables.reviews'), p.headers(['office', 'cohort', 'reviewed', 'returned', 'returnedShare']),
    rows.map((r) => [r.office, cohortLabel(p, r.cohort), p.n(r.reviewed), p.n(r.returned), p.pct(r.returned, r.reviewed)]),
    { kind: 'bar', category: 0, series: [4] });
}

/** Why decisions were returned: the reviewers' comments by heading of the EUAA Quality Assurance Tool and rating. */
export async function reviewReasons(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ section: string; minor: number; significant: number }>(
    `SELECT x.section, (sum(x.n) FILTER (WHERE x.rating = 'minor_error'))::int AS minor, (sum(x.n) FILTER (WHERE x.rating = 'significant_error'))::int AS significant
       FROM results_review_reasons x WHERE x.month >= $1 AND x.month <= $2 AND ${scope} GROUP BY 1 ORDER BY 1`, params);
  return table('review_reasons', p.t('results.tables.reviewReasons'), p.headers(['section', 'minorErrors', 'significantErrors']),
    rows.map((r) => [p.t(`decisions.headings.${r.section}`), p.n(r.minor ?? 0), p.n(r.significant ?? 0)]),
    { kind: 'stacked', category: 0, series: [1, 2] });
}

/** Appeals lodged in the period per office and cohort, by outcome (confirmed, revoked, sent back, pending). */
export async function appealOutcomes(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; cohort: string; outcome: string; n: number }>(
    `SELECT o.name AS office, x.cohort, x.outcome, sum(x.n)::int AS n FROM results_appeal_outcomes x JOIN offices o ON o.id = x.office_id
      WHERE x.month >= $1 AND x.month <= $2 AND ${scope} GROUP BY 1, 2, 3 ORDER BY 1, 2`, params);
  const groups = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = `${r.office}\u0000${r.cohort}`;
    groups.set(key, (groups.get(key) ?? new Map()).set(r.outcome, r.n));
  }
  return table('appeal_outcomes', p.t('results.tables.appealOutcomes'),
    [...p.headers(['office', 'cohort', 'appealsLodged']), ...APPEAL_RESULTS.map((o) => p.t(`results.appealResults.${o}`)), p.t('results.columns.revokedShare')],
    [...groups].map(([key, counts]) => {
      const [office, cohort] = key.split('\u0000') as [string, string];
      const total = [...counts.values()].reduce((s, n) => s + n, 0);
      const resolved = total - (counts.get('pending') ?? 0);
      return [office, cohortLabel(p, cohort), p.n(total), ...APPEAL_RESULTS.map((o) => p.n(counts.get(o) ?? 0)), p.pct(counts.get('revoked') ?? 0, resolved)];
    }),
    { kind: 'stacked', category: 0, series: APPEAL_RESULTS.map((_, i) => i + 3) });
}

/** Interviews held in the period per office: checklist complete; guarantees that govern the interview met before it. */
export async function interviewQuality(db: Queryable, reader: ResultsReader, period: Period): Promise<TResultTable> {
  const p = presenter(reader);
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'x.office_id', params);
  const { rows } = await db.query<{ office: string; interviews: number; complete: number; with_guarantees: number; met: number }>(
    `SELECT o.name AS office, sum(x.interviews)::int AS interviews, sum(x.checklist_complete)::int AS complete,
            sum(x.with_guarantees)::int AS with_guarantees, sum(x.guarantees_met_before)::int AS met
       FROM results_interviews x JOIN offices o ON o.id = x.office_id
      WHERE x.month >= $1 AND x.month <= $2 AND ${scope} GROUP BY 1 ORDER BY 1`, params);
  return table('interviews', p.t('results.tables.interviews'),
    p.headers(['office', 'interviews', 'checklistComplete', 'checklistCompleteShare', 'withGuarantees', 'guaranteesMetBefore', 'guaranteesMetShare']),
    rows.map((r) => [r.office, p.n(r.interviews), p.n(r.complete), p.pct(r.complete, r.interviews), p.n(r.with_guarantees), p.n(r.met),
      p.pct(r.met, r.with_guarantees)]),
    { kind: 'bar', category: 0, series: [3, 6] });
}
