import type { Queryable } from '@refugio/db';
import { todayIn } from '../../shared/time.ts';
import { DEFAULT_COI_MAX_AGE_YEARS, isCoiOutdated } from '../coi.rules.ts';
import { coiMaxAgeYears } from './coi-settings.ts';

export interface CitedCoi {
  /** COI citations across the assessment's facts. */
  citations: number;
  /** Distinct sources cited, with their date and whether each is older than the limit. */
  sources: Array<{ id: string; title: string; publishedOn: string; outdated: boolean }>;
  maxAgeYears: number;
  /** At least one cited source is within the limit. */
  citesCurrentCoi: boolean;
}

/**
 * What COI a claim's assessment cites, and whether any of it is within `maxAgeYears` (the claim's
 * authority's limit when not given). A negative decision must rest on current information about
 * the country (EUAA practical guide on evidence assessment, external consistency; EUAA COI
 * methodology); older sources may stand beside it, marked as such in the citation.
 */
export async function assessmentCitesCoi(db: Queryable, claimId: string, maxAgeYears?: number): Promise<CitedCoi> {
  const [cited, office] = await Promise.all([
    db.query<{ id: string; title: string; publishedOn: string; citations: number }>(
      `SELECT s.id, s.title, to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn", count(*)::int AS citations
         FROM claim_assessments a JOIN material_facts f ON f.assessment_id = a.id JOIN fact_evidence e ON e.fact_id = f.id
         JOIN coi_sources s ON s.id = e.coi_source_id
        WHERE a.claim_id = $1 GROUP BY s.id ORDER BY s.published_on DESC, s.id`, [claimId]),
    db.query<{ institution_id: string; time_zone: string }>(
      'SELECT o.institution_id, o.time_zone FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1', [claimId]),
  ]);
  const place = office.rows[0];
  const limit = maxAgeYears ?? (place ? await coiMaxAgeYears(db, place.institution_id) : DEFAULT_COI_MAX_AGE_YEARS);
  const today = todayIn(place?.time_zone);
  const sources = cited.rows.map((s) => ({ id: s.id, title: s.title, publishedOn: s.publishedOn, outdated: isCoiOutdated(s.publishedOn, today, limit) }));
  return {
    citations: cited.rows.reduce((n, s) => n + s.citations, 0), sources, maxAgeYears: limit, citesCurrentCoi: sources.some((s) => !s.outdated),
  };
}
