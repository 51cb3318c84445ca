import type { Queryable } from '@refugio/db';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { officeCondition } from '../../shared/scope.ts';
import { DEFAULT_TIME_ZONE, localDaySql } from '../../shared/time.ts';
import {
  differenceInDifferences, IMPACT_METRICS, impactWindows, SMALL_NUMBER_THRESHOLD, type ImpactMetric, type OfficerCell,
} from '../training-impact.rules.ts';
import type { TTrainingImpact, TTrainingImpactQuery } from '../training-impact.schemas.ts';

export interface ComputeTrainingImpactOptions {
  query: Pick<TTrainingImpactQuery, 'moduleId' | 'from' | 'to' | 'months'>;
  /** Replace counts under the threshold by null (observers; exports for outside use, ADR 046). */
  suppress?: boolean;
}

type Row = { officer: string; trained: boolean; before: boolean } & Record<`${ImpactMetric}_n` | `${ImpactMetric}_sum`, number>;

/**
 * The per-officer sums behind the comparison (ADR 045), from the source tables:
 * - trained: officers granted the module's competencies through an enrolment in one of its
 *   sessions dated within the action's range; untrained: officers who drafted decisions and held
 *   none of the module's competencies by the end of the after window (officers trained in the
 *   module otherwise — another session, an external certificate — are left out of both groups);
 * - a decision counts on the day it was signed (Mexico City), in the window before the action or
 *   the window after it, for the officer who drafted it, if its claim's office is in the reader's
 *   scope; non-substantive closures (abandonment, withdrawal) are no decisions here;
 * - working days from the decision clock's start to the signature, less its pauses; within the
 *   deadline when signed on or before the clock's due day (extension included); returned at review
 *   when it went to review more than once; revoked on appeal among the appeals resolved; guarantees
 *   met when every applicable guarantee of the claim was met by the signature.
 */
async function officerSums(db: Queryable, actor: Actor, query: ComputeTrainingImpactOptions['query'], windows: ReturnType<typeof impactWindows>): Promise<Row[]> {
  const params: unknown[] = [query.moduleId, query.from, query.to, windows.before.from, windows.after.to, DEFAULT_TIME_ZONE];
  const scope = officeCondition(actor, 'read', 'report', 'c.office_id', params);
  if (!scope) throw new AppError('FORBIDDEN');
  const signedDay = localDaySql('d.signed_at', '$6::text');
  const sums = IMPACT_METRICS.map((m) => `count(x.${m})::int AS ${m}_n, coalesce(sum(x.${m}), 0)::float8 AS ${m}_sum`).join(', ');
  const { rows } = await db.query<Row>(
    `WITH trained AS (
       SELECT DISTINCT g.user_id FROM competency_grants g
         JOIN training_enrolments e ON e.id = g.enrolment_id
         JOIN training_sessions s ON s.id = e.session_id
        WHERE g.source = 'training' AND g.revoked_at IS NULL AND s.module_id = $1 AND s.status <> 'cancelled'
          AND coalesce(s.online_starts_on, (SELECT min(sd.day) FROM training_session_days sd WHERE sd.session_id = s.id)) BETWEEN $2::date AND $3::date),
     excluded AS (
       SELECT DISTINCT g.user_id FROM competency_grants g
        WHERE g.competency_code IN (SELECT competency_code FROM training_module_competencies WHERE module_id = $1)
          AND g.granted_on <= $5::date AND g.user_id NOT IN (SELECT user_id FROM trained)),
     -- The decisions compared, found by the signature-day index, each read once.
     sel AS MATERIALIZED (
       SELECT d.id, d.claim_id, d.drafted_by, d.signed_at, d.review_round, ${signedDay} AS signed_day
         FROM decisions d JOIN claims c ON c.id = d.claim_id
        WHERE d.signed_at >= ($4::date::timestamp AT TIME ZONE $6::text) AND d.signed_at < (($5::date + 1)::timestamp AT TIME ZONE $6::text)
          AND d.status IN ('signed', 'superseded') AND d.drafted_by IS NOT NULL
          AND d.outcome NOT IN ('abandoned', 'withdrawn')
          AND d.drafted_by NOT IN (SELECT user_id FROM excluded)
          AND ${scope}),
     appealed AS (
       SELECT a.decision_id, bool_or(a.outcome = 'revoked') AS revoked FROM appeals a
        WHERE a.status = 'resolved' AND a.decision_id IN (SELECT id FROM sel) GROUP BY a.decision_id),
     guaranteed AS (
       SELECT cg.claim_id, cg.signed_at, bool_and(cg.status = 'met' AND cg.decided_at <= cg.signed_at) AS all_met
         FROM (SELECT g.claim_id, g.status, g.decided_at, sel.signed_at FROM claim_guarantees g JOIN sel ON sel.claim_id = g.claim_id
                WHERE g.status <> 'not_applicable') cg GROUP BY cg.claim_id, cg.signed_at),
     x AS (
       SELECT sel.drafted_by AS officer, t.user_id IS NOT NULL AS trained, sel.signed_day < $2::date AS before,
              (s1.ordinal - s0.ordinal - k.paused_working_days)::float8 AS working_days,
              CASE WHEN k.due_on IS NOT NULL THEN (sel.signed_day <= k.due_on)::int END AS within_deadline,
              (sel.review_round > 1)::int AS returned_at_review,
              ap.revoked::int AS revoked_on_appeal,
              gu.all_met::int AS guarantees_met
         FROM sel
         LEFT JOIN trained t ON t.user_id = sel.drafted_by
         LEFT JOIN claim_clocks k ON k.claim_id = sel.claim_id AND k.kind = 'decision'
         LEFT JOIN calendar_days s0 ON s0.calendar_id = k.calendar_id AND s0.day = k.started_on
         LEFT JOIN calendar_days s1 ON s1.calendar_id = k.calendar_id AND s1.day = sel.signed_day
         LEFT JOIN appealed ap ON ap.decision_id = sel.id
         LEFT JOIN guaranteed gu ON gu.claim_id = sel.claim_id AND gu.signed_at = sel.signed_at
        WHERE sel.signed_day < $2::date OR sel.signed_day > $3::date)
     SELECT officer, trained, before, ${sums} FROM x GROUP BY officer, trained, before`, params);
  return rows;
}

