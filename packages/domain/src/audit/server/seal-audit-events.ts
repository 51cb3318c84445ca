/**
 * Seals committed audit events into the hash chain (ADR 032).
 *
 * Writers insert events without a place in the chain and without a lock. The sealer takes the
 * chain lock, reads the events already committed and not yet sealed, gives them the next sequence
 * numbers in insert order, and writes seq, prev_hash and a version-3 hash in the same transaction:
 * a crash either seals a batch whole or leaves it for the next run. Several sealers (API
 * processes, the CLI) wait for each other on the lock, so the chain keeps one tail.
 */
import type { Database, Queryable } from '@refugio/db';
import { AUDIT_HASH_VERSION, auditHashV3, GENESIS_HASH, MICROSECOND_TIMESTAMP_SQL } from './audit-hash.ts';

// The lock that keeps one tail; since ADR 032 only sealers take it, never a request.
const AUDIT_CHAIN_LOCK = 7_242_002;
const DEFAULT_BATCH = 2000;

interface UnsealedRow {
  id: number;
  operation_id: number;
  occurred_text: string;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  office_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: unknown;
}

/**
 * Seals up to `limit` committed events inside the caller's transaction and returns how many.
 * The lock is held until that transaction ends.
 */
export async function sealAuditBatch(tx: Queryable, limit = DEFAULT_BATCH): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const { rows } = await tx.query<UnsealedRow>(
    `SELECT id, operation_id, ${MICROSECOND_TIMESTAMP_SQL('occurred_at')} AS occurred_text, actor_user_id, actor_username,
            action, entity_type, entity_id, office_id, ip, request_id, details
       FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT $1`, [limit]);
  if (rows.length === 0) return 0;
  const tail = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
  let prevHash = tail.rows[0]?.hash ?? GENESIS_HASH;
  let seq = tail.rows[0]?.seq ?? 0;
  const ids: number[] = [];
  const seqs: number[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    seq++;
    const hash = auditHashV3(prevHash, {
      seq, id: row.id, operationId: row.operation_id, occurredAt: row.occurred_text, actorUserId: row.actor_user_id,
      actorUsername: row.actor_username, action: row.action, entityType: row.entity_type, entityId: row.entity_id,
      officeId: row.office_id, ip: row.ip, requestId: row.request_id, details: row.details,
    });
    ids.push(row.id);
    seqs.push(seq);
    prevHashes.push(prevHash);
    hashes.push(hash);
    prevHash = hash;
  }
  await tx.query(
    `UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, hash_version = $5
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
      WHERE e.id = v.id AND e.seq IS NULL`,
    [ids, seqs, prevHashes, hashes, AUDIT_HASH_VERSION],
  );
  return rows.length;
}

/** Seals every event committed so far, a batch per transaction; returns how many. */
export async function sealAuditEvents(db: Database, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // An idle server asks once a second: one index probe, no transaction and no lock when nothing waits.
  const waiting = await db.query('SELECT 1 FROM audit_events WHERE seq IS NULL LIMIT 1');
  if (waiting.rows.length === 0) return 0;
  let sealed = 0;
  for (;;) {
    const count = await db.transaction((tx) => sealAuditBatch(tx, batchSize));
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

/** Events committed and not sealed yet, and the oldest one's time: what verify reports apart. */
export async function countUnsealedAuditEvents(db: Queryable): Promise<{ count: number; oldestAt: string | null }> {
  const { rows } = await db.query<{ count: number; oldest: Date | null }>(
    'SELECT count(*)::int AS count, min(occurred_at) AS oldest FROM audit_events WHERE seq IS NULL');
  const row = rows[0];
  return { count: row?.count ?? 0, oldestAt: row?.oldest ? new Date(row.oldest).toISOString() : null };
}
