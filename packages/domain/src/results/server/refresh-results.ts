import type { Database, Queryable } from '@refugio/db';
import { CLOCK_DEFINITIONS } from '../../calendars/index.ts';
import { OPEN_STATUSES } from '../../procedure/index.ts';
import { TODAY_SQL } from '../../shared/time.ts';

/** The summary tables one refresh rebuilds, in the order it writes them (ADR 040). */
export const RESULT_SUMMARIES = ['results_applications', 'results_first_decisions', 'results_decision_times', 'results_open_claims',
  'results_inm_notices', 'results_appeal_windows', 'results_appeal_outcomes', 'results_reviews', 'results_review_reasons',
  'results_interviews'] as const;

const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const month = (instant: string) => `date_trunc('month', (${instant} AT TIME ZONE o.time_zone))::date`;

// The first decision of each claim: signed on the merits (kept when an appeal later sent it back,
// status superseded) or a recorded closure. Drafts superseded before signature have no signed_at.
const FIRST_DECISIONS = `SELECT DISTINCT ON (d.claim_id) d.claim_id, d.id, d.outcome, d.status, d.signed_at
    FROM decisions d WHERE d.signed_at IS NOT NULL AND d.status IN ('signed', 'superseded', 'recorded')
   ORDER BY d.claim_id, d.signed_at, d.id`;

// Every member of every claim with the cell they count in: origin (first nationality), sex, and the
// UNHCR age group on the day of lodging (in the office's zone).
const MEMBERS = `SELECT c.id AS claim_id, c.office_id, m.person_id, m.relation = 'principal' AS principal, o.time_zone,
         ${month('c.lodged_at')} AS lodged_month,
         coalesce(p.nationalities[1], 'UNK') AS origin, coalesce(p.sex, 'unknown') AS sex,
         CASE WHEN p.birth_date IS NULL THEN 'unknown'
              WHEN age((c.lodged_at AT TIME ZONE o.time_zone)::date, p.birth_date) < interval '5 years' THEN '0-4'
              WHEN age((c.lodged_at AT TIME ZONE o.time_zone)::date, p.birth_date) < interval '12 years' THEN '5-11'
              WHEN age((c.lodged_at AT TIME ZONE o.time_zone)::date, p.birth_date) < interval '18 years' THEN '12-17'
              WHEN age((c.lodged_at AT TIME ZONE o.time_zone)::date, p.birth_date) < interval '60 years' THEN '18-59'
              ELSE '60+' END AS age_group
    FROM claims c JOIN offices o ON o.id = c.office_id
    JOIN claim_members m ON m.claim_id = c.id JOIN persons p ON p.id = m.person_id`;

// The year the drafting officer was first assigned a claim: the cohort officers are compared in.
const COHORTS = `SELECT officer_id, extract(year FROM min(assigned_at))::int::text AS cohort FROM claim_assignments GROUP BY officer_id`;

