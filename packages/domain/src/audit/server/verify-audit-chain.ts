/**
 * Recomputes the audit chain and checks it against signed checkpoints and outside anchors
 * (ADR 006, ADR 022). What each check can and cannot see is listed in docs/cli.md
 * ("refugio audit verify").
 */
import type { Queryable } from '@refugio/db';
import { auditHash, auditHashV2, auditHashV3, GENESIS_HASH, MICROSECOND_TIMESTAMP_SQL } from './audit-hash.ts';
import { checkpointPayload, type AuditAnchor } from './audit-checkpoints.ts';
import { countUnsealedAuditEvents } from './seal-audit-events.ts';
import { parseAuditPublicKey, signatureValid, type AuditPublicKey } from './audit-signing-key.ts';

export type AuditVerificationReason =
  /** A row's content does not match its own hash: it was altered. */
  | 'hash_mismatch'
  /** A row's prev_hash is not the hash of the row before: a row was replaced or reordered. */
  | 'broken_link'
  /** A sequence number is missing: a row was deleted. */
  | 'gap'
  /** A row with an older hash version after a newer one: a row was relabelled to a weaker algorithm. */
  | 'version_downgrade'
  /** A checkpoint claims a trusted key but its signature does not verify: it was forged or altered. */
  | 'bad_signature'
  /** The row at a trusted checkpoint no longer has the signed hash: the chain up to it was rewritten and recomputed. */
  | 'checkpoint_mismatch'
  /** The row at an anchor no longer has the anchored hash: the chain up to it was rewritten and recomputed. */
  | 'anchor_mismatch'
  /** A trusted checkpoint or an anchor lies beyond the last row: the newest rows were deleted. */
  | 'truncated';

export interface AuditVerification {
  ok: boolean;
  /** Rows whose hash and link were recomputed before the first problem (all of them when ok). */
  checked: number;
  /** The first sequence number found wrong (for a checkpoint or anchor mismatch: the checkpoint's). */
  firstBadSeq: number | null;
  reason: AuditVerificationReason | null;
  /** The newest row. */
  lastSeq: number | null;
  /** Checkpoints signed by a trusted key that matched; those signed by a key not given are not checked. */
  checkpoints: { verified: number; unverifiable: number; latestSeq: number | null };
  /** Anchors that matched. */
  anchors: number;
  /**
   * Events committed but not sealed into the chain yet (ADR 032): not checked, not a failure; a
   * sealer runs every second, so a count that stays, or an old `oldestAt`, means none is running.
   */
  unsealed: { count: number; oldestAt: string | null };
}

export interface VerifyOptions {
  /** Public keys (base64) whose checkpoints are checked; the anchors' keys are added. */
  trustedKeys?: readonly string[];
  /** Heads saved outside the database by `refugio audit anchor`. */
  anchors?: readonly AuditAnchor[];
  batchSize?: number;
  /**
   * Start after this point, already known good (the last checkpoint this process signed): the row
   * at its seq must still carry its hash, and only later rows are recomputed.
   */
  from?: { seq: number; hash: string };
}

interface AuditRow {
  seq: number;
  id: number;
  operation_id: number;
  occurred_at: Date;
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
  prev_hash: string;
  hash: string;
  hash_version: number;
}

interface CheckpointRow {
  seq: number;
  hash: string;
  signed_at_text: string;
  key_id: string;
  signature: string;
}

function recompute(prevHash: string, row: AuditRow): string {
  const common = {
    seq: row.seq, actorUserId: row.actor_user_id, actorUsername: row.actor_username, action: row.action,
    entityType: row.entity_type, entityId: row.entity_id, officeId: row.office_id, ip: row.ip, requestId: row.request_id,
    details: row.details,
  };
  if (row.hash_version === 3) return auditHashV3(prevHash, { ...common, id: row.id, operationId: row.operation_id, occurredAt: row.occurred_text });
  return row.hash_version === 2
    ? auditHashV2(prevHash, { ...common, operationId: row.operation_id, occurredAt: row.occurred_text })
    : auditHash(prevHash, { ...common, occurredAt: new Date(row.occurred_at) });
}

