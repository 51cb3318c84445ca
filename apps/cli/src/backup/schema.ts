import type { Queryable } from '@refugio/db';
import { quoteIdent, type BackupSequence } from './format.ts';

export interface TableInfo {
  name: string;
  /** Columns an insert may set; generated columns are left for the database to recompute. */
  columns: string[];
  primaryKey: string[];
  /** Has GENERATED ALWAYS identity columns: inserts must override them to keep the ids. */
  identityAlways: boolean;
  /** Other tables this one's foreign keys point to. */
  references: string[];
}

// schema_migrations travels in the backup header: the restore rebuilds the schema from it.
const SCHEMA_TABLE = 'schema_migrations';

const IN_SCHEMA = `JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()`;

/** The application's tables in load order: each after the tables its foreign keys point to. */
export async function describeTables(db: Queryable): Promise<TableInfo[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c ${IN_SCHEMA}
        AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1`,
    [SCHEMA_TABLE],
  );
  const columns = await db.query<{ table_name: string; column_name: string; generated: boolean; identity_always: boolean }>(
    `SELECT c.relname::text AS table_name, a.attname::text AS column_name, a.attgenerated::text <> '' AS generated,
            a.attidentity::text = 'a' AS identity_always
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid ${IN_SCHEMA}
        AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`,
  );
  const keys = await db.query<{ table_name: string; columns: string[] }>(
    `SELECT c.relname::text AS table_name,
            array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) ${IN_SCHEMA}
        AND i.indisprimary GROUP BY c.relname`,
  );
  const foreignKeys = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname::text AS child, p.relname::text AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid ${IN_SCHEMA}
        AND k.contype = 'f'`,
  );
  const infos = tables.rows.map((t): TableInfo => {
    const own = columns.rows.filter((c) => c.table_name === t.name);
    return {
      name: t.name,
      columns: own.filter((c) => !c.generated).map((c) => c.column_name),
      primaryKey: keys.rows.find((k) => k.table_name === t.name)?.columns ?? [],
      identityAlways: own.some((c) => c.identity_always),
      references: [...new Set(foreignKeys.rows.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent))],
    };
  });
  return loadOrder(infos);
}

/** Kahn's algorithm, alphabetical among equals so two backups of one database list tables alike. */
export function loadOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  const remaining = tables.toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (remaining.length > 0) {
    const index = remaining.findIndex((t) => t.references.every((r) => placed.has(r) || !byName.has(r)));
    // A foreign-key cycle: take the first table anyway; the restore defers deferrable constraints.
    const [next] = remaining.splice(index === -1 ? 0 : index, 1);
    if (!next) break;
    placed.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/** Every sequence's position, so ids drawn after a restore continue where the source stopped. */
export async function readSequences(db: Queryable): Promise<BackupSequence[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c ${IN_SCHEMA} AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const sequences: BackupSequence[] = [];
  for (const { name } of rows) {
    const state = await db.query<{ value: string; is_called: boolean }>(
      `SELECT last_value::text AS value, is_called FROM ${quoteIdent(name)}`,
    );
    const row = state.rows[0];
    if (row) sequences.push({ name, value: row.value, isCalled: row.is_called });
  }
  return sequences;
}
