import type { DatabaseKind } from '@refugio/db';

/**
 * A Refugio backup is one gzip-compressed JSON-lines file, the same for PGlite and PostgreSQL,
 * so either can restore what the other wrote:
 *
 *   {"format":"refugio-backup","version":1,…header}
 *   {"@":"table","name":"operations","rows":1}
 *   {"id":1,"code":"mx",…}                      one row_to_json object per row
 *   …
 *   {"@":"end","tables":13,"rows":842}
 *
 * Rows are PostgreSQL's own JSON rendering of each row, read back with json_populate_recordset,
 * so every type (timestamps, arrays, jsonb, bytea) round-trips through PostgreSQL's casts.
 * A file without the end marker is incomplete and is refused.
 */
export const BACKUP_FORMAT = 'refugio-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupSequence {
  name: string;
  /** As text: a bigint may exceed 2^53. */
  value: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  database: { kind: DatabaseKind; serverVersion: string };
  /** schema_migrations as it was: the restore rebuilds exactly this schema before loading rows. */
  migrations: Array<{ name: string; appliedAt: string }>;
  /** In load order: a table comes after the tables its foreign keys point to. */
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface TableMarker {
  '@': 'table';
  name: string;
  rows: number;
}

export interface EndMarker {
  '@': 'end';
  tables: number;
  rows: number;
}

/** Marker lines start with this; row lines never do (no column is named "@"). */
export const MARKER_PREFIX = '{"@":';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function isBackupHeader(value: unknown): value is BackupHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<BackupHeader>;
  return header.format === BACKUP_FORMAT && Array.isArray(header.migrations) && Array.isArray(header.tables)
    && Array.isArray(header.sequences) && typeof header.createdAt === 'string';
}