/** The signed (seq, hash) points to compare with the chain, or the first bad signature. */
async function loadSignedPoints(db: Queryable, options: VerifyOptions) {
  const keys = new Map<string, AuditPublicKey>();
  for (const text of [...(options.trustedKeys ?? []), ...(options.anchors ?? []).map((a) => a.publicKey)]) {
    const key = parseAuditPublicKey(text);
    if (key) keys.set(key.keyId, key);
  }
  const { rows } = await db.query<CheckpointRow>(
    `SELECT seq, hash, ${MICROSECOND_TIMESTAMP_SQL('signed_at')} AS signed_at_text, key_id, signature
       FROM audit_checkpoints WHERE seq >= $1 ORDER BY seq`, [options.from?.seq ?? 0]);
  const checkpoints = new Map<number, string>();
  let unverifiable = 0;
  for (const row of rows) {
    const key = keys.get(row.key_id);
    if (!key) { unverifiable++; continue; }
    if (!signatureValid(key, checkpointPayload({ seq: row.seq, hash: row.hash, signedAt: row.signed_at_text }), row.signature)) {
      return { badSignatureAt: row.seq } as const;
    }
    checkpoints.set(row.seq, row.hash);
  }
  const anchors = new Map<number, string>();
  for (const anchor of options.anchors ?? []) {
    // The anchor file is trusted as kept elsewhere; its signature still tells an intact line from a damaged one.
    const key = parseAuditPublicKey(anchor.publicKey);
    if (!key || !signatureValid(key, checkpointPayload(anchor), anchor.signature)) return { badSignatureAt: anchor.seq } as const;
    anchors.set(anchor.seq, anchor.hash);
  }
  return { checkpoints, anchors, unverifiable } as const;
}

/** Recomputes every hash in order, in batches so a long trail does not fill memory. */
export async function verifyAuditChain(db: Queryable, options: VerifyOptions | number = {}): Promise<AuditVerification> {
  const opts: VerifyOptions = typeof options === 'number' ? { batchSize: options } : options;
  const batchSize = opts.batchSize ?? 5000;
  const signed = await loadSignedPoints(db, opts);
  // Counted first: an event sealed while the chain is read is then checked, never missed.
  const unsealed = await countUnsealedAuditEvents(db);
  const empty = { checkpoints: { verified: 0, unverifiable: 0, latestSeq: null }, anchors: 0, unsealed };
  if ('badSignatureAt' in signed) {
    return { ok: false, checked: 0, firstBadSeq: signed.badSignatureAt ?? null, reason: 'bad_signature', lastSeq: null, ...empty };
  }
  const { checkpoints, anchors, unverifiable } = signed;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  if (opts.from) {
    const start = await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [opts.from.seq]);
    const startHash = start.rows[0]?.hash;
    const where = opts.from.seq;
    if (startHash !== opts.from.hash) {
      return { ok: false, checked: 0, firstBadSeq: where, reason: startHash === undefined ? 'truncated' : 'checkpoint_mismatch', lastSeq: null, ...empty };
    }
    prevHash = startHash;
    expectedSeq = where + 1;
  }
  let highestVersion = 0;
  let verifiedCheckpoints = 0;
  let latestCheckpoint: number | null = null;
  let verifiedAnchors = 0;
  const fail = (firstBadSeq: number, reason: AuditVerificationReason): AuditVerification => ({
    ok: false, checked, firstBadSeq, reason, lastSeq: expectedSeq > 1 ? expectedSeq - 1 : null,
    checkpoints: { verified: verifiedCheckpoints, unverifiable, latestSeq: latestCheckpoint }, anchors: verifiedAnchors, unsealed,
  });
  for (;;) {
    const { rows } = await db.query<AuditRow>(
      `SELECT *, ${MICROSECOND_TIMESTAMP_SQL('occurred_at')} AS occurred_text
         FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, batchSize],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return fail(expectedSeq, 'gap');
      if (row.prev_hash !== prevHash) return fail(row.seq, 'broken_link');
      if (row.hash_version < highestVersion) return fail(row.seq, 'version_downgrade');
      if (recompute(prevHash, row) !== row.hash) return fail(row.seq, 'hash_mismatch');
      const signedHash = checkpoints.get(row.seq);
      if (signedHash !== undefined) {
        if (signedHash !== row.hash) return fail(row.seq, 'checkpoint_mismatch');
        verifiedCheckpoints++;
        latestCheckpoint = row.seq;
      }
      const anchoredHash = anchors.get(row.seq);
      if (anchoredHash !== undefined) {
        if (anchoredHash !== row.hash) return fail(row.seq, 'anchor_mismatch');
        verifiedAnchors++;
      }
      highestVersion = Math.max(highestVersion, row.hash_version);
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
  }
  // Points signed or saved beyond the last row: rows after it existed and are gone.
  const beyond = [...checkpoints.keys(), ...anchors.keys()].filter((seq) => seq >= expectedSeq);
  // A checkpoint at the start point itself was checked above.
  if (beyond.length > 0) return fail(expectedSeq, 'truncated');
  return {
    ok: true, checked, firstBadSeq: null, reason: null, lastSeq: expectedSeq > 1 ? expectedSeq - 1 : null,
    checkpoints: { verified: verifiedCheckpoints, unverifiable, latestSeq: latestCheckpoint }, anchors: verifiedAnchors, unsealed,
  };
}
