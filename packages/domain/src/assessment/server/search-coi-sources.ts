import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TCoiSearchQuery, TCoiSearchResult } from '../coi.schemas.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { coiSourceColumns, presentCoiSource, type CoiSourceRow } from './coi-source-view.ts';

export interface SearchCoiSourcesOptions {
  query: TCoiSearchQuery;
}

/** Lists show the start of the excerpt; a source's page shows it whole. */
const LIST_EXCERPT_CHARS = 600;

/**
 * The tsquery of a search: the words as Spanish, as English and as typed (publishers' names), OR-ed,
 * each with accents folded like the indexed text (`search`, ADR 028), so "violacion" finds
 * "violación" and "pandillas" finds "pandilla". `websearch_to_tsquery` reads quotes and "-word"
 * as people type them and never fails on stray punctuation.
 */
const TSQUERY = (param: string) => `(websearch_to_tsquery('spanish', refugio_unaccent(${param}))
  || websearch_to_tsquery('english', refugio_unaccent(${param})) || websearch_to_tsquery('simple', refugio_unaccent(${param})))`;

/**
 * Searches the library (ADR 029): full text in Spanish and English, ranked (title above excerpt
 * above publisher), filtered by country, topic and date of publication; without words, the newest
 * first. Retired sources only when asked for. Each source is marked when older than the reader's
 * authority's limit and carries the citation a decision would print.
 */
export async function searchCoiSources(db: Queryable, ctx: RequestContext, options: SearchCoiSourcesOptions): Promise<TCoiSearchResult> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:coi:all')) throw new AppError('FORBIDDEN');
  const { query } = options;
  const params: unknown[] = [actor.operationId];
  const where = ['s.operation_id = $1'];
  if (!query.includeRetired) where.push(`s.status = 'active'`);
  if (query.country) {
    params.push([query.country]);
    where.push(`s.countries @> $${params.length}::text[]`);
  }
  if (query.topic) {
    params.push([query.topic]);
    where.push(`s.topics @> $${params.length}::text[]`);
  }
  if (query.publishedFrom) {
    params.push(query.publishedFrom);
    where.push(`s.published_on >= $${params.length}::date`);
  }
  if (query.publishedTo) {
    params.push(query.publishedTo);
    where.push(`s.published_on <= $${params.length}::date`);
  }
  const words = query.q?.trim() ?? '';
  let rank = 'NULL::real';
  let order = 's.published_on DESC, s.id';
  if (words) {
    params.push(words);
    const tsquery = TSQUERY(`$${params.length}`);
    where.push(`s.search @@ ${tsquery}`);
    // Cover density rewards the words close together; normalisation 1 divides by the log of the length,
    // so a long excerpt that mentions everything once does not outrank a title that names the subject.
    rank = `ts_rank_cd(s.search, ${tsquery}, 1)`;
    order = 'rank DESC, s.published_on DESC, s.id';
  }
  params.push(query.limit, query.offset);
  const [rows, maxAgeYears] = await Promise.all([
    db.query<CoiSourceRow & { total: number }>(
      `SELECT ${coiSourceColumns('s', `left(s.excerpt, ${LIST_EXCERPT_CHARS})`)}, u.full_name AS "createdBy", ${rank} AS rank,
              count(*) OVER ()::int AS total
         FROM coi_sources s LEFT JOIN users u ON u.id = s.created_by
        WHERE ${where.join(' AND ')}
        ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params),
    coiMaxAgeYears(db, actor.institutionId),
  ]);
  const reading = { language: actor.language, today: todayIn(), maxAgeYears };
  return {
    items: rows.rows.map((row) => presentCoiSource(row, reading)),
    total: rows.rows[0]?.total ?? 0,
    maxAgeYears,
  };
}
