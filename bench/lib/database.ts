import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database } from '@refugio/db';
import { syncAccessCatalogue, syncBuiltInCalendars } from '@refugio/domain/server';

/**
 * Runs a suite on a database brought to the current schema, roles and calendars: the PostgreSQL
 * at `databaseUrl`, or an embedded PGlite in a temporary folder removed afterwards.
 */
export async function withBenchDatabase<T>(name: string, databaseUrl: string | undefined, run: (db: Database) => Promise<T>): Promise<T> {
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), `refugio-${name}-`));
  const db = await openDatabase({ databaseUrl, dataDir: dataDir ?? os.tmpdir() });
  try {
    await migrate(db);
    await syncAccessCatalogue(db);
    await syncBuiltInCalendars(db);
    return await run(db);
  } finally {
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
