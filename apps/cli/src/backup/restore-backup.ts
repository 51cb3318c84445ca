import { applyPendingMigrations, listMigrations, splitSql, type Database, type Queryable } from '@refugio/db';
import { recordAudit, sealAuditBatch, verifyAuditChain, type RequestContext } from '@refugio/domain/server';
import { CliError } from '../command.ts';
import { whyNotEmpty } from '../emptiness.ts';
import { quoteIdent, type BackupHeader, type BackupTable } from './format.ts';
import type { BackupReader } from './read-backup.ts';
import { describeTables, type TableInfo } from './schema.ts';
import type { ProgressListener } from './write-backup.ts';

// The advisory lock migrate() takes (packages/db/src/migrate.ts): a server starting on the
// same PostgreSQL meanwhile waits instead of migrating under the restore.
const MIGRATION_LOCK = 7_242_001;
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Audit events loaded from the backup; the restore appends one more (system.restored). */
  auditEvents: number;
  restoredEventSeq: number;
  /** Migrations newer than the backup, applied after loading it. */
  appliedMigrations: string[];
}

/** Refuses, with the reason, any target a restore could damage or mix histories with. */
async function checkTarget(db: Database, header: BackupHeader): Promise<void> {
  const known = new Set((await listMigrations()).map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length) {
    throw new CliError(`The backup was made by a newer Refugio: this version does not know migration(s) ${unknown.join(', ')}. Upgrade first.`);
  }
  const reason = await whyNotEmpty(db);
  if (reason) throw new CliError(`Refusing to restore: the target is not empty (${reason}). Restore into an empty data dir or database.`);
  const inBackup = new Set(header.migrations.map((m) => m.name));
  const newer = (await appliedMigrations(db)).filter((name) => !inBackup.has(name));
  if (newer.length) {
    throw new CliError(
      `Refusing to restore: the target's schema already has migration(s) the backup predates (${newer.join(', ')}), ` +
        `so the backup's rows may not fit it. Restore into a fresh data dir or a new database.`,
    );
  }
}

async function appliedMigrations(db: Queryable): Promise<string[]> {
  const { rows: present } = await db.query<{ ok: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok");
  if (!present[0]?.ok) return [];
  return (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
}

/** Brings the schema to exactly the backup's migrations, keeping their original dates. */
async function rebuildSchema(tx: Queryable, header: BackupHeader): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  // Same definition as migrate() creates.
  await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set(await appliedMigrations(tx));
  const sources = new Map((await listMigrations()).map((m) => [m.name, m.sql]));
  for (const migration of header.migrations.toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!done.has(migration.name)) {
      for (const statement of splitSql(sources.get(migration.name) ?? '')) await tx.query(statement);
    }
    await tx.query(
      `INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2::timestamptz)
       ON CONFLICT (name) DO UPDATE SET applied_at = EXCLUDED.applied_at`,
      [migration.name, migration.appliedAt],
    );
  }
}

function matchTables(header: BackupHeader, target: TableInfo[]): Map<string, { backup: BackupTable; target: TableInfo }> {
  const byName = new Map(target.map((t) => [t.name, t]));
  const matched = new Map<string, { backup: BackupTable; target: TableInfo }>();
  for (const table of header.tables) {
    const info = byName.get(table.name);
    if (!info) throw new CliError(`The backup has table ${table.name}, which its own schema does not create.`);
    const missing = table.columns.filter((c) => !info.columns.includes(c));
    if (missing.length) throw new CliError(`Table ${table.name} in the backup has column(s) the schema lacks: ${missing.join(', ')}.`);
    matched.set(table.name, { backup: table, target: info });
  }
  return matched;
}

