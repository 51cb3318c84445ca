import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, Queryable } from '@refugio/db';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, quoteIdent, type BackupHeader, type EndMarker, type TableMarker,
} from './format.ts';
import { describeTables, readSequences, type TableInfo } from './schema.ts';

const FETCH_ROWS = 1000;

export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  rows: number;
}

export type ProgressListener = (rowsDone: number, rowsTotal: number) => void;

async function readHeader(tx: Queryable, kind: Database['kind'], tables: TableInfo[]): Promise<BackupHeader> {
  const migrations = await tx.query<{ name: string; applied_at: string }>(
    'SELECT name, applied_at::text AS applied_at FROM schema_migrations ORDER BY name',
  );
  const counted = [];
  for (const table of tables) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int8 AS n FROM ${quoteIdent(table.name)}`);
    counted.push({ name: table.name, columns: table.columns, rows: rows[0]?.n ?? 0 });
  }
  const version = await tx.query<{ server_version: string }>('SHOW server_version');
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    database: { kind, serverVersion: version.rows[0]?.server_version ?? 'unknown' },
    migrations: migrations.rows.map((m) => ({ name: m.name, appliedAt: m.applied_at })),
    tables: counted,
    sequences: await readSequences(tx),
  };
}

/** The lines of the backup, read from one snapshot. */
async function* backupLines(tx: Queryable, header: BackupHeader, tables: TableInfo[], onProgress?: ProgressListener) {
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  yield `${JSON.stringify(header)}\n`;
  for (const [index, table] of tables.entries()) {
    const expected = header.tables[index]?.rows ?? 0;
    const marker: TableMarker = { '@': 'table', name: table.name, rows: expected };
    yield `${JSON.stringify(marker)}\n`;
    const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
    await tx.query(`DECLARE refugio_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quoteIdent(table.name)} t${order}`);
    let written = 0;
    for (;;) {
      const { rows } = await tx.query<{ r: string }>(`FETCH FORWARD ${FETCH_ROWS} FROM refugio_backup`);
      if (rows.length === 0) break;
      yield rows.map((row) => `${row.r}\n`).join('');
      written += rows.length;
      done += rows.length;
      onProgress?.(done, total);
    }
    await tx.query('CLOSE refugio_backup');
    if (written !== expected) throw new Error(`Table ${table.name} changed while it was read (${expected} counted, ${written} read).`);
  }
  const end: EndMarker = { '@': 'end', tables: tables.length, rows: done };
  yield `${JSON.stringify(end)}\n`;
}

/**
 * Writes a consistent full backup: every table read inside one REPEATABLE READ transaction, so
 * the file is one moment of the database even while PostgreSQL keeps serving writes. The file
 * appears under its name only once complete; it holds password hashes, so only its owner may read it.
 */
export async function writeBackup(db: Database, file: string, onProgress?: ProgressListener): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const header = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const tables = await describeTables(tx);
      const read = await readHeader(tx, db.kind, tables);
      await pipeline(backupLines(tx, read, tables, onProgress), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      return read;
    });
    await rename(partial, file);
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    return { file, bytes: (await stat(file)).size, header, rows };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
