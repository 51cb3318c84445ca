import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash algorithm a row was sealed with (ADR 006, ADR 022, ADR 032). Version 1 (rows written
 * before December 2026) leaves out operation_id and reads occurred_at to the millisecond; version 2
 * covers every column but the hash itself, occurred_at to the microsecond as stored; version 3 is
 * version 2 plus the event id, the one thing an event has from its insert until it is sealed.
 */
export const AUDIT_HASH_VERSION = 3;
export type AuditHashVersion = 1 | 2 | 3;

export interface HashedFields {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  officeId: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
}

/** Version 2 adds the tenant and the timestamp exactly as PostgreSQL stores it. */
export interface HashedFieldsV2 extends Omit<HashedFields, 'occurredAt'> {
  operationId: number;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`: what `to_char(… 'US')` gives back, every stored digit. */
  occurredAt: string;
}

/** Version 3 adds the id the event received when it was inserted, before it had a place in the chain. */
export interface HashedFieldsV3 extends HashedFieldsV2 {
  id: number;
}

/** JSON with sorted keys: jsonb reorders keys, so the digest must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The timestamp text a version-2 hash covers, for a JS date (milliseconds, so three zero digits follow). */
export function microsecondTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** SQL giving the same text from a stored timestamptz column. */
export const MICROSECOND_TIMESTAMP_SQL = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Version 1, kept to verify the rows sealed with it. */
export function auditHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson([
    e.seq, e.occurredAt.toISOString(), e.actorUserId, e.actorUsername, e.action, e.entityType,
    e.entityId, e.officeId, e.ip, e.requestId, e.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Version 2: SHA-256 over the previous hash, a newline, and the canonical JSON array
 * `["refugio-audit/2", seq, operation_id, occurred_at, actor_user_id, actor_username, action,
 * entity_type, entity_id, office_id, ip, request_id, details]`. The version tag is inside, so a
 * row cannot be relabelled as version 1 without its hash changing.
 */
export function auditHashV2(prevHash: string, e: HashedFieldsV2): string {
  const body = canonicalJson([
    'refugio-audit/2', e.seq, e.operationId, e.occurredAt, e.actorUserId, e.actorUsername, e.action,
    e.entityType, e.entityId, e.officeId, e.ip, e.requestId, e.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Version 3: as version 2 with the tag `refugio-audit/3` and the event id after seq:
 * `["refugio-audit/3", seq, id, operation_id, occurred_at, actor_user_id, actor_username, action,
 * entity_type, entity_id, office_id, ip, request_id, details]`. The id ties the sealed row to the
 * row that was inserted: two events with the same content stay two events.
 */
export function auditHashV3(prevHash: string, e: HashedFieldsV3): string {
  const body = canonicalJson([
    'refugio-audit/3', e.seq, e.id, e.operationId, e.occurredAt, e.actorUserId, e.actorUsername, e.action,
    e.entityType, e.entityId, e.officeId, e.ip, e.requestId, e.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}
