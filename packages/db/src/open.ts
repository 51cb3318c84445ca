import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  /** postgres://… — when set, a PostgreSQL server is used instead of the embedded one. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; its `pgdata` sub-folder holds PGlite's files. */
  dataDir: string;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.REFUGIO_DATA_DIR || './data'),
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const pgdata = path.join(config.dataDir, 'pgdata');
  await mkdir(pgdata, { recursive: true });
  return openPglite(pgdata);
}
