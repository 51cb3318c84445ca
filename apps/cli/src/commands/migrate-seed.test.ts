import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations } from '@refugio/db';
import { DEMO_USERS, verifyPassword } from '@refugio/domain/server';
import { emptyTarget, type CliTarget } from '../testing/cli-harness.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await emptyTarget();
});
afterAll(async () => {
  await target?.destroy();
});

describe('refugio migrate and seed-demo on an empty database', () => {
  it('applies every migration once, then reports the database up to date', async () => {
    const names = (await listMigrations()).map((m) => m.name);
    const first = await target.run(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied ${names.length} migrations`);
    for (const name of names) expect(first.stdout).toContain(name);

    const second = await target.run(['migrate', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ database: target.kind, applied: [], total: names.length });
    const third = await target.run(['migrate']);
    expect(third.stdout).toContain(`is up to date (${names.length} migrations)`);

    const applied = await target.withDb(async (db) =>
      (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name));
    expect(applied).toEqual(names);
    // Four opens of an embedded database, the first creating it and materializing the calendars.
  }, 120_000);

  it('seeds the demo accounts with REFUGIO_DEMO_PASSWORD, then refuses a second seed', async () => {
    const password = 'cli-demo-password-1';
    const seeded = await target.run(['seed-demo', '--json'], { REFUGIO_DEMO_PASSWORD: password });
    expect(seeded.code, seeded.stderr).toBe(0);
    const { accounts } = JSON.parse(seeded.stdout) as { accounts: Array<{ username: string; password: string; role: string }> };
    expect(accounts.map((a) => a.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(accounts.every((a) => a.password === password)).toBe(true);
    const hash = await target.withDb(async (db) =>
      (await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'admin'")).rows[0]?.password_hash);
    expect(await verifyPassword(hash ?? '', password)).toBe(true);

    const again = await target.run(['seed-demo', '--password', 'another-password-2']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Refusing to seed demo data: .* is not empty \(audit_events has 1 row, users has 11 rows, institutions has 4 rows\)/);
  });
});
