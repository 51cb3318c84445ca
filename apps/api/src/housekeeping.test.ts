import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { loadAuditSigningKey, sealAuditEvents, verifyAuditChain, type AuditSigningKey } from '@refugio/domain/server';
import { runHousekeeping } from './housekeeping.ts';
import { call, createTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
let key: AuditSigningKey;
const log = { info: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;

beforeAll(async () => {
  t = await createTestApp();
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  key = (await loadAuditSigningKey({ env: { REFUGIO_AUDIT_SIGNING_KEY: pem }, dataDir: '/nonexistent', create: false }))!;
});
afterAll(async () => {
  await t?.close();
});

const checkpoints = async () => (await t.db.query<{ seq: number }>('SELECT seq FROM audit_checkpoints ORDER BY seq')).rows.map((r) => r.seq);

describe('housekeeping', () => {
  it('signs a checkpoint when events were added since the last one, and only then', async () => {
    await runHousekeeping(t.db, key, log);
    const first = await checkpoints();
    expect(first).toHaveLength(1);
    await runHousekeeping(t.db, key, log);
    expect(await checkpoints()).toEqual(first);
    await call(t.app, 'POST', '/api/auth/login', { body: { username: 'nadie', password: 'x' } });
    await runHousekeeping(t.db, key, log);
    expect((await checkpoints()).length).toBe(2);
    expect(await verifyAuditChain(t.db, { trustedKeys: [key.publicKey] })).toMatchObject({ ok: true, checkpoints: { verified: 2 } });
  });

  it('logs an error and signs nothing when the chain does not verify', async () => {
    await call(t.app, 'POST', '/api/auth/login', { body: { username: 'nadie', password: 'y' } });
    // The newest event sealed, then edited: the next round must refuse to sign it.
    await sealAuditEvents(t.db);
    await t.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await tx.query(`UPDATE audit_events SET ip = '10.9.9.9' WHERE seq = (SELECT max(seq) FROM audit_events)`);
      await tx.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
    const before = await checkpoints();
    await runHousekeeping(t.db, key, log);
    expect(await checkpoints()).toEqual(before);
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ verification: expect.objectContaining({ reason: 'hash_mismatch' }) }), expect.stringContaining('NOT signed'));
  });

  it('forgets throttling state untouched for a day, keeps what runs', async () => {
    await t.db.query(`INSERT INTO login_throttles (username, address, failures, updated_at) VALUES
      ('old', '192.0.2.50', 3, now() - interval '2 days'), ('recent', '192.0.2.50', 3, now()),
      ('held', '192.0.2.51', 0, now() - interval '2 days')`);
    await t.db.query(`UPDATE login_throttles SET held_until = now() + interval '1 hour' WHERE username = 'held'`);
    await runHousekeeping(t.db, key, log);
    const { rows } = await t.db.query<{ username: string }>(`SELECT username FROM login_throttles WHERE address LIKE '192.0.2.5%' ORDER BY username`);
    expect(rows.map((r) => r.username)).toEqual(['held', 'recent']);
  });
});
