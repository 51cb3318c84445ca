import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { auditHashV3, loadAuditSigningKey, recordAudit, MICROSECOND_TIMESTAMP_SQL, parseAnchors, verifyAuditChain } from '@refugio/domain/server';
import { seededTarget, type CliTarget } from '../testing/cli-harness.ts';

/** The installation's signing key, given as the server would get it. */
const KEY_ENV = {
  REFUGIO_AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
};

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'refugio-anchor-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** What an intruder with database access does: switch the guards off, edit, switch them back on. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await tx.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    await tx.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_no_update');
  });
}

/**
 * The published algorithm, applied as an intruder would: every hash from `fromSeq` on is
 * recomputed so that each row matches its content and links to the one before.
 */
async function recomputeChain(db: Database, fromSeq: number): Promise<void> {
  const { rows } = await db.query<{
    seq: number; id: number; operation_id: number; occurred_text: string; actor_user_id: string | null; actor_username: string | null; action: string;
    entity_type: string; entity_id: string | null; office_id: string | null; ip: string | null; request_id: string | null; details: unknown;
  }>(`SELECT *, ${MICROSECOND_TIMESTAMP_SQL('occurred_at')} AS occurred_text FROM audit_events WHERE seq >= $1 ORDER BY seq`, [fromSeq]);
  const before = await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [fromSeq - 1]);
  let prev = before.rows[0]!.hash;
  for (const row of rows) {
    const hash = auditHashV3(prev, {
      seq: row.seq, id: row.id, operationId: row.operation_id, occurredAt: row.occurred_text, actorUserId: row.actor_user_id,
      actorUsername: row.actor_username, action: row.action, entityType: row.entity_type, entityId: row.entity_id,
      officeId: row.office_id, ip: row.ip, requestId: row.request_id, details: row.details,
    });
    await tamper(db, 'UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE seq = $1', [row.seq, prev, hash]);
    prev = hash;
  }
}

