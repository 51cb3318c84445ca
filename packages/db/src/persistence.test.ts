import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openDatabase } from './open.ts';
import { createTestDatabaseLocation, type TestDatabaseLocation } from './testing.ts';

/** A digest of every row of every table, to compare a database before and after a restart. */
async function snapshot(db: Database): Promise<Record<string, { rows: number; digest: string | null }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const result: Record<string, { rows: number; digest: string | null }> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ rows: number; digest: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`);
    result[name] = rows[0]!;
  }
  return result;
}

let location: TestDatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation();
});
afterAll(async () => {
  await location?.destroy();
});

describe('restart', () => {
  it('keeps every record', async () => {
    const first = await openDatabase(location.config);
    const { rows } = await first.query<{ id: string }>(
      `INSERT INTO institutions (code, name, kind) VALUES ('PERSIST', 'Persistencia', 'other') RETURNING id`);
    await first.transaction(async (tx) => {
      await tx.query(`INSERT INTO offices (institution_id, code, name, kind, state_code, served_state_codes)
                      VALUES ($1, 'PERSIST-1', 'Oficina persistente', 'other', 'MX-CHP', '{MX-CHP,MX-TAB}')`, [rows[0]!.id]);
    });
    const before = await snapshot(first);
    expect(before.institutions?.rows).toBeGreaterThan(1);
    expect(before.users?.rows).toBeGreaterThan(0);
    expect(before.audit_events?.rows).toBeGreaterThan(0);
    await first.close();

    const second = await openDatabase(location.config);
    try {
      expect(await snapshot(second)).toEqual(before);
      const office = await second.query<{ served_state_codes: string[] }>(`SELECT served_state_codes FROM offices WHERE code = 'PERSIST-1'`);
      expect(office.rows).toEqual([{ served_state_codes: ['MX-CHP', 'MX-TAB'] }]);
    } finally {
      await second.close();
    }
  });

  it('keeps a rolled-back transaction out', async () => {
    const db = await openDatabase(location.config);
    await expect(db.transaction(async (tx) => {
      await tx.query(`INSERT INTO institutions (code, name, kind) VALUES ('GHOST', 'Fantasma', 'other')`);
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    await db.close();
    const reopened = await openDatabase(location.config);
    try {
      expect((await reopened.query(`SELECT 1 FROM institutions WHERE code = 'GHOST'`)).rows).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
