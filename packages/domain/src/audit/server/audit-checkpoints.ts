/**
 * Signed checkpoints of the audit chain and the anchors printed from them (ADR 022).
 *
 * A checkpoint is (seq, hash) of a sealed event, signed with the Ed25519 key kept outside the
 * database. It names one event, not "the tail": any sealed prefix of the chain can be
 * checkpointed, whatever writes or seals events meanwhile, and two processes checkpointing the
 * same event write one row. An anchor is a checkpoint printed for safekeeping elsewhere (another
 * machine, paper, a ticket), with the public key that verifies it.
 */
import type { Queryable } from '@refugio/db';
import { canonicalJson, microsecondTimestamp, MICROSECOND_TIMESTAMP_SQL } from './audit-hash.ts';
import { signWithKey, type AuditSigningKey } from './audit-signing-key.ts';
import { verifyAuditChain, type AuditVerification } from './verify-audit-chain.ts';

export const AUDIT_ANCHOR_FORMAT = 'refugio-audit-anchor/1';

export interface AuditAnchor {
  format: typeof AUDIT_ANCHOR_FORMAT;
  seq: number;
  hash: string;
  /** When it was signed, to the microsecond as stored. */
  signedAt: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

/** The bytes signed: a tagged canonical JSON, so a signature cannot be taken for anything else. */
export function checkpointPayload(point: { seq: number; hash: string; signedAt: string }): string {
  return canonicalJson({ format: 'refugio-audit-checkpoint/1', seq: point.seq, hash: point.hash, signedAt: point.signedAt });
}

export type CheckpointResult =
  | { status: 'written' | 'existing'; anchor: AuditAnchor }
  | { status: 'empty' }
  /** The chain does not verify: nothing is signed, so a rewrite is never vouched for. */
  | { status: 'refused'; verification: AuditVerification };

/**
 * Signs the newest sealed event, after verifying the chain against the checkpoints this key
 * signed before: an edit made since the last checkpoint is refused rather than signed.
 */
export async function writeAuditCheckpoint(
  db: Queryable, key: AuditSigningKey, options: { fullCheck?: boolean } = {},
): Promise<CheckpointResult> {
  // The periodic writer checks from this key's last checkpoint on (its signature is checked with
  // the others from there): an hourly checkpoint costs the events of the hour. `fullCheck`
  // recomputes the whole chain first, as `refugio audit anchor` does.
  const last = options.fullCheck ? { rows: [] } : await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_checkpoints WHERE key_id = $1 ORDER BY seq DESC LIMIT 1', [key.keyId]);
  const from = last.rows[0];
  const verification = await verifyAuditChain(db, { trustedKeys: [key.publicKey], ...(from ? { from } : {}) });
  if (!verification.ok) return { status: 'refused', verification };
  if (verification.lastSeq === null) return { status: 'empty' };
  const head = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events WHERE seq = $1', [verification.lastSeq]);
  const { seq, hash } = head.rows[0]!;
  const signedAt = microsecondTimestamp(new Date());
  const signature = signWithKey(key, checkpointPayload({ seq, hash, signedAt }));
  const inserted = await db.query(
    `INSERT INTO audit_checkpoints (seq, hash, signed_at, key_id, public_key, signature)
     VALUES ($1, $2, $3::timestamptz, $4, $5, $6) ON CONFLICT (seq) DO NOTHING RETURNING seq`,
    [seq, hash, signedAt, key.keyId, key.publicKey, signature],
  );
  if (inserted.rows.length > 0) {
    return { status: 'written', anchor: { format: AUDIT_ANCHOR_FORMAT, seq, hash, signedAt, keyId: key.keyId, publicKey: key.publicKey, signature } };
  }
  const existing = await db.query<{ hash: string; signed_at_text: string; key_id: string; public_key: string; signature: string }>(
    `SELECT hash, ${MICROSECOND_TIMESTAMP_SQL('signed_at')} AS signed_at_text, key_id, public_key, signature
       FROM audit_checkpoints WHERE seq = $1`, [seq]);
  const row = existing.rows[0]!;
  return {
    status: 'existing',
    anchor: { format: AUDIT_ANCHOR_FORMAT, seq, hash: row.hash, signedAt: row.signed_at_text, keyId: row.key_id, publicKey: row.public_key, signature: row.signature },
  };
}

/** Whether the newest event is newer than the newest checkpoint: the periodic writer's test. */
export async function auditHeadUncheckpointed(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ pending: boolean }>(
    `SELECT coalesce((SELECT max(seq) FROM audit_events), 0) > coalesce((SELECT max(seq) FROM audit_checkpoints), 0) AS pending`);
  return rows[0]?.pending ?? false;
}

/**
 * Anchors from a file: one JSON object per line, as `refugio audit anchor` prints them (a file
 * may collect many). Throws with the line number on anything else.
 */
export function parseAnchors(text: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: Partial<AuditAnchor>;
    try {
      value = JSON.parse(line) as Partial<AuditAnchor>;
    } catch {
      throw new Error(`line ${index + 1} is not JSON`);
    }
    if (value.format !== AUDIT_ANCHOR_FORMAT || typeof value.seq !== 'number' || typeof value.hash !== 'string'
      || typeof value.publicKey !== 'string' || typeof value.signature !== 'string' || typeof value.signedAt !== 'string'
      || typeof value.keyId !== 'string') {
      throw new Error(`line ${index + 1} is not a ${AUDIT_ANCHOR_FORMAT} anchor`);
    }
    anchors.push(value as AuditAnchor);
  });
  if (anchors.length === 0) throw new Error('the file holds no anchor');
  return anchors;
}