describe('refugio audit verify and anchor', () => {
  let target: CliTarget;
  let anchorFile: string;

  // A fresh copy for each case: every case tampers with it.
  beforeEach(async () => {
    await target?.destroy();
    target = await seededTarget();
    // A few more events than the seed's, so that tampered rows sit inside the chain.
    for (const username of ['registro', 'inm', 'formador']) {
      const result = await target.run(['user', 'reset-password', username]);
      expect(result.code, result.stderr).toBe(0);
    }
    const anchored = await target.run(['audit', 'anchor'], KEY_ENV);
    expect(anchored.code, anchored.stderr).toBe(0);
    anchorFile = path.join(scratch, `${Math.random().toString(36).slice(2)}.jsonl`);
    await writeFile(anchorFile, anchored.stdout);
  });
  afterAll(async () => {
    await target?.destroy();
  });

  const verify = (...extra: string[]) => target.run(['audit', 'verify', '--anchor', anchorFile, ...extra], KEY_ENV);

  it('passes on an untouched trail and says what it checked', async () => {
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as { seq: number; publicKey: string };
    expect(anchor).toMatchObject({ format: 'refugio-audit-anchor/1', seq: 4 });
    const result = await verify();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('audit chain ok: 4 events; 1 signed checkpoints match (latest at seq 4); 1 of 1 anchors match');
    const json = await verify('--json');
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true, checked: 4, firstBadSeq: null, reason: null, lastSeq: 4,
      checkpoints: { verified: 1, unverifiable: 0, latestSeq: 4 }, anchors: 1, unsealed: { count: 0, oldestAt: null },
    });
    // Without the signing key, the anchor's own key still checks the checkpoint.
    const elsewhere = await target.run(['audit', 'verify', '--anchor', anchorFile]);
    expect(elsewhere.code, elsewhere.stdout).toBe(0);
    // More events after the anchor: still fine.
    expect((await target.run(['user', 'reset-password', 'acnur'])).code).toBe(0);
    expect((await verify()).code).toBe(0);
    // The public key can be printed alone, to keep with the anchors.
    expect((await target.run(['audit', 'anchor', '--public-key'], KEY_ENV)).stdout.trim()).toBe(anchor.publicKey);
  });

  it('fails when the newest row is deleted, even with its checkpoint', async () => {
    await target.withDb((db) => tamper(db, 'DELETE FROM audit_events WHERE seq = 4'));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('audit chain BROKEN at seq 4: a signed checkpoint or the anchor lies beyond the last event (the newest events were deleted)');
    await target.withDb((db) => tamper(db, 'DELETE FROM audit_checkpoints'));
    expect(JSON.parse((await verify('--json')).stdout)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'truncated' });
    // Without the anchor, nothing is left to tell: what verify cannot see, as documented.
    expect((await target.run(['audit', 'verify'], KEY_ENV)).code).toBe(0);
  });

  it('fails after a full recomputation of the chain with the published algorithm', async () => {
    await target.withDb(async (db) => {
      await tamper(db, `UPDATE audit_events SET actor_username = 'someone-else' WHERE seq = 2`);
      await recomputeChain(db, 2);
    });
    // Every row matches its content and links to the one before; the signed checkpoint does not.
    const result = await target.run(['audit', 'verify', '--json'], KEY_ENV);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, checked: 3, firstBadSeq: 4, reason: 'checkpoint_mismatch' });
    // With the checkpoints deleted too, the anchor still tells.
    await target.withDb((db) => tamper(db, 'DELETE FROM audit_checkpoints'));
    const anchored = await verify();
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('audit chain BROKEN at seq 4: the event no longer has the hash the anchor recorded');
    // Once the checkpoints are gone nothing in the database tells the rewrite: a new checkpoint
    // is signed over it. The anchor kept elsewhere still fails it.
    expect((await target.run(['audit', 'anchor'], KEY_ENV)).code).toBe(0);
    expect((await verify()).code).toBe(1);
  });

  it('refuses to sign a chain that does not verify', async () => {
    await target.withDb((db) => tamper(db, `UPDATE audit_events SET action = 'auth.login' WHERE seq = 3`));
    const result = await target.run(['audit', 'anchor'], KEY_ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The audit chain does not verify (seq 3: hash_mismatch); nothing was signed.');
  });

  it('fails after a change to any column of any row', async () => {
    const changes: Array<[string, string]> = [
      ['seq', 'seq = seq + 100'],
      ['operation_id', 'operation_id = 2'],
      ['occurred_at', "occurred_at = occurred_at + interval '1 microsecond'"],
      ['actor_user_id', 'actor_user_id = gen_random_uuid()'],
      ['actor_username', "actor_username = coalesce(actor_username, '') || 'x'"],
      ['action', "action = 'auth.logout'"],
      ['entity_type', "entity_type = entity_type || 'x'"],
      ['entity_id', "entity_id = coalesce(entity_id, '') || 'x'"],
      ['office_id', 'office_id = gen_random_uuid()'],
      ['ip', "ip = '10.0.0.99'"],
      ['request_id', "request_id = coalesce(request_id, '') || 'x'"],
      ['details', `details = details || '{"forged": true}'`],
      ['prev_hash', "prev_hash = repeat('a', 64)"],
      ['hash', "hash = repeat('b', 64)"],
      ['hash_version', 'hash_version = 1'],
    ];
    const anchors = parseAnchors(readFileSync(anchorFile, 'utf8'));
    const key = await loadAuditSigningKey({ env: KEY_ENV, dataDir: scratch, create: false });
    // In-process on one handle: the command is the same function over a CLI wrapper (cases above).
    await target.withDb(async (db) => {
      const check = () => verifyAuditChain(db, { trustedKeys: [key!.publicKey], anchors });
      expect(await check()).toMatchObject({ ok: true });
      // A second operation for operation_id to point to.
      await db.query(`INSERT INTO operations (id, code, name) VALUES (2, 'OTHER', 'Other')`);
      for (const seq of [1, 2, 4]) {
        const snapshot = (await db.query(`SELECT * FROM audit_events WHERE seq = $1`, [seq])).rows[0]!;
        for (const [column, set] of changes) {
          await tamper(db, `UPDATE audit_events SET ${set} WHERE seq = ${seq}`);
          expect(await check(), `${column} of seq ${seq}`).toMatchObject({ ok: false });
          // Put the row back as it was, and the trail verifies again.
          await tamper(db, 'DELETE FROM audit_events WHERE seq = $1 OR seq = $2', [seq, seq + 100]);
          await tamper(db, 'INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1::json)', [JSON.stringify(snapshot)]);
          expect(await check(), `restored ${column} of seq ${seq}`).toMatchObject({ ok: true });
        }
      }
    });
  });

  it('reports events committed but not sealed apart, and `audit seal` chains them', async () => {
    // As a server killed before its sealer ran leaves them (ADR 032).
    await target.withDb((db) => db.transaction((tx) => recordAudit(tx, { actor: null }, { action: 'office.updated', entityType: 'office', entityId: 'waiting' })));
    const waiting = await verify();
    expect(waiting.code, waiting.stdout).toBe(0);
    expect(waiting.stdout).toContain('audit chain ok: 4 events');
    expect(waiting.stdout).toMatch(/1 events not sealed yet \(oldest recorded \d{4}-\d{2}-\d{2}T/);
    const sealed = await target.run(['audit', 'seal']);
    expect(sealed.stdout.trim()).toBe('sealed 1 audit events');
    const after = await verify();
    expect(after.stdout.trim()).toBe('audit chain ok: 5 events; 1 signed checkpoints match (latest at seq 4); 1 of 1 anchors match');
  });
});