async function insertBatch(tx: Queryable, table: { backup: BackupTable; target: TableInfo }, lines: string[]): Promise<void> {
  const name = quoteIdent(table.backup.name);
  const columns = table.backup.columns.map(quoteIdent).join(', ');
  const override = table.target.identityAlways ? 'OVERRIDING SYSTEM VALUE ' : '';
  const { rowCount } = await tx.query(
    `INSERT INTO ${name} (${columns}) ${override}SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
    [`[${lines.join(',')}]`],
  );
  if (rowCount !== lines.length) throw new Error(`Table ${table.backup.name}: ${rowCount} of ${lines.length} rows inserted.`);
}

/** Streams every row from the reader into the tables, checking each table's announced count. */
async function loadRows(
  tx: Queryable, reader: BackupReader, tables: Map<string, { backup: BackupTable; target: TableInfo }>,
  onProgress?: ProgressListener,
): Promise<Map<string, number>> {
  const total = reader.header.tables.reduce((sum, t) => sum + t.rows, 0);
  const loaded = new Map<string, number>();
  let current: { backup: BackupTable; target: TableInfo } | null = null;
  let batch: string[] = [];
  let batchChars = 0;
  let done = 0;
  const flush = async () => {
    if (!current || batch.length === 0) return;
    await insertBatch(tx, current, batch);
    loaded.set(current.backup.name, (loaded.get(current.backup.name) ?? 0) + batch.length);
    done += batch.length;
    onProgress?.(done, total);
    batch = [];
    batchChars = 0;
  };
  for await (const record of reader.records) {
    if (record.kind === 'row') {
      if (!current) throw new CliError('The backup has a row before any table marker.');
      batch.push(record.line);
      batchChars += record.line.length;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      continue;
    }
    await flush();
    if (record.kind === 'end') {
      if (record.marker.rows !== done) throw new CliError(`The backup announces ${record.marker.rows} rows but holds ${done}.`);
      return loaded;
    }
    current = tables.get(record.marker.name) ?? null;
    if (!current) throw new CliError(`The backup has rows for table ${record.marker.name}, which its header does not list.`);
    loaded.set(record.marker.name, loaded.get(record.marker.name) ?? 0);
  }
  throw new CliError('The backup file is incomplete (it ends before its end marker): nothing was restored.');
}

/**
 * Loads a backup into an empty database in one transaction: schema at the backup's
 * migrations, every row with its original ids, sequences where they were. Triggers (such as
 * the audit trail's append-only guard) are off only while the rows load; the audit chain must
 * verify before the transaction commits, and the restore itself is the next audit event.
 */
export async function restoreBackup(
  db: Database, reader: BackupReader, options: { ctx: RequestContext; file: string; onProgress?: ProgressListener },
): Promise<RestoreSummary> {
  const { header } = reader;
  await checkTarget(db, header);
  return db.transaction(async (tx) => {
    await rebuildSchema(tx, header);
    const target = await describeTables(tx);
    const tables = matchTables(header, target);
    for (const table of target) await tx.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    await tx.query('SET CONSTRAINTS ALL DEFERRED');
    // Migrations seed a few rows (the default operation); the backup carries them too.
    if (target.length) await tx.query(`TRUNCATE ${target.map((t) => quoteIdent(t.name)).join(', ')} RESTART IDENTITY`);
    const loaded = await loadRows(tx, reader, tables, options.onProgress);
    for (const table of header.tables) {
      const count = loaded.get(table.name) ?? 0;
      if (count !== table.rows) throw new CliError(`Table ${table.name}: the backup announces ${table.rows} rows but holds ${count}.`);
    }
    for (const sequence of header.sequences) {
      const { rows } = await tx.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [quoteIdent(sequence.name)]);
      if (!rows[0]?.present) throw new CliError(`The backup has sequence ${sequence.name}, which its own schema does not create.`);
      await tx.query('SELECT setval($1::regclass, $2::bigint, $3)', [quoteIdent(sequence.name), sequence.value, sequence.isCalled]);
    }
    for (const table of target) await tx.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);
    const chain = await verifyAuditChain(tx);
    if (!chain.ok) {
      throw new CliError(`The backup's audit trail does not verify (seq ${chain.firstBadSeq}: ${chain.reason}); nothing was restored.`);
    }
    // An older backup is brought to this version's schema before anything is written into it.
    const newerMigrations = await applyPendingMigrations(tx);
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    const restoredEventId = await recordAudit(tx, options.ctx, {
      action: 'system.restored', entityType: 'system',
      details: {
        backupCreatedAt: header.createdAt, sourceDatabase: header.database.kind, file: options.file,
        tables: header.tables.length, rows, auditEvents: chain.checked,
      },
    });
    // A backup taken from a running server may hold events it had not sealed yet; they and this
    // restore's own event are sealed now, in this transaction (ADR 032).
    while ((await sealAuditBatch(tx)) > 0);
    const sealed = await tx.query<{ seq: number }>('SELECT seq FROM audit_events WHERE id = $1', [restoredEventId]);
    return { tables: header.tables.length, rows, auditEvents: chain.checked, restoredEventSeq: sealed.rows[0]!.seq, appliedMigrations: newerMigrations };
  });
}
