import type { Queryable } from '@refugio/db';
import { widestScope } from '../../../shared/permissions.ts';
import { translate } from '../../../i18n/catalogs.ts';
import { AppError } from '../../../shared/errors.ts';
import { actorOf, type Actor, type RequestContext } from '../../../shared/context.ts';
import type { ReportTable } from '../export.ts';
import type { TrainingReportName, TTrainingReportQuery } from '../reports.schemas.ts';
import { officeCondition } from '../../../shared/scope.ts';
import { localDaySql, TODAY_SQL } from '../../../shared/time.ts';


/** SQL condition on an office id column for the reader's report scope; params appended. */
function officeScope(actor: Actor, column: string, params: unknown[]): string {
  const condition = officeCondition(actor, 'read', 'report', column, params);
  if (!condition) throw new AppError('FORBIDDEN');
  return condition;
}


/**
 * People trained (ADR 017: both parts done, i.e. a competency granted by training and not
 * revoked) per module, format, institution and office, and the hours delivered to them: the module's online
 * hours plus the session's scheduled face-to-face time, per trained person. A person working in
 * two offices counts in both.
 */
async function trained(db: Queryable, actor: Actor, query: TTrainingReportQuery): Promise<ReportTable> {
  const params: unknown[] = [actor.language, query.from, query.to];
  const scope = officeScope(actor, 'o.id', params);
  const { rows } = await db.query<{ code: string; title: string; format: string; institution: string; office: string; people: number; hours: number }>(
    `SELECT m.code, coalesce(m.title ->> $1, m.title ->> 'es-MX') AS title, s.format, i.name AS institution, o.name AS office,
            count(DISTINCT e.user_id)::int AS people,
            round(sum(m.online_hours + coalesce((SELECT sum(extract(epoch FROM d.ends_at - d.starts_at)) / 3600
                                                  FROM training_session_days d WHERE d.session_id = s.id), 0))::numeric, 1)::float8 AS hours
       FROM (SELECT DISTINCT enrolment_id FROM competency_grants
              WHERE source = 'training' AND revoked_at IS NULL AND granted_on BETWEEN $2::date AND $3::date) g
       JOIN training_enrolments e ON e.id = g.enrolment_id
       JOIN training_sessions s ON s.id = e.session_id
       JOIN training_modules m ON m.id = s.module_id
       JOIN user_offices uo ON uo.user_id = e.user_id
       JOIN offices o ON o.id = uo.office_id
       JOIN institutions i ON i.id = o.institution_id
      WHERE ${scope}
      GROUP BY m.code, 2, s.format, i.name, o.name ORDER BY m.code, s.format, i.name, o.name`, params);
  return {
    title: translate(actor.language, 'trainingReports.reports.trained'),
    headers: [translate(actor.language, 'trainingReports.columns.module'), translate(actor.language, 'trainingReports.columns.format'), translate(actor.language, 'trainingReports.columns.institution'), translate(actor.language, 'trainingReports.columns.office'), translate(actor.language, 'trainingReports.columns.people'), translate(actor.language, 'trainingReports.columns.hours')],
    rows: rows.map((r) => [`${r.code} · ${r.title}`, translate(actor.language, `trainingSessions.formats.${r.format}`), r.institution, r.office, r.people, r.hours]),
  };
}

/** Today's coverage: per office, the share of its active eligibility officers holding each competency the gating rules require. */
async function coverage(db: Queryable, actor: Actor): Promise<ReportTable> {
  const params: unknown[] = [actor.language];
  const scope = officeScope(actor, 'o.id', params);
  const today = TODAY_SQL;
  const { rows } = await db.query<{ office: string; competency: string; officers: number; holders: number }>(
    `WITH officers AS (
       SELECT DISTINCT uo.office_id, u.id FROM users u
         JOIN user_offices uo ON uo.user_id = u.id
         JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.code = 'eligibility_officer'
        WHERE u.active)
     SELECT o.name AS office, coalesce(c.title ->> $1, c.title ->> 'es-MX') AS competency, count(*)::int AS officers,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM competency_grants g
                WHERE g.user_id = f.id AND g.competency_code = c.code
                  AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, ${today})))::int AS holders
       FROM officers f JOIN offices o ON o.id = f.office_id
       CROSS JOIN (SELECT DISTINCT competency_code AS code FROM competency_gating_rules WHERE active) req
       JOIN competencies c ON c.code = req.code
      WHERE ${scope}
      GROUP BY o.name, 2 ORDER BY o.name, 2`, params);
  return {
    title: translate(actor.language, 'trainingReports.reports.coverage'),
    headers: [translate(actor.language, 'trainingReports.columns.office'), translate(actor.language, 'trainingReports.columns.competency'), translate(actor.language, 'trainingReports.columns.officers'), translate(actor.language, 'trainingReports.columns.holders'), translate(actor.language, 'trainingReports.columns.share')],
    rows: rows.map((r) => [r.office, r.competency, r.officers, r.holders, r.officers ? Math.round((r.holders / r.officers) * 1000) / 10 : null]),
  };
}

