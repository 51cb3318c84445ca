import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { createTestDatabase } from '@refugio/db/testing';
import { auditHashV3, MICROSECOND_TIMESTAMP_SQL } from './audit-hash.ts';
import { recordAudit } from './record-audit.ts';
import { countUnsealedAuditEvents, sealAuditEvents } from './seal-audit-events.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  const ctx = { actor: null, ip: '127.0.0.1', requestId: 'test' };
  for (let i = 0; i < 6; i++) {
    await db.transaction((tx) => recordAudit(tx, ctx, {
      action: 'institution.updated', entityType: 'institution', entityId: `e${i}`, details: { changes: { name: { before: `n${i}`, after: `n${i + 1}` } } },
    }));
  }
  await sealAuditEvents(db);
});
afterAll(async () => {
  await db?.close();
});

/** As the database owner would: switch the append-only trigger off, run, switch it back on. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
  });
}

describe('audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE while the triggers are on', async () => {
    await expect(db.query(`UPDATE audit_events SET details = '{}' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('rolls an event back with the transaction that wrote it', async () => {
    const before = await verifyAuditChain(db);
    await expect(db.transaction(async (tx) => {
      await recordAudit(tx, { actor: null }, { action: 'role.created', entityType: 'role', entityId: 'doomed' });
      throw new Error('the change failed after its event was written');
    })).rejects.toThrow(/change failed/);
    const { rows } = await db.query(`SELECT 1 FROM audit_events WHERE entity_id = 'doomed'`);
    expect(rows).toEqual([]);
    expect(await verifyAuditChain(db)).toEqual(before);
  });

  it('verifies an untouched chain, in batches too', async () => {
    const whole = await verifyAuditChain(db);
    expect(whole).toMatchObject({ ok: true, firstBadSeq: null, reason: null, lastSeq: whole.checked });
    expect(whole.checked).toBeGreaterThanOrEqual(7);
    expect(await verifyAuditChain(db, 2)).toEqual(whole);
  });

  it('takes concurrent appends and concurrent sealers into one chain', async () => {
    const before = await verifyAuditChain(db);
    await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0
      ? db.transaction((tx) => recordAudit(tx, { actor: null }, { action: 'office.updated', entityType: 'office', entityId: `c${i}` }))
      : sealAuditEvents(db, { batchSize: 2 }))));
    await sealAuditEvents(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: before.checked + 8, unsealed: { count: 0, oldestAt: null } });
  });

  it('reports committed events not sealed yet apart, and checks them once sealed', async () => {
    const before = await verifyAuditChain(db);
    await db.transaction((tx) => recordAudit(tx, { actor: null }, { action: 'office.updated', entityType: 'office', entityId: 'waiting' }));
    const waiting = await verifyAuditChain(db);
    expect(waiting).toMatchObject({ ok: true, checked: before.checked, lastSeq: before.lastSeq, unsealed: { count: 1 } });
    expect(Date.now() - Date.parse(waiting.unsealed.oldestAt!)).toBeLessThan(60_000);
    expect(await sealAuditEvents(db)).toBe(1);
    expect(await countUnsealedAuditEvents(db)).toEqual({ count: 0, oldestAt: null });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: before.checked + 1, unsealed: { count: 0 } });
  });

  it('lets sealing fill the chain columns of an unsealed event, and nothing else', async () => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO audit_events (occurred_at, action, entity_type, details) VALUES (now(), 'office.updated', 'office', '{}') RETURNING id`);
    const id = rows[0]!.id;
    // Editing an event before it is sealed is as refused as after.
    await expect(db.query(`UPDATE audit_events SET entity_id = 'changed' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_events SET seq = 999999, prev_hash = 'p', hash = 'h', hash_version = 3, ip = '10.0.0.1' WHERE id = $1`, [id]))
      .rejects.toThrow(/append-only/);
    // Half a seal is refused by the table itself.
    await expect(db.query(`UPDATE audit_events SET seq = 999999 WHERE id = $1`, [id])).rejects.toThrow(/audit_events_sealed_whole/);
    expect(await sealAuditEvents(db)).toBe(1);
    // A sealed event cannot be sealed again.
    await expect(db.query(`UPDATE audit_events SET hash = repeat('e', 64) WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('covers the event id: renumbering a sealed event is found', async () => {
    const { rows } = await db.query<{ id: number; seq: number }>('SELECT id, seq FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
    const { id, seq } = rows[0]!;
    await tamper('UPDATE audit_events SET id = $1 WHERE id = $2', [id + 1_000_000, id]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: seq, reason: 'hash_mismatch' });
    await tamper('UPDATE audit_events SET id = $1 WHERE id = $2', [id, id + 1_000_000]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('finds an altered row at its sequence number', async () => {
    const { rows } = await db.query<{ details: Record<string, unknown> }>('SELECT details FROM audit_events WHERE seq = 4');
    await tamper(`UPDATE audit_events SET details = jsonb_set(details, '{changes,name,after}', '"forged"') WHERE seq = 4`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 3, firstBadSeq: 4, reason: 'hash_mismatch' });
    // Putting the original back restores the chain: the hash covers content, not storage.
    await tamper('UPDATE audit_events SET details = $1 WHERE seq = 4', [JSON.stringify(rows[0]!.details)]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('finds a row re-hashed to hide an edit: the next row no longer links to it', async () => {
    const { rows } = await db.query<{ seq: number; id: number; operation_id: number; occurred_text: string; actor_user_id: string | null; action: string; entity_type: string;
      entity_id: string | null; office_id: string | null; ip: string | null; request_id: string | null; details: unknown; prev_hash: string }>(
      `SELECT *, ${MICROSECOND_TIMESTAMP_SQL('occurred_at')} AS occurred_text FROM audit_events WHERE seq = 5`);
    const row = rows[0]!;
    const forged = auditHashV3(row.prev_hash, {
      seq: row.seq, id: row.id, operationId: row.operation_id, occurredAt: row.occurred_text, actorUserId: row.actor_user_id, actorUsername: 'someone else',
      action: row.action, entityType: row.entity_type, entityId: row.entity_id, officeId: row.office_id, ip: row.ip,
      requestId: row.request_id, details: row.details,
    });
    await tamper(`UPDATE audit_events SET actor_username = 'someone else', hash = $1 WHERE seq = 5`, [forged]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 5, firstBadSeq: 6, reason: 'broken_link' });
  });

  it('finds a removed row', async () => {
    await tamper('DELETE FROM audit_events WHERE seq = 3');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 2, firstBadSeq: 3, reason: 'gap' });
  });
});
