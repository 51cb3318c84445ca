import type { Queryable } from '@refugio/db';
import type { Language } from '../../shared/limits.ts';
import { isCoiOutdated, type CoiSourceStatus, type CoiTopic } from '../coi.rules.ts';
import { formatCoiCitation } from './coi-citation.ts';
import type { TCitedSource } from '../assessment.schemas.ts';
import type { TCoiSource } from '../coi.schemas.ts';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A source row as the library reads it; `excerpt` is the expression to select (cut in lists). */
export const coiSourceColumns = (alias = 's', excerpt = `${alias}.excerpt`) => `${alias}.id, ${alias}.title, ${alias}.publisher,
    to_char(${alias}.published_on, 'YYYY-MM-DD') AS "publishedOn", to_char(${alias}.accessed_on, 'YYYY-MM-DD') AS "accessedOn",
    ${alias}.url, ${alias}.language, ${alias}.countries, ${alias}.topics, ${excerpt} AS excerpt, ${alias}.file_name AS "fileName",
    ${alias}.sha256, ${alias}.size_bytes AS "sizeBytes", ${alias}.status, ${alias}.retired_reason AS "retiredReason",
    ${ISO(`${alias}.retired_at`)} AS "retiredAt", ${ISO(`${alias}.created_at`)} AS "createdAt", ${alias}.version`;

export interface CoiSourceRow {
  id: string;
  title: string;
  publisher: string;
  publishedOn: string;
  accessedOn: string;
  url: string | null;
  language: string;
  countries: string[];
  topics: CoiTopic[];
  excerpt: string;
  fileName: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  status: CoiSourceStatus;
  retiredReason: string | null;
  retiredAt: string | null;
  createdAt: string;
  version: number;
  createdBy?: string | null;
  rank?: number | null;
}

/** How a reader sees ages and citations: their language, today, their authority's limit. */
export interface CoiReading {
  language: Language;
  today: string;
  maxAgeYears: number;
}

export function presentCoiSource(row: CoiSourceRow, reading: CoiReading): TCoiSource {
  const outdated = isCoiOutdated(row.publishedOn, reading.today, reading.maxAgeYears);
  return {
    id: row.id, title: row.title, publisher: row.publisher, publishedOn: row.publishedOn, accessedOn: row.accessedOn, url: row.url,
    language: row.language, countries: row.countries, topics: row.topics, excerpt: row.excerpt,
    file: row.fileName && row.sha256 ? { fileName: row.fileName, sha256: row.sha256, sizeBytes: row.sizeBytes ?? 0 } : null,
    status: row.status, retiredReason: row.retiredReason, retiredAt: row.retiredAt, outdated,
    citation: formatCoiCitation(row, reading.language, { outdated: outdated && { maxAgeYears: reading.maxAgeYears } }),
    rank: row.rank ?? null, createdBy: row.createdBy ?? null, createdAt: row.createdAt, version: row.version,
  };
}

/** A cited source as an assessment and the decision show it. */
export function presentCitedSource(row: Pick<CoiSourceRow, 'id' | 'title' | 'publisher' | 'publishedOn' | 'accessedOn' | 'url' | 'status'>,
  reading: CoiReading): TCitedSource {
  const outdated = isCoiOutdated(row.publishedOn, reading.today, reading.maxAgeYears);
  return {
    id: row.id, title: row.title, publisher: row.publisher, publishedOn: row.publishedOn, accessedOn: row.accessedOn, url: row.url,
    status: row.status, outdated,
    citation: formatCoiCitation(row, reading.language, { outdated: outdated && { maxAgeYears: reading.maxAgeYears } }),
  };
}

/** One source of the operation, whole. */
export async function loadCoiSource(db: Queryable, operationId: number, id: string): Promise<CoiSourceRow | undefined> {
  const { rows } = await db.query<CoiSourceRow>(
    `SELECT ${coiSourceColumns()}, u.full_name AS "createdBy" FROM coi_sources s LEFT JOIN users u ON u.id = s.created_by
      WHERE s.id = $1 AND s.operation_id = $2`, [id, operationId]);
  return rows[0];
}
