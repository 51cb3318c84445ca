import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { createTestDatabase } from '@refugio/db/testing';
import { auditHashV2, MICROSECOND_TIMESTAMP_SQL } from './audit-hash.ts';
import { recordAudit } from './record-audit.ts';
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

  it('serialises concurrent appends into one chain', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => db.transaction((tx) =>
      recordAudit(tx, { actor: null }, { action: 'office.updated', entityType: 'office', entityId: `c${i}` }))));
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
    const { rows } = await db.query<{ seq: number; operation_id: number; occurred_text: string; actor_user_id: string | null; action: string; entity_type: string;
      entity_id: string | null; office_id: string | null; ip: string | null; request_id: string | null; details: unknown; prev_hash: string }>(
      `SELECT *, ${MICROSECOND_TIMESTAMP_SQL('occurred_at')} AS occurred_text FROM audit_events WHERE seq = 5`);
    const row = rows[0]!;
    const forged = auditHashV2(row.prev_hash, {
      seq: row.seq, operationId: row.operation_id, occurredAt: row.occurred_text, actorUserId: row.actor_user_id, actorUsername: 'someone else',
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
