import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
// Any constant works; it only has to be the same for every Refugio process.
const MIGRATION_LOCK = 7_242_001;

export interface Migration {
  name: string;
  sql: string;
}

export async function listMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f)).toSorted();
  return Promise.all(
    files.map(async (file) => ({ name: file.replace(/\.sql$/, ''), sql: await readFile(MIGRATIONS_DIR + file, 'utf8') })),
  );
}

/**
 * Applies pending migrations in order, in one transaction. An advisory lock keeps two API
 * processes starting together against one server from applying the same step twice.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction((tx) => applyPendingMigrations(tx));
}

/** The pending migrations, applied inside the caller's transaction (a restore brings an older backup up to date in its own). */
export async function applyPendingMigrations(tx: Queryable): Promise<string[]> {
  const migrations = await listMigrations();
  const applied: string[] = [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  const done = new Set(
    (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
  );
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    // Statements run one by one through the transaction handle; the files use no
    // dollar-quoted bodies with ';' except inside $$ … $$, which splitSql respects.
    for (const statement of splitSql(migration.sql)) await tx.query(statement);
    await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
    applied.push(migration.name);
  }
  return applied;
}

/** Splits a script on top-level semicolons, keeping $$-quoted bodies and comments intact. */
export function splitSql(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  let inString = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (!inString && !inDollar && ch === '-' && script[i + 1] === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      current += '\n';
      continue;
    }
    if (!inString && script.startsWith('$$', i)) {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    }
    if (!inDollar && ch === "'") inString = !inString;
    if (!inDollar && !inString && ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
