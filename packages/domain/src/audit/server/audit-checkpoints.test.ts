import { stat, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { createTestDatabase } from '@refugio/db/testing';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { auditHeadUncheckpointed, parseAnchors, writeAuditCheckpoint } from './audit-checkpoints.ts';
import { AUDIT_SIGNING_KEY_FILE, loadAuditSigningKey, type AuditSigningKey } from './audit-signing-key.ts';
import { recordAudit } from './record-audit.ts';
import { sealAuditEvents } from './seal-audit-events.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let db: Database;
let dataDir: string;
let key: AuditSigningKey;

/** As the database owner would: switch the append-only triggers off, run, switch them back on. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await tx.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await tx.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  });
}

/** One event, recorded and then sealed as the server's sealer does within a second (ADR 032). */
async function event(entityId: string): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, { actor: null }, { action: 'office.updated', entityType: 'office', entityId }));
  await sealAuditEvents(db);
}

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'refugio-audit-key-'));
  // A trail begun before version 2: three rows sealed with version 1, as older installations hold.
  await tamper('DELETE FROM audit_events');
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq++) {
    const fields = {
      seq, occurredAt: new Date(Date.UTC(2026, 10, 28, 12, 0, seq)), actorUserId: null, actorUsername: 'legacy', action: 'office.updated',
      entityType: 'office', entityId: `legacy-${seq}`, officeId: null, ip: '127.0.0.1', requestId: null, details: { n: seq },
    };
    const hash = auditHash(prev, fields);
    await tamper(
      `INSERT INTO audit_events (seq, occurred_at, actor_username, action, entity_type, entity_id, ip, details, prev_hash, hash, hash_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1)`,
      [seq, fields.occurredAt, fields.actorUsername, fields.action, fields.entityType, fields.entityId, fields.ip, JSON.stringify(fields.details), prev, hash]);
    prev = hash;
  }
});
afterAll(async () => {
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the signing key', () => {
  it('is created once in the data dir, readable by its owner only, and read back the same', async () => {
    expect(await loadAuditSigningKey({ env: {}, dataDir, create: false })).toBeNull();
    key = (await loadAuditSigningKey({ env: {}, dataDir, create: true }))!;
    expect(key.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(((await stat(path.join(dataDir, AUDIT_SIGNING_KEY_FILE))).mode & 0o777).toString(8)).toBe('600');
    const again = await loadAuditSigningKey({ env: {}, dataDir, create: true });
    expect(again!.keyId).toBe(key.keyId);
  });

  it('comes from the environment when set, before any file', async () => {
    const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromEnv = await loadAuditSigningKey({ env: { REFUGIO_AUDIT_SIGNING_KEY: pem.replaceAll('\n', '\\n') }, dataDir: '/nonexistent', create: true });
    expect(fromEnv).toMatchObject({ keyId: key.keyId, source: 'REFUGIO_AUDIT_SIGNING_KEY' });
    await expect(loadAuditSigningKey({ env: { REFUGIO_AUDIT_SIGNING_KEY: 'not a key' }, dataDir, create: false })).rejects.toThrow();
  });
});

describe('checkpoints', () => {
  it('verifies rows sealed with version 1 followed by version 3 ones', async () => {
    await event('v2-a');
    await event('v2-b');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 5, lastSeq: 5 });
  });

  it('signs the head, once per event, and the signature is checked on verify', async () => {
    expect(await auditHeadUncheckpointed(db)).toBe(true);
    const first = await writeAuditCheckpoint(db, key);
    expect(first).toMatchObject({ status: 'written', anchor: { seq: 5, keyId: key.keyId, publicKey: key.publicKey } });
    expect(await auditHeadUncheckpointed(db)).toBe(false);
    // A second process signing the same head finds the row there.
    expect(await writeAuditCheckpoint(db, key)).toMatchObject({ status: 'existing', anchor: { seq: 5 } });
    expect(await verifyAuditChain(db, { trustedKeys: [key.publicKey] })).toMatchObject({ ok: true, checkpoints: { verified: 1, unverifiable: 0, latestSeq: 5 } });
    // A verifier without the key counts the checkpoint but cannot check it.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checkpoints: { verified: 0, unverifiable: 1 } });
  });

  it('finds a forged checkpoint signature', async () => {
    await event('v2-c');
    const second = await writeAuditCheckpoint(db, key);
    expect(second).toMatchObject({ status: 'written', anchor: { seq: 6 } });
    await tamper(`UPDATE audit_checkpoints SET hash = repeat('c', 64) WHERE seq = 6`);
    expect(await verifyAuditChain(db, { trustedKeys: [key.publicKey] })).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'bad_signature' });
    if (second.status !== 'written') throw new Error('expected a written checkpoint');
    await tamper('UPDATE audit_checkpoints SET hash = $1 WHERE seq = 6', [second.anchor.hash]);
    expect(await verifyAuditChain(db, { trustedKeys: [key.publicKey] })).toMatchObject({ ok: true });
  });

  it('does not sign over an edit made since its last checkpoint, nor one before it', async () => {
    await event('v2-d');
    await tamper(`UPDATE audit_events SET entity_id = 'edited' WHERE seq = 7`);
    expect(await writeAuditCheckpoint(db, key)).toMatchObject({ status: 'refused', verification: { firstBadSeq: 7, reason: 'hash_mismatch' } });
    await tamper(`UPDATE audit_events SET entity_id = 'v2-d' WHERE seq = 7`);
    // An edit before the last checkpoint: the incremental check starts from the checkpoint's row.
    await tamper(`UPDATE audit_events SET hash = repeat('d', 64) WHERE seq = 6`);
    expect(await writeAuditCheckpoint(db, key)).toMatchObject({ status: 'refused', verification: { firstBadSeq: 6, reason: 'checkpoint_mismatch' } });
  });

  it('relabelling a version-3 row as an older version is refused', async () => {
    const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_checkpoints WHERE seq = 6');
    await tamper('UPDATE audit_events SET hash = $1 WHERE seq = 6', [rows[0]!.hash]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    await tamper('UPDATE audit_events SET hash_version = 1 WHERE seq = 5');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 5 });
    await tamper('UPDATE audit_events SET hash_version = 1 WHERE seq = 7');
    await tamper('UPDATE audit_events SET hash_version = 3 WHERE seq = 5');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 7, reason: 'version_downgrade' });
    await tamper('UPDATE audit_events SET hash_version = 3 WHERE seq = 7');
  });

  it('reads anchor files line by line and names a bad line', () => {
    const line = JSON.stringify({ format: 'refugio-audit-anchor/1', seq: 1, hash: 'h', signedAt: 's', keyId: 'k', publicKey: 'p', signature: 'x' });
    expect(parseAnchors(`${line}\n\n${line}\n`)).toHaveLength(2);
    expect(() => parseAnchors(`${line}\n{"seq": 2}\n`)).toThrow('line 2 is not a refugio-audit-anchor/1 anchor');
    expect(() => parseAnchors('nonsense')).toThrow('line 1 is not JSON');
    expect(() => parseAnchors('\n')).toThrow('the file holds no anchor');
  });
});
