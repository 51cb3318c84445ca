/**
 * Runs `refugio` in-process against throwaway databases of the backend under test
 * (REFUGIO_TEST_DB): copies of the integration template (migrated, demo-seeded) or empty ones.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openPostgres, type Database, type DatabaseConfig } from '@refugio/db';
import { createTestDatabaseLocation, testBackendFromEnv, type TestBackend } from '@refugio/db/testing';
import { runCli } from '../run-cli.ts';

export const backend: TestBackend = testBackendFromEnv();

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Only what the CLI reads, so the developer's own DATABASE_URL never leaks into a test. */
export function cliEnv(config: DatabaseConfig, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DATABASE_URL: config.databaseUrl ?? '', REFUGIO_DATA_DIR: config.dataDir, ...extra };
}

export async function runCaptured(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

export interface CliTarget {
  kind: TestBackend;
  config: DatabaseConfig;
  run(argv: string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Opens the target for checks and closes it again: an embedded dir is never held twice. */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  destroy(): Promise<void>;
}

function target(kind: TestBackend, config: DatabaseConfig, destroy: () => Promise<void>): CliTarget {
  return {
    kind,
    config,
    run: (argv, extraEnv) => runCaptured(argv, cliEnv(config, extraEnv)),
    async withDb(fn) {
      const db = await openDatabase(config);
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    destroy,
  };
}

/** A private copy of the run's template: migrated, with the demo data (password TEST_PASSWORD). */
export async function seededTarget(): Promise<CliTarget> {
  const location = await createTestDatabaseLocation();
  return target(backend, location.config, location.destroy);
}

/** CREATE/DROP DATABASE on the server's admin database; they cannot run inside a transaction. */
async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const server = openPostgres(adminUrl, { max: 1 });
  try {
    await server.query(sql);
  } finally {
    await server.close();
  }
}

/** A database nobody has touched: a new folder, or a new database on the test server. */
export async function emptyTarget(kind: TestBackend = backend): Promise<CliTarget> {
  if (kind === 'postgres') {
    const adminUrl = process.env.REFUGIO_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('REFUGIO_TEST_DB=postgres needs REFUGIO_TEST_DATABASE_URL');
    const name = `refugio_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return target('postgres', { databaseUrl: url.toString(), dataDir: os.tmpdir() },
      () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'refugio-cli-test-'));
  return target('pglite', { dataDir }, () => rm(dataDir, { recursive: true, force: true }));
}

/**
 * Every table's rows as PostgreSQL renders them (time zone fixed, so both back ends agree),
 * sorted: two databases with equal snapshots hold the same data. The table list comes from
 * information_schema, independently of the backup code under test.
 */
export async function snapshotTables(db: Database): Promise<Map<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL TIME ZONE 'UTC'");
    const { rows: tables } = await tx.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const snapshot = new Map<string, string[]>();
    for (const { name } of tables) {
      const { rows } = await tx.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${name}" t`);
      snapshot.set(name, rows.map((row) => row.r).toSorted());
    }
    return snapshot;
  });
}

/** Every event in insert order; a CLI command seals its events before it exits (ADR 032). */
export async function auditActions(db: Database): Promise<Array<{ seq: number; action: string; actor_username: string | null; entity_id: string | null; request_id: string | null }>> {
  const { rows } = await db.query<{ seq: number; action: string; actor_username: string | null; entity_id: string | null; request_id: string | null }>(
    'SELECT seq, action, actor_username, entity_id, request_id FROM audit_events ORDER BY id',
  );
  return rows;
}
