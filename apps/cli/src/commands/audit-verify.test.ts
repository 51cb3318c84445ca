import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { seededTarget, type CliTarget } from '../testing/cli-harness.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await seededTarget();
  // A few more events than the seed's one, so the tampered row sits inside the chain.
  for (const username of ['registro', 'inm']) {
    const result = await target.run(['user', 'reset-password', username]);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterAll(async () => {
  await target?.destroy();
});

/** What an intruder with database access does: switch the guard off, edit, switch it back on. */
async function tamper(db: Database, sql: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await tx.query(sql);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
  });
}

describe('refugio audit verify', () => {
  it('exits 0 on an intact chain and counts the events', async () => {
    const result = await target.run(['audit', 'verify']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('audit chain ok: 3 events');
    const json = await target.run(['audit', 'verify', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, checked: 3, firstBadSeq: null, reason: null });
  });

  it('exits 1 and names seq 2 once that row was altered', async () => {
    await target.withDb((db) => tamper(db, `UPDATE audit_events SET actor_username = 'someone-else' WHERE seq = 2`));
    const result = await target.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('audit chain BROKEN at seq 2: its content does not match its hash (the row was altered)');
    const json = await target.run(['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, checked: 1, firstBadSeq: 2, reason: 'hash_mismatch' });
  });

  it('names a deleted row as a gap', async () => {
    await target.withDb((db) => tamper(db, 'DELETE FROM audit_events WHERE seq = 2'));
    const result = await target.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('audit chain BROKEN at seq 2: this sequence number is missing (a row was deleted)');
  });
});