/** The training impact of a module's action, before and after, trained against untrained, within the reader's scope. */
export async function computeTrainingImpact(db: Queryable, ctx: RequestContext, options: ComputeTrainingImpactOptions): Promise<TTrainingImpact> {
  const actor = actorOf(ctx);
  const { query } = options;
  const module = (await db.query<{ id: string; code: string; title: string }>(
    `SELECT id, code, coalesce(title ->> $2, title ->> 'es-MX') AS title FROM training_modules WHERE id = $1 AND operation_id = $3`,
    [query.moduleId, actor.language, actor.operationId])).rows[0];
  if (!module) throw new AppError('NOT_FOUND');
  const windows = impactWindows(query.from, query.to, query.months);
  const rows = await officerSums(db, actor, query, windows);
  const metrics = IMPACT_METRICS.map((metric) => differenceInDifferences(metric, rows.map((r): OfficerCell => ({
    officer: r.officer, group: r.trained ? 'trained' : 'untrained', period: r.before ? 'before' : 'after', n: r[`${metric}_n`], sum: r[`${metric}_sum`],
  }))));
  const officers = (trained: boolean) => new Set(rows.filter((r) => r.trained === trained).map((r) => r.officer)).size;
  const hide = (value: number) => (options.suppress && value < SMALL_NUMBER_THRESHOLD ? null : value);
  return {
    module,
    action: { from: query.from, to: query.to },
    windows,
    officers: { trained: hide(officers(true)), untrained: hide(officers(false)) },
    metrics: metrics.map((m) => ({
      ...m,
      cells: Object.fromEntries(Object.entries(m.cells).map(([key, cell]) => [key, {
        n: hide(cell.n), officers: hide(cell.officers), mean: options.suppress && cell.n < SMALL_NUMBER_THRESHOLD ? null : cell.mean,
      }])) as TTrainingImpact['metrics'][number]['cells'],
    })),
    suppressed: Boolean(options.suppress),
    computedAt: new Date().toISOString(),
  };
}
