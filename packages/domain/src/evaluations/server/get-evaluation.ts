import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/limits.ts';
import { computeTrainingImpact } from '../../training-impact/server/index.ts';
import { SMALL_NUMBER_THRESHOLD, type TTrainingImpact } from '../../training-impact/index.ts';
import { GOOD_PRACTICE_CRITERIA, type GoodPracticeCriterion, type TEvaluation } from '../evaluations.schemas.ts';
import { actionScope } from './list-evaluations.ts';

export interface GetEvaluationOptions {
  id: string;
  /** The language of the evidence written from the records (the reader's by default). */
  language?: Language;
  /** Counts under the threshold become null (outside readers, the exported report; ADR 046). */
  suppress?: boolean;
}

/** The action with the training impact of each module it taught (the PDF draws them). */
export interface LoadedEvaluation {
  evaluation: TEvaluation;
  impacts: TTrainingImpact[];
}

/** Months before and after the action that the impact compares (ADR 045's default window). */
const IMPACT_MONTHS = 12;

type Activity = TEvaluation['activities'][number];

async function loadActivities(db: Queryable, actionId: string, language: Language): Promise<Array<Activity & { enrolled: number; completed: number }>> {
  const { rows } = await db.query<Activity & { enrolled: number; completed: number }>(
    `SELECT s.id AS "sessionId", s.code, m.id AS "moduleId", m.code AS "moduleCode", coalesce(m.title ->> $2, m.title ->> 'es-MX') AS "moduleTitle", s.format,
            coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id))::text AS "firstDay",
            greatest(s.online_ends_on, (SELECT max(d.day) FROM training_session_days d WHERE d.session_id = s.id))::text AS "lastDay",
            (SELECT count(*) FROM training_enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled')::int AS enrolled,
            (SELECT count(DISTINCT e.id) FROM training_enrolments e JOIN competency_grants g ON g.enrolment_id = e.id AND g.source = 'training' AND g.revoked_at IS NULL
              WHERE e.session_id = s.id)::int AS completed,
            coalesce((SELECT jsonb_agg(jsonb_build_object('fullName', t.full_name, 'organisation', t.organisation, 'countryCode', t.country_code) ORDER BY st.lead DESC, t.full_name)
                        FROM training_session_trainers st JOIN trainers t ON t.id = st.trainer_id WHERE st.session_id = s.id), '[]') AS trainers
       FROM capacity_action_sessions cas JOIN training_sessions s ON s.id = cas.session_id JOIN training_modules m ON m.id = s.module_id
      WHERE cas.action_id = $1 ORDER BY 7 NULLS LAST, s.code`, [actionId, language]);
  return rows;
}

async function loadParticipants(db: Queryable, actionId: string): Promise<Array<{ institution: string; enrolled: number; completed: number }>> {
  const { rows } = await db.query<{ institution: string; enrolled: number; completed: number }>(
    `SELECT i.name AS institution, count(DISTINCT e.user_id)::int AS enrolled,
            count(DISTINCT e.user_id) FILTER (WHERE EXISTS (SELECT 1 FROM competency_grants g WHERE g.enrolment_id = e.id AND g.source = 'training' AND g.revoked_at IS NULL))::int AS completed
       FROM capacity_action_sessions cas JOIN training_enrolments e ON e.session_id = cas.session_id AND e.status = 'enrolled'
       JOIN users u ON u.id = e.user_id JOIN institutions i ON i.id = u.institution_id
      WHERE cas.action_id = $1 GROUP BY i.name ORDER BY enrolled DESC, i.name`, [actionId]);
  return rows;
}

/**
 * Replicability through national trainers: people of the beneficiary institution who completed
 * one of the action's sessions and are on the trainer roster; the sessions they taught after the
 * action ended, and the people who completed those.
 */
