import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { verifyPassword } from '@refugio/domain/server';
import { auditActions, emptyTarget, type CliTarget, seededTarget } from '../testing/cli-harness.ts';

let target: CliTarget;
beforeAll(async () => {
  target = await seededTarget();
});
afterAll(async () => {
  await target?.destroy();
});

interface UserRow {
  id: string;
  active: boolean;
  password_hash: string;
  must_change_password: boolean;
  sessions: number;
}

async function userRow(db: Database, username: string): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `SELECT id, active, password_hash, must_change_password,
            (SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id) AS sessions
       FROM users u WHERE username = $1`, [username]);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0];
}

async function openSessionFor(username: string): Promise<void> {
  await target.withDb((db) => db.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
     SELECT md5(random()::text), id, 'csrf', now() + interval '1 hour' FROM users WHERE username = $1`, [username]));
}

async function eventsSince(seq: number) {
  return target.withDb(async (db) => (await auditActions(db)).filter((e) => e.seq > seq));
}

async function lastSeq(): Promise<number> {
  return target.withDb(async (db) => (await auditActions(db)).at(-1)?.seq ?? 0);
}

describe('refugio user', () => {
  it('creates a user with a generated one-time password, audited as cli', async () => {
    const before = await lastSeq();
    const created = await target.run([
      'user', 'create', '--username', 'Ana.Ruiz', '--full-name', 'Ana Ruiz', '--institution', 'comar',
      '--roles', 'supervisor,registration_clerk', '--offices', 'COMAR-TAP,comar-pal', '--email', 'ana@example.org',
      '--language', 'en', '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as { user: { id: string; username: string; roleCodes: string[]; offices: Array<{ code: string }>; language: string }; temporaryPassword: string };
    expect(body.user).toMatchObject({ username: 'ana.ruiz', roleCodes: ['registration_clerk', 'supervisor'], language: 'en' });
    expect(body.user.offices.map((o) => o.code).toSorted()).toEqual(['COMAR-PAL', 'COMAR-TAP']);
    const row = await target.withDb((db) => userRow(db, 'ana.ruiz'));
    expect(await verifyPassword(row.password_hash, body.temporaryPassword)).toBe(true);
    expect(row.must_change_password).toBe(true);
    const events = await eventsSince(before);
    expect(events).toEqual([expect.objectContaining({ action: 'user.created', actor_username: 'cli', entity_id: row.id })]);
    expect(events[0]?.request_id).toMatch(/^cli-/);
  });

  it('uses a given password and says nothing about it', async () => {
    const created = await target.run([
      'user', 'create', '--username', 'luis', '--full-name', 'Luis Pérez', '--institution', 'INM', '--roles', 'first_contact_officer',
      '--offices', 'INM-CHD', '--password', 'a-long-enough-password',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created user luis');
    expect(created.stdout).not.toContain('One-time password');
    const row = await target.withDb((db) => userRow(db, 'luis'));
    expect(await verifyPassword(row.password_hash, 'a-long-enough-password')).toBe(true);
    expect(row.must_change_password).toBe(false);
  });

  it('refuses bad input with a message naming the option, and changes nothing', async () => {
    const before = await lastSeq();
    const cases: Array<[string[], string]> = [
      [['--username', 'ana.ruiz', '--institution', 'COMAR', '--roles', 'admin'], 'Already exists'],
      [['--username', 'new1', '--institution', 'COMAR', '--roles', 'admin,wizard'], '--roles (item 2): The selected item does not exist.'],
      [['--username', 'new2', '--institution', 'COMAR', '--roles', 'admin', '--offices', 'INM-CHD'], 'Office INM-CHD belongs to INM, not to COMAR'],
      [['--username', 'new3', '--institution', 'NOPE', '--roles', 'admin'], 'Institution NOPE does not exist. Known institutions: ACNUR, COMAR, INM, OSC-DEMO.'],
      [['--username', 'new4', '--institution', 'COMAR', '--roles', 'admin', '--password', 'short'], '--password: Too small'],
      [['--username', 'Bad Name', '--institution', 'COMAR', '--roles', 'admin'], '--username: Use lowercase letters'],
      [['--username', 'new5', '--institution', 'COMAR', '--roles', 'admin', '--language', 'de'], '--language'],
    ];
    for (const [args, message] of cases) {
      const result = await target.run(['user', 'create', '--full-name', 'Someone', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(await eventsSince(before)).toEqual([]);
  });

  it('resets a password: new one-time password, old one dead, sessions closed, audited', async () => {
    await openSessionFor('luis');
    expect((await target.withDb((db) => userRow(db, 'luis'))).sessions).toBe(1);
    const before = await lastSeq();
    const reset = await target.run(['user', 'reset-password', 'LUIS', '--json']);
    expect(reset.code, reset.stderr).toBe(0);
    const { temporaryPassword } = JSON.parse(reset.stdout) as { temporaryPassword: string };
    const row = await target.withDb((db) => userRow(db, 'luis'));
    expect(await verifyPassword(row.password_hash, temporaryPassword)).toBe(true);
    expect(await verifyPassword(row.password_hash, 'a-long-enough-password')).toBe(false);
    expect(row).toMatchObject({ must_change_password: true, sessions: 0 });
    expect(await eventsSince(before)).toEqual([
      expect.objectContaining({ action: 'user.password_reset', actor_username: 'cli', entity_id: row.id }),
    ]);
  });

  it('disables a user (sessions closed) and enables them again, each audited once', async () => {
    await openSessionFor('ana.ruiz');
    const before = await lastSeq();
    const disabled = await target.run(['user', 'disable', 'ana.ruiz']);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('User ana.ruiz disabled.');
    expect(await target.withDb((db) => userRow(db, 'ana.ruiz'))).toMatchObject({ active: false, sessions: 0 });

    const again = await target.run(['user', 'disable', 'ana.ruiz', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ username: 'ana.ruiz', active: false, changed: false });

    const enabled = await target.run(['user', 'enable', 'ana.ruiz']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect((await target.withDb((db) => userRow(db, 'ana.ruiz'))).active).toBe(true);

    const actions = (await eventsSince(before)).map((e) => `${e.action} by ${e.actor_username}`);
    expect(actions).toEqual(['user.updated by cli', 'user.disabled by cli', 'user.updated by cli', 'user.enabled by cli']);
  });

  it('names a user that does not exist', async () => {
    for (const command of [['user', 'disable', 'ghost'], ['user', 'enable', 'ghost'], ['user', 'reset-password', 'ghost']]) {
      const result = await target.run(command);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('No user named "ghost"');
    }
  });

  it('leaves a verifiable audit chain behind', async () => {
    const verified = await target.run(['audit', 'verify']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^audit chain ok: \d+ events; no signed checkpoint checked$/m);
  });
});

describe('refugio user create on an empty database', () => {
  it('creates the institution named by --institution-name, then its first administrator', async () => {
    const empty = await emptyTarget();
    try {
      const refused = await empty.run(['user', 'create', '--username', 'root', '--full-name', 'Root', '--institution', 'COMAR', '--roles', 'admin']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Institution COMAR does not exist. The database has no institutions yet. Give --institution-name');

      const created = await empty.run([
        'user', 'create', '--username', 'root', '--full-name', 'Root', '--institution', 'comar', '--roles', 'admin',
        '--institution-name', 'Comisión Mexicana de Ayuda a Refugiados', '--institution-kind', 'asylum_authority',
        '--password', 'first-admin-password',
      ]);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain('Created institution COMAR.');
      const state = await empty.withDb(async (db) => ({
        institution: (await db.query('SELECT code, name, kind FROM institutions')).rows,
        roles: (await db.query(`SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id
                                  WHERE u.username = 'root'`)).rows,
        events: (await auditActions(db)).map((e) => `${e.action} by ${e.actor_username}`),
      }));
      expect(state.institution).toEqual([{ code: 'COMAR', name: 'Comisión Mexicana de Ayuda a Refugiados', kind: 'asylum_authority' }]);
      expect(state.roles).toEqual([{ code: 'admin' }]);
      expect(state.events).toEqual(['institution.created by cli', 'user.created by cli']);
    } finally {
      await empty.destroy();
    }
  });
});
