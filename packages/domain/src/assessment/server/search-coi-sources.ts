import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import { COI_SEARCH_CAP } from '../coi.rules.ts';
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
 *
 * One statement in three steps (ADR 056): the matches are read newest first up to COI_SEARCH_CAP
 * (an index walk for a word most sources contain, the text index for a rare one), only those are
 * ranked and counted, and only the page's rows are built with their excerpt and creator.
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
  if (words) {
    params.push(words);
    const tsquery = TSQUERY(`$${params.length}`);
    where.push(`s.search @@ ${tsquery}`);
    // Cover density rewards the words close together; normalisation 1 divides by the log of the length,
    // so a long excerpt that mentions everything once does not outrank a title that names the subject.
    rank = `ts_rank_cd(m.search, ${tsquery}, 1)`;
  }
  params.push(COI_SEARCH_CAP + 1, query.limit, query.offset);
  const [cap, limit, offset] = [params.length - 2, params.length - 1, params.length];
  // One after the other: `db` may be a single client (a transaction), which runs one query at a time.
  const maxAgeYears = await coiMaxAgeYears(db, actor.institutionId);
  const rows = await db.query<Partial<CoiSourceRow> & { matched: number }>(
      `WITH matched AS (
         SELECT s.id, s.published_on${words ? ', s.search' : ''}, row_number() OVER (ORDER BY s.published_on DESC, s.id) AS n
           FROM coi_sources s
          WHERE ${where.join(' AND ')}
          ORDER BY s.published_on DESC, s.id LIMIT $${cap}),
       page AS (
         SELECT m.id, m.published_on, ${rank} AS rank FROM matched m WHERE m.n < $${cap}
          ORDER BY rank DESC NULLS LAST, m.published_on DESC, m.id LIMIT $${limit} OFFSET $${offset})
       SELECT (SELECT count(*) FROM matched)::int AS matched, p.rank, ${coiSourceColumns('s', `left(s.excerpt, ${LIST_EXCERPT_CHARS})`)},
              u.full_name AS "createdBy"
         FROM (SELECT 1) one
         LEFT JOIN page p ON true
         LEFT JOIN coi_sources s ON s.id = p.id
         LEFT JOIN users u ON u.id = s.created_by
        ORDER BY p.rank DESC NULLS LAST, p.published_on DESC, p.id`, params);
  const reading = { language: actor.language, today: todayIn(), maxAgeYears };
  const matched = rows.rows[0]?.matched ?? 0;
  return {
    items: rows.rows.filter((row) => row.id).map((row) => presentCoiSource(row as CoiSourceRow, reading)),
    total: Math.min(matched, COI_SEARCH_CAP),
    more: matched > COI_SEARCH_CAP,
    maxAgeYears,
  };
}
