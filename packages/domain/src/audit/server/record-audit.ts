import type { Queryable } from '@refugio/db';
import type { RequestContext } from '../../shared/context.ts';
import type { AuditAction } from '../audit.actions.ts';
import { microsecondTimestamp } from './audit-hash.ts';

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

/**
 * Inserts one event inside the caller's transaction, so it commits or rolls back with the change.
 * It takes no lock: the event joins the hash chain when the sealer finds it committed (ADR 032).
 * Returns the event's id.
 */
export async function recordAudit(tx: Queryable, ctx: RequestContext, entry: AuditEntry): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO audit_events (operation_id, occurred_at, actor_user_id, actor_username, action,
       entity_type, entity_id, office_id, ip, request_id, details)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [ctx.actor?.operationId ?? 1,
      // Microseconds as the hash covers them; the sealer reads the stored text back.
      microsecondTimestamp(new Date()),
      entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actor?.userId ?? null),
      entry.actorUsername !== undefined ? entry.actorUsername : (ctx.actor?.username ?? null),
      entry.action, entry.entityType, entry.entityId ?? null, entry.officeId ?? null, ctx.ip ?? null,
      ctx.requestId ?? null, JSON.stringify(entry.details ?? {})],
    { prepared: 'refugio_audit_insert' },
  );
  return rows[0]!.id;
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
