/**
 * Test databases cut from one migrated template per run. Building a PGlite database from
 * scratch takes ~5 s; loading a template's dump into memory ~1 s, and queries then run without
 * file I/O. On a server, `CREATE DATABASE … TEMPLATE` copies a seeded database in a fraction
 * of a second.
 *
 * A vitest globalSetup builds the template (`buildTestTemplate`) and provides it to the
 * workers as `refugioTestTemplate`; each test file then calls `createTestDatabase()`.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openDatabase, type DatabaseConfig } from './open.ts';
import { openPglite, rawPglite } from './pglite.ts';

export type TestBackend = 'pglite' | 'postgres';

/** Where the template lives; plain data so vitest can hand it from globalSetup to workers. */
export type TestTemplate =
  /** `dataDir` for on-disk copies, `dump` (a dumpDataDir tarball) for in-memory ones. */
  | { kind: 'pglite'; dataDir: string; dump: string }
  | { kind: 'postgres'; adminUrl: string; database: string };

declare module 'vitest' {
  export interface ProvidedContext {
    refugioTestTemplate: TestTemplate;
  }
}

/** REFUGIO_TEST_DB=pglite (default) | postgres, with REFUGIO_TEST_DATABASE_URL for the latter. */
export function testBackendFromEnv(env: NodeJS.ProcessEnv = process.env): TestBackend {
  const value = env.REFUGIO_TEST_DB || 'pglite';
  if (value !== 'pglite' && value !== 'postgres') {
    throw new Error(`REFUGIO_TEST_DB must be "pglite" or "postgres", not "${value}"`);
  }
  return value;
}

function randomName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One short admin connection: CREATE/DROP DATABASE cannot run inside a pool transaction. */
async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates, migrates and seeds the run's template. `seed` receives the migrated database
 * (the domain's catalogue sync and demo data live above this package).
 */
export async function buildTestTemplate(
  seed: (db: Database) => Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestTemplate> {
  const backend = testBackendFromEnv(env);
  let template: TestTemplate;
  let config: DatabaseConfig;
  if (backend === 'postgres') {
    const adminUrl = env.REFUGIO_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('REFUGIO_TEST_DB=postgres needs REFUGIO_TEST_DATABASE_URL (a server URL, e.g. postgres://postgres@127.0.0.1:54329/postgres)');
    // A name per run, so two runs against one server never drop each other's template.
    const database = randomName('refugio_template');
    await admin(adminUrl, `CREATE DATABASE ${database}`);
    template = { kind: 'postgres', adminUrl, database };
    config = { databaseUrl: databaseUrl(adminUrl, database), dataDir: os.tmpdir() };
  } else {
    const root = await mkdtemp(path.join(os.tmpdir(), 'refugio-test-template-'));
    const dataDir = path.join(root, 'data');
    template = { kind: 'pglite', dataDir, dump: path.join(root, 'template.tar') };
    config = { dataDir };
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await seed(db);
    if (template.kind === 'pglite') {
      const dump = await rawPglite(db)!.dumpDataDir('none');
      await writeFile(template.dump, Buffer.from(await dump.arrayBuffer()));
    }
  } finally {
    // Closed before use: PostgreSQL copies only a template nobody is connected to, and PGlite's
    // files are only consistent once it has shut down.
    await db.close();
  }
  return template;
}

export async function destroyTestTemplate(template: TestTemplate): Promise<void> {
  if (template.kind === 'pglite') {
    await rm(path.dirname(template.dataDir), { recursive: true, force: true });
  } else {
    await admin(template.adminUrl, `DROP DATABASE IF EXISTS ${template.database} WITH (FORCE)`);
  }
}

export interface TestDatabaseLocation {
  /** Opens the copy the way the app does (`openDatabase`); may be called again after a close. */
  config: DatabaseConfig;
  /** Removes the copy; close every connection to it first. */
  destroy(): Promise<void>;
}

async function providedTemplate(): Promise<TestTemplate> {
  // Loaded lazily: this module is also imported by the globalSetup, outside any test worker.
  const { inject } = await import('vitest');
  const template = inject('refugioTestTemplate');
  if (!template) throw new Error('No test template: run through vitest with the integration project (its globalSetup builds one)');
  return template;
}

/** A private copy of the template, not yet opened: for tests that close and reopen it. */
export async function createTestDatabaseLocation(template?: TestTemplate): Promise<TestDatabaseLocation> {
  const source = template ?? (await providedTemplate());
  if (source.kind === 'postgres') {
    const database = randomName('refugio_test');
    await admin(source.adminUrl, `CREATE DATABASE ${database} TEMPLATE ${source.database}`);
    return {
      config: { databaseUrl: databaseUrl(source.adminUrl, database), dataDir: os.tmpdir() },
      destroy: () => admin(source.adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'refugio-test-db-'));
  await cp(source.dataDir, dataDir, { recursive: true });
  return { config: { dataDir }, destroy: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * Opens a private copy of the migrated, seeded template; `close()` also deletes the copy.
 * Every test file gets its own, so files run in parallel without seeing each other's writes.
 */
export async function createTestDatabase(template?: TestTemplate): Promise<Database> {
  const source = template ?? (await providedTemplate());
  if (source.kind === 'pglite') {
    // In memory: nothing to copy or delete, and no file I/O per query.
    return openPglite(undefined, { loadDataDir: new Blob([await readFile(source.dump)]) });
  }
  const location = await createTestDatabaseLocation(source);
  const db = await openDatabase(location.config);
  return {
    ...db,
    close: async () => {
      await db.close();
      await location.destroy();
    },
  };
}