async function loadReplication(db: Queryable, actionId: string, institutionId: string, endsOn: string) {
  const { rows } = await db.query<{ trainers: number; sessions: number; completed: number }>(
    `WITH national AS (
       SELECT DISTINCT t.id FROM trainers t JOIN users u ON u.id = t.user_id AND u.institution_id = $2
         JOIN training_enrolments e ON e.user_id = u.id AND e.status = 'enrolled'
         JOIN capacity_action_sessions cas ON cas.session_id = e.session_id AND cas.action_id = $1),
     taught AS (
       SELECT DISTINCT s.id FROM training_session_trainers st JOIN training_sessions s ON s.id = st.session_id
        WHERE st.trainer_id IN (SELECT id FROM national) AND s.status <> 'cancelled'
          AND coalesce(s.online_starts_on, (SELECT min(d.day) FROM training_session_days d WHERE d.session_id = s.id)) > $3::date)
     SELECT (SELECT count(*) FROM national)::int AS trainers, (SELECT count(*) FROM taught)::int AS sessions,
            (SELECT count(DISTINCT e.user_id) FROM training_enrolments e JOIN competency_grants g ON g.enrolment_id = e.id AND g.source = 'training' AND g.revoked_at IS NULL
              WHERE e.session_id IN (SELECT id FROM taught))::int AS completed`, [actionId, institutionId, endsOn]);
  return rows[0]!;
}

