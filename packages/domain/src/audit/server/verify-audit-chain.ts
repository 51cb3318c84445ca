import type { Queryable } from '@refugio/db';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first sequence number whose content, link or order does not match. */
  firstBadSeq: number | null;
  reason: 'hash_mismatch' | 'broken_link' | 'gap' | null;
}

interface AuditRow {
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  office_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

/** Recomputes every hash in order, in batches so a long trail does not fill memory. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      'SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, batchSize],
    );
    if (rows.length === 0) return { ok: true, checked, firstBadSeq: null, reason: null };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'broken_link' };
      const recomputed = auditHash(prevHash, {
        seq: row.seq, occurredAt: new Date(row.occurred_at), actorUserId: row.actor_user_id,
        actorUsername: row.actor_username, action: row.action, entityType: row.entity_type,
        entityId: row.entity_id, officeId: row.office_id, ip: row.ip, requestId: row.request_id,
        details: row.details,
      });
      if (recomputed !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
  }
}
