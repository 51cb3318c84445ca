import type { Queryable } from '@refugio/db';
import type { RequestContext } from '../../shared/context.ts';
import type { AuditAction } from '../audit.actions.ts';
import { AUDIT_HASH_VERSION, auditHashV2, GENESIS_HASH, microsecondTimestamp } from './audit-hash.ts';

// Serialises appends so the chain has one tail; held only until the surrounding commit.
const AUDIT_CHAIN_LOCK = 7_242_002;

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  officeId?: string | null;
  details?: Record<string, unknown>;
  /** Overrides the context's actor (e.g. a failed login names the attempted username). */
  actorUsername?: string | null;
  actorUserId?: string | null;
}

/** Appends one event inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Queryable, ctx: RequestContext, entry: AuditEntry): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const last = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const event = {
    seq: (last.rows[0]?.seq ?? 0) + 1,
    operationId: ctx.actor?.operationId ?? 1,
    // Stored from this very text, so the hash covers exactly what PostgreSQL keeps.
    occurredAt: microsecondTimestamp(new Date()),
    actorUserId: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actor?.userId ?? null),
    actorUsername: entry.actorUsername !== undefined ? entry.actorUsername : (ctx.actor?.username ?? null),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    officeId: entry.officeId ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    details: entry.details ?? {},
  };
  const hash = auditHashV2(prevHash, event);
  await tx.query(
    `INSERT INTO audit_events (seq, operation_id, occurred_at, actor_user_id, actor_username, action,
       entity_type, entity_id, office_id, ip, request_id, details, prev_hash, hash, hash_version)
     VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [event.seq, event.operationId, event.occurredAt, event.actorUserId, event.actorUsername,
      event.action, event.entityType, event.entityId, event.officeId, event.ip, event.requestId,
      JSON.stringify(event.details), prevHash, hash, AUDIT_HASH_VERSION],
  );
  return event.seq;
}

/** Field-level changes for an update event; secret values are replaced by a marker. */
export function describeChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  secretFields: readonly string[] = [],
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changes[key] = secretFields.includes(key)
      ? { before: '[changed]', after: '[changed]' }
      : { before: before[key] ?? null, after: after[key] };
  }
  return changes;
}