/** One INSERT … SELECT per summary; each reads the operational tables as one snapshot (one transaction). */
const STATEMENTS: Record<(typeof RESULT_SUMMARIES)[number], string> = {
  results_applications: `
    INSERT INTO results_applications (month, office_id, origin, sex, age_group, count_type, n)
    SELECT lodged_month, office_id, origin, sex, age_group, t.count_type, count(*)
      FROM (${MEMBERS}) x CROSS JOIN (VALUES ('P'), ('C')) AS t(count_type)
     WHERE t.count_type = 'P' OR x.principal
     GROUP BY 1, 2, 3, 4, 5, 6`,
  results_first_decisions: `
    INSERT INTO results_first_decisions (month, office_id, origin, sex, age_group, count_type, outcome, n)
    SELECT date_trunc('month', fd.signed_at AT TIME ZONE x.time_zone)::date, x.office_id, x.origin, x.sex, x.age_group, t.count_type,
           coalesce(po.outcome, fd.outcome), count(*)
      FROM (${MEMBERS}) x JOIN (${FIRST_DECISIONS}) fd ON fd.claim_id = x.claim_id
      LEFT JOIN decision_person_outcomes po ON po.decision_id = fd.id AND po.person_id = x.person_id
      CROSS JOIN (VALUES ('P'), ('C')) AS t(count_type)
     WHERE t.count_type = 'P' OR x.principal
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  // Working days from day 0 of the decision clock to the day of signature, pauses deducted
  // (LFPA art. 28 counting, ADR 009): the same ordinals add_working_days() reads.
  results_decision_times: `
    INSERT INTO results_decision_times (month, office_id, days, term, extension, n)
    SELECT x.month, x.office_id, x.days, x.term, x.extension, count(*)
      FROM (SELECT ${month('fd.signed_at')} AS month, c.office_id, k.working_days AS term, k.extension_days AS extension,
                   (SELECT dd.ordinal FROM calendar_days dd WHERE dd.calendar_id = k.calendar_id AND dd.day = (fd.signed_at AT TIME ZONE o.time_zone)::date)
                   - (SELECT d0.ordinal FROM calendar_days d0 WHERE d0.calendar_id = k.calendar_id AND d0.day = k.started_on) - k.paused_working_days AS days
              FROM (${FIRST_DECISIONS}) fd JOIN claims c ON c.id = fd.claim_id JOIN offices o ON o.id = c.office_id
              JOIN claim_clocks k ON k.claim_id = c.id AND k.kind = 'decision'
             WHERE fd.status <> 'recorded') x
     WHERE x.days IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5`,
  results_open_claims: `
    WITH today AS (SELECT ${TODAY_SQL} AS day),
    soon AS (SELECT cal.id AS calendar_id, add_working_days(cal.id, (SELECT day FROM today), 10) AS day FROM calendars cal)
    INSERT INTO results_open_claims (office_id, officer_id, age_band, risk_band, overdue, n)
    SELECT c.office_id, c.assigned_officer_id,
           CASE WHEN x.days IS NULL OR x.days <= 15 THEN '0-15' WHEN x.days <= 30 THEN '16-30' WHEN x.days <= 45 THEN '31-45'
                WHEN x.days <= 90 THEN '46-90' ELSE '91+' END,
           CASE WHEN c.decision_due_on IS NULL THEN 'no_due_date' WHEN c.decision_due_on < (SELECT day FROM today) THEN 'overdue'
                WHEN c.decision_due_on <= s.day THEN 'due_soon' ELSE 'on_track' END,
           coalesce(c.decision_due_on < (SELECT day FROM today), false), count(*)
      FROM claims c
      LEFT JOIN soon s ON s.calendar_id = c.calendar_id
      LEFT JOIN LATERAL (
        SELECT (SELECT ordinal FROM calendar_days WHERE calendar_id = k.calendar_id AND day = coalesce(k.paused_since, (SELECT day FROM today)))
               - d0.ordinal - k.paused_working_days AS days
          FROM claim_clocks k JOIN calendar_days d0 ON d0.calendar_id = k.calendar_id AND d0.day = k.started_on
         WHERE k.claim_id = c.id AND k.kind = 'decision') x ON true
     WHERE c.status IN ${OPEN}
     GROUP BY 1, 2, 3, 4, 5`,
  results_inm_notices: `
    INSERT INTO results_inm_notices (month, office_id, state, n)
    SELECT ${month('k.started_at')}, c.office_id,
           CASE WHEN k.state = 'stopped' AND k.stopped_at <= k.due_at THEN 'in_time' WHEN k.state = 'stopped' THEN 'late'
                WHEN now() > k.due_at THEN 'overdue' ELSE 'running' END, count(*)
      FROM claim_clocks k JOIN claims c ON c.id = k.claim_id JOIN offices o ON o.id = c.office_id
     WHERE k.kind = 'inm_notice'
     GROUP BY 1, 2, 3`,
  // Each notified decision on the merits opens its own window (a decision sent back and decided
  // again opens another): due the N-th working day after the day of notification.
  results_appeal_windows: `
    INSERT INTO results_appeal_windows (month, office_id, opened, lodged, lodged_in_time, still_open)
    SELECT ${month('n.notified_at')}, c.office_id, count(*), count(a.lodged_on),
           count(*) FILTER (WHERE a.lodged_on <= add_working_days(c.calendar_id, (n.notified_at AT TIME ZONE o.time_zone)::date, ${CLOCK_DEFINITIONS.appeal.workingDays!})),
           count(*) FILTER (WHERE a.lodged_on IS NULL
             AND add_working_days(c.calendar_id, (n.notified_at AT TIME ZONE o.time_zone)::date, ${CLOCK_DEFINITIONS.appeal.workingDays!}) >= ${TODAY_SQL})
      FROM decision_notifications n JOIN decisions d ON d.id = n.decision_id
      JOIN claims c ON c.id = d.claim_id JOIN offices o ON o.id = c.office_id
      LEFT JOIN LATERAL (SELECT min(lodged_on) AS lodged_on FROM appeals WHERE decision_id = d.id) a ON true
     WHERE d.outcome NOT IN ('abandoned', 'withdrawn')
     GROUP BY 1, 2`,
  results_appeal_outcomes: `
    INSERT INTO results_appeal_outcomes (month, office_id, cohort, outcome, n)
    SELECT date_trunc('month', a.lodged_on)::date, c.office_id, coalesce(h.cohort, 'unknown'), coalesce(a.outcome, 'pending'), count(*)
      FROM appeals a JOIN decisions d ON d.id = a.decision_id JOIN claims c ON c.id = a.claim_id
      LEFT JOIN (${COHORTS}) h ON h.officer_id = d.drafted_by
     GROUP BY 1, 2, 3, 4`,
  results_reviews: `
    INSERT INTO results_reviews (month, office_id, cohort, reviewed, returned)
    SELECT ${month('d.submitted_at')}, c.office_id, coalesce(h.cohort, 'unknown'), count(*),
           count(*) FILTER (WHERE d.review_round > 1 OR d.status = 'returned')
      FROM decisions d JOIN claims c ON c.id = d.claim_id JOIN offices o ON o.id = c.office_id
      LEFT JOIN (${COHORTS}) h ON h.officer_id = d.drafted_by
     WHERE d.submitted_at IS NOT NULL
     GROUP BY 1, 2, 3`,
  results_review_reasons: `
    INSERT INTO results_review_reasons (month, office_id, section, rating, n)
    SELECT ${month('r.created_at')}, c.office_id, r.section, r.rating, count(*)
      FROM decision_review_comments r JOIN decisions d ON d.id = r.decision_id
      JOIN claims c ON c.id = d.claim_id JOIN offices o ON o.id = c.office_id
     WHERE r.rating IN ('minor_error', 'significant_error') AND (d.review_round > 1 OR d.status = 'returned')
     GROUP BY 1, 2, 3, 4`,
  // A guarantee governs the interview when its type says so; it was met before the interview when
  // decided met before the interview began. Needs identified after the interview do not count.
  results_interviews: `
    INSERT INTO results_interviews (month, office_id, interviews, checklist_complete, with_guarantees, guarantees_met_before)
    SELECT ${month('i.started_at')}, c.office_id, count(*),
           count(*) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM jsonb_path_query(t.content, '$.stages[*].checklist[*].id') AS item(id)
              WHERE NOT EXISTS (SELECT 1 FROM interview_checklist ck WHERE ck.interview_id = i.id AND ck.item_id = item.id #>> '{}' AND ck.done))),
           count(*) FILTER (WHERE g.due > 0), count(*) FILTER (WHERE g.due > 0 AND g.due = g.met)
      FROM interviews i JOIN interview_templates t ON t.id = i.template_id
      JOIN claims c ON c.id = i.claim_id JOIN offices o ON o.id = c.office_id
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE cg.status <> 'not_applicable') AS due,
               count(*) FILTER (WHERE cg.status = 'met' AND cg.decided_at <= i.started_at) AS met
          FROM claim_guarantees cg JOIN guarantee_types gt ON gt.code = cg.guarantee_code AND gt.governs_interview
         WHERE cg.claim_id = i.claim_id AND cg.person_id = i.person_id AND cg.created_at <= i.started_at) g ON true
     WHERE i.status = 'signed'
     GROUP BY 1, 2`,
};

export interface RefreshResult {
  refreshedAt: string;
  durationMs: number;
  rows: number;
  /** Milliseconds per summary rebuilt. */
  timings: Record<string, number>;
}

/**
 * Rebuilds every results summary from the operational tables in one transaction: readers see the
 * previous summaries until it commits, then all the new ones at once, all "as of" the same time.
 * Two API processes never rebuild together (a transaction-level advisory lock; the second skips).
 */
export async function refreshResults(db: Database): Promise<RefreshResult | null> {
  const started = performance.now();
  return db.transaction(async (tx) => {
    const lock = await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('refugio.results_refresh')) AS ok`);
    if (!lock.rows[0]?.ok) return null;
    let rows = 0;
    const timings: Record<string, number> = {};
    for (const table of RESULT_SUMMARIES) {
      const t0 = performance.now();
      await tx.query(`DELETE FROM ${table}`);
      const inserted = await tx.query(STATEMENTS[table]);
      rows += inserted.rowCount ?? 0;
      timings[table] = Math.round(performance.now() - t0);
    }
    const durationMs = Math.round(performance.now() - started);
    const { rows: stamp } = await tx.query<{ at: Date }>(
      `INSERT INTO results_refreshes (name, refreshed_at, duration_ms, row_count) VALUES ('results', now(), $1, $2)
       ON CONFLICT (operation_id, name) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, duration_ms = EXCLUDED.duration_ms,
         row_count = EXCLUDED.row_count RETURNING refreshed_at AS at`, [durationMs, rows]);
    return { refreshedAt: new Date(stamp[0]!.at).toISOString(), durationMs, rows, timings };
  });
}

/** When the summaries were last rebuilt, or null if never. */
export async function resultsAsOf(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ at: Date }>(`SELECT refreshed_at AS at FROM results_refreshes WHERE name = 'results'`);
  return rows[0] ? new Date(rows[0].at).toISOString() : null;
}

/** Rebuilds the summaries when the last rebuild is older than `minutes` (or never happened). */
export async function refreshResultsIfStale(db: Database, minutes: number): Promise<RefreshResult | null> {
  const asOf = await resultsAsOf(db);
  if (asOf && Date.now() - Date.parse(asOf) < minutes * 60_000) return null;
  return refreshResults(db);
}