/**
 * The indicator the programme exists to move: of the assignments of flagged claims (a flag a
 * gating rule names, active when the claim was assigned), the share given to an officer who then
 * held every competency those flags require, per month; overrides counted apart. Computed from
 * the flags, rules and grants as the system knew them at each assignment (a certificate recorded
 * later, even if dated earlier, does not count), so it also covers assignments made before
 * gating was switched on.
 */
async function indicator(db: Queryable, actor: Actor, query: TTrainingReportQuery): Promise<ReportTable> {
  const params: unknown[] = [query.from, query.to];
  const scope = officeScope(actor, 'c.office_id', params);
  const day = localDaySql('a.assigned_at');
  const required = `SELECT r.competency_code FROM vulnerability_flags f
      JOIN competency_gating_rules r ON r.need_code = f.category AND r.active
     WHERE f.claim_id = a.claim_id AND f.recorded_at <= a.assigned_at AND (f.withdrawn_at IS NULL OR f.withdrawn_at > a.assigned_at)`;
  const { rows } = await db.query<{ month: string; flagged: number; competent: number; overridden: number }>(
    `SELECT to_char(x.day, 'YYYY-MM') AS month, count(*)::int AS flagged,
            count(*) FILTER (WHERE x.competent)::int AS competent, count(*) FILTER (WHERE x.overridden)::int AS overridden
       FROM (SELECT ${day} AS day, a.override_reason IS NOT NULL AS overridden,
                    NOT EXISTS (SELECT 1 FROM (${required}) req WHERE NOT EXISTS (
                      SELECT 1 FROM competency_grants g WHERE g.user_id = a.officer_id AND g.competency_code = req.competency_code
                         AND g.recorded_at <= a.assigned_at AND g.granted_on <= ${day} AND (g.expires_on IS NULL OR g.expires_on > ${day})
                         AND (g.revoked_at IS NULL OR g.revoked_at > a.assigned_at))) AS competent
               FROM claim_assignments a JOIN claims c ON c.id = a.claim_id
              WHERE ${day} BETWEEN $1::date AND $2::date AND ${scope} AND EXISTS (${required})) x
      GROUP BY 1 ORDER BY 1`, params);
  return {
    title: translate(actor.language, 'trainingReports.reports.indicator'),
    headers: [translate(actor.language, 'trainingReports.columns.month'), translate(actor.language, 'trainingReports.columns.flagged'), translate(actor.language, 'trainingReports.columns.competent'), translate(actor.language, 'trainingReports.columns.share'), translate(actor.language, 'trainingReports.columns.overridden')],
    rows: rows.map((r) => [r.month, r.flagged, r.competent, r.flagged ? Math.round((r.competent / r.flagged) * 1000) / 10 : null, r.overridden]),
  };
}

/** Trainers' load: sessions dated in the period (by online start, else first day), their days and participants. */
async function trainers(db: Queryable, actor: Actor, query: TTrainingReportQuery): Promise<ReportTable> {
  const params: unknown[] = [query.from, query.to];
  const scope = widestScope(actor.permissions, 'read', 'report') === 'all' ? 'true' : (params.push(actor.institutionId), `s.institution_id = $${params.length}`);
  const { rows } = await db.query<{ trainer: string; organisation: string; sessions: number; days: number; participants: number }>(
    `SELECT t.full_name AS trainer, t.organisation, count(DISTINCT s.id)::int AS sessions,
            coalesce(sum((SELECT count(*) FROM training_session_days d WHERE d.session_id = s.id)), 0)::int AS days,
            coalesce(sum((SELECT count(*) FROM training_enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled')), 0)::int AS participants
       FROM trainers t JOIN training_session_trainers st ON st.trainer_id = t.id JOIN training_sessions s ON s.id = st.session_id
      WHERE s.status <> 'cancelled' AND ${scope}
        AND coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id)) BETWEEN $1::date AND $2::date
      GROUP BY t.id, t.full_name, t.organisation ORDER BY sessions DESC, t.full_name`, params);
  return {
    title: translate(actor.language, 'trainingReports.reports.trainers'),
    headers: [translate(actor.language, 'trainingReports.columns.trainer'), translate(actor.language, 'trainingReports.columns.organisation'), translate(actor.language, 'trainingReports.columns.sessions'), translate(actor.language, 'trainingReports.columns.days'), translate(actor.language, 'trainingReports.columns.participants')],
    rows: rows.map((r) => [r.trainer, r.organisation, r.sessions, r.days, r.participants]),
  };
}

/** One training report as a table, within the reader's scope (office, institution or all). */
export async function trainingReport(db: Queryable, ctx: RequestContext, name: TrainingReportName, query: TTrainingReportQuery): Promise<ReportTable> {
  const actor = actorOf(ctx);
  if (name === 'trained') return trained(db, actor, query);
  if (name === 'coverage') return coverage(db, actor);
  if (name === 'indicator') return indicator(db, actor, query);
  return trainers(db, actor, query);
}