/** Sessions whose participants came from more than one institution (peers learning side by side). */
async function loadMixedSessions(db: Queryable, actionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT e.session_id FROM capacity_action_sessions cas JOIN training_enrolments e ON e.session_id = cas.session_id AND e.status = 'enrolled'
         JOIN users u ON u.id = e.user_id WHERE cas.action_id = $1 GROUP BY e.session_id HAVING count(DISTINCT u.institution_id) > 1) x`, [actionId]);
  return rows[0]!.n;
}

/** The evidence the records give for the three criteria the system can speak to (ADR 047), as sentences. */
function evidenceFromData(language: Language, parts: {
  activities: Activity[]; participants: Array<{ institution: string; enrolled: number; completed: number }>;
  replication: { trainers: number; sessions: number; completed: number }; mixedSessions: number; impacts: TTrainingImpact[]; suppress: boolean;
}): Partial<Record<GoodPracticeCriterion, string[]>> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const n = (value: number | null) => (value === null || (parts.suppress && value < SMALL_NUMBER_THRESHOLD) ? '<5' : String(value));
  const completed = parts.participants.reduce((a, p) => a + p.completed, 0);
  const tangible = [t('evaluations.evidence.trained', { people: n(completed), sessions: parts.activities.length })];
  for (const impact of parts.impacts) {
    for (const m of impact.metrics) {
      const label = translate(language, `trainingImpact.metrics.${m.metric}`);
      const decisions = Object.values(m.cells).reduce((a, c) => a + (c.n ?? 0), 0);
      if (m.verdict === 'too_few' || m.estimate === null || m.low === null || m.high === null) {
        tangible.push(t('evaluations.evidence.impactTooFew', { module: impact.module.code, measure: label, decisions: n(decisions) }));
        continue;
      }
      const scale = m.metric === 'working_days' ? 1 : 100;
      const unit = translate(language, m.metric === 'working_days' ? 'trainingImpact.units.days' : 'trainingImpact.units.points');
      const fmt = (v: number) => (Math.round(v * scale * 10) / 10).toLocaleString(language, { signDisplay: 'exceptZero' });
      tangible.push(t('evaluations.evidence.impact', {
        module: impact.module.code, measure: label, estimate: fmt(m.estimate), low: fmt(m.low), high: fmt(m.high), unit,
        decisions: n(decisions), verdict: translate(language, `trainingImpact.verdicts.${m.verdict}`),
      }));
    }
  }
  const countries = [...new Set(parts.activities.flatMap((a) => a.trainers.map((tr) => tr.countryCode)))].toSorted();
  const organisations = new Set(parts.activities.flatMap((a) => a.trainers.map((tr) => tr.organisation)));
  return {
    tangible_results: tangible,
    replicability: [t('evaluations.evidence.nationalTrainers', { trainers: n(parts.replication.trainers), sessions: parts.replication.sessions, people: n(parts.replication.completed) })],
    knowledge_exchange: [
      t('evaluations.evidence.trainersFrom', { countries: countries.join(', ') || '—', organisations: organisations.size }),
      t('evaluations.evidence.institutions', { count: parts.participants.length, names: parts.participants.map((p) => p.institution).join(', ') || '—' }),
      t('evaluations.evidence.mixedSessions', { sessions: parts.mixedSessions, total: parts.activities.length }),
    ],
  };
}

/** An action with its activities, participants and the ten criteria, evidence from the records included (ADR 047). */
export async function loadEvaluation(db: Queryable, ctx: RequestContext, options: GetEvaluationOptions): Promise<LoadedEvaluation> {
  const actor = actorOf(ctx);
  const language = options.language ?? actor.language;
  const suppress = Boolean(options.suppress);
  const params: unknown[] = [options.id, actor.operationId];
  const scope = actionScope(ctx, 'a.institution_id', params);
  const action = (await db.query<{ id: string; institution_id: string; institution: string; title: string; kind: TEvaluation['kind']; funder: string;
    objectives: string; partners: string[]; starts_on: string; ends_on: string; version: number }>(
    `SELECT a.id, a.institution_id, i.name AS institution, a.title, a.kind, a.funder, a.objectives, a.partners, a.starts_on::text, a.ends_on::text, a.version
       FROM capacity_actions a JOIN institutions i ON i.id = a.institution_id WHERE a.id = $1 AND a.operation_id = $2 AND ${scope}`, params)).rows[0];
  if (!action) throw new AppError('NOT_FOUND');
  const [activities, participants, replication, mixedSessions, written] = await Promise.all([
    loadActivities(db, action.id, language), loadParticipants(db, action.id), loadReplication(db, action.id, action.institution_id, action.ends_on),
    loadMixedSessions(db, action.id),
    db.query<{ criterion: GoodPracticeCriterion; rating: TEvaluation['criteria'][number]['rating']; assessment: string; evidence: string }>(
      'SELECT criterion, rating, assessment, evidence FROM capacity_action_criteria WHERE action_id = $1', [action.id]),
  ]);
  // The impact of each module the action taught, over the action's dates, in the reader's scope.
  const modules = [...new Set(activities.map((a) => a.moduleId))];
  const impacts: TTrainingImpact[] = [];
  for (const moduleId of modules) {
    impacts.push(await computeTrainingImpact(db, { ...ctx, actor: { ...actor, language } }, {
      query: { moduleId, from: action.starts_on, to: action.ends_on, months: IMPACT_MONTHS }, suppress }));
  }
  const fromData = evidenceFromData(language, { activities, participants, replication, mixedSessions, impacts, suppress });
  const hide = (value: number) => (suppress && value < SMALL_NUMBER_THRESHOLD ? null : value);
  const byCriterion = new Map(written.rows.map((r) => [r.criterion, r]));
  return {
    impacts,
    evaluation: {
      id: action.id, institution: { id: action.institution_id, name: action.institution }, title: action.title, kind: action.kind, funder: action.funder,
      objectives: action.objectives, partners: action.partners, startsOn: action.starts_on, endsOn: action.ends_on, version: action.version,
      activities: activities.map((a) => ({ ...a, enrolled: hide(a.enrolled), completed: hide(a.completed) })),
      participants: participants.map((p) => ({ institution: p.institution, enrolled: hide(p.enrolled), completed: hide(p.completed) })),
      criteria: GOOD_PRACTICE_CRITERIA.map((criterion) => {
        const row = byCriterion.get(criterion);
        return { criterion, rating: row?.rating ?? 'not_assessed', assessment: row?.assessment ?? '', evidence: row?.evidence ?? '', fromData: fromData[criterion] ?? null };
      }),
    },
  };
}

export async function getEvaluation(db: Queryable, ctx: RequestContext, options: GetEvaluationOptions): Promise<TEvaluation> {
  return (await loadEvaluation(db, ctx, options)).evaluation;
}
