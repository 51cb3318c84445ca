import type { Queryable } from '@refugio/db';

// People's work lands in these tables (every change also leaves an audit event); the rest
// (operations, permissions, built-in roles) is installed by migrations and at start-up.
const CONTENT_TABLES = ['audit_events', 'users', 'institutions'] as const;

/**
 * Why the database is not empty, or null when it is: a database without our schema and no
 * tables at all, or with our schema and no content rows. Restore and seed-demo only write
 * into an empty database, so they can never mix two histories.
 */
export async function whyNotEmpty(db: Queryable): Promise<string | null> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const names = new Set(tables.map((t) => t.name));
  if (!names.has('schema_migrations')) {
    return names.size === 0 ? null : `it holds ${names.size} table(s) not created by Refugio (${[...names].slice(0, 5).join(', ')})`;
  }
  const counts: string[] = [];
  for (const table of CONTENT_TABLES) {
    if (!names.has(table)) continue;
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    const n = rows[0]?.n ?? 0;
    if (n > 0) counts.push(`${table} has ${n} row${n === 1 ? '' : 's'}`);
  }
  return counts.length ? counts.join(', ') : null;
}
