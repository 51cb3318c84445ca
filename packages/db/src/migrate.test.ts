import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { listMigrations, migrate, splitSql } from './migrate.ts';
import { createTestDatabase } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('migrations', () => {
  it('are timestamped, ordered and all applied to the template', async () => {
    const migrations = await listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('reports the database kind asked for', () => {
    expect(db.kind).toBe(process.env.REFUGIO_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
  });

  it('map dates to ISO strings and bigints to numbers on both back ends', async () => {
    const { rows } = await db.query<{ d: unknown; n: unknown; c: unknown }>(
      `SELECT DATE '2026-03-01' AS d, 9007199254740991::bigint AS n, count(*) AS c FROM operations`);
    expect(rows).toEqual([{ d: '2026-03-01', n: 9007199254740991, c: 1 }]);
  });

  it('report affected rows and selected rows the same way', async () => {
    expect((await db.query('SELECT code FROM operations')).rowCount).toBe(1);
    expect((await db.query(`UPDATE operations SET name = name WHERE code = 'mx'`)).rowCount).toBe(1);
    expect((await db.query(`UPDATE operations SET name = name WHERE code = 'none'`)).rowCount).toBe(0);
  });
});

describe('splitSql', () => {
  it('splits on top-level semicolons only', () => {
    const script = `-- a comment; with a semicolon
CREATE TABLE a (x text DEFAULT 'a;b');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no; never';
END
$$;
INSERT INTO a VALUES ('it''s; fine')`;
    const statements = splitSql(script);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toBe(`CREATE TABLE a (x text DEFAULT 'a;b')`);
    expect(statements[1]).toContain(`RAISE EXCEPTION 'no; never';`);
    expect(statements[2]).toBe(`INSERT INTO a VALUES ('it''s; fine')`);
  });
});
