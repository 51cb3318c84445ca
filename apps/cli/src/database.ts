import { existsSync } from 'node:fs';
import path from 'node:path';
import { openReadyDatabase } from '@refugio/api';
import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseConfig } from '@refugio/db';
import { sealAuditEvents } from '@refugio/domain/server';
import { CliError, type CliIo } from './command.ts';

export interface OpenOptions {
  /** `ready`: migrate and sync the permission catalogue first, as the server does at start. */
  prepare: 'ready' | 'as-is';
  /** Refuse to create an embedded database that does not exist yet (read-only commands). */
  mustExist?: boolean;
}

/** Where the command works, for messages: never prints a password from DATABASE_URL. */
export function describeTarget(config: DatabaseConfig): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL database ${url.pathname.replace(/^\//, '') || '(default)'} on ${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}`;
  } catch {
    return 'PostgreSQL database from DATABASE_URL';
  }
}

export function embeddedDatabaseExists(config: DatabaseConfig): boolean {
  return existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
}

/**
 * Opens the configured database, runs fn, and always closes it (which frees the data dir lock).
 * A `ready` command may record audit events: they are sealed into the chain before the database
 * closes (ADR 032), even when the command fails after some of them committed.
 */
export async function withDatabase<T>(
  io: CliIo,
  options: OpenOptions,
  fn: (db: Database, config: DatabaseConfig) => Promise<T>,
): Promise<T> {
  const config = databaseConfigFromEnv(io.env);
  if (options.mustExist && !config.databaseUrl && !embeddedDatabaseExists(config)) {
    throw new CliError(`No database found in ${config.dataDir} (set REFUGIO_DATA_DIR or DATABASE_URL).`);
  }
  const db = options.prepare === 'ready' ? await openReadyDatabase(config) : await openDatabase(config);
  try {
    const result = await fn(db, config);
    if (options.prepare === 'ready') await sealAuditEvents(db);
    return result;
  } catch (error) {
    if (options.prepare === 'ready') await sealAuditEvents(db).catch(() => undefined);
    throw error;
  } finally {
    await db.close();
  }
}

/** True when the schema has been installed (a migrated database). */
export async function hasSchema(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  return rows[0]?.present === true;
}
