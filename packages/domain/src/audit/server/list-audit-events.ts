import type { Queryable } from '@refugio/db';
import { widestScope } from '../../shared/permissions.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../../shared/context.ts';
import type { TAuditEvent, TAuditQuery } from '../audit.schemas.ts';

interface Row {
  id: number;
  seq: number | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  office_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Newest first, keyset-paginated on the event id, which every event has from its insert on (the
 * seq only once sealed, ADR 032); office-scoped readers see their offices' events.
 */
export async function listAuditEvents(
  db: Queryable,
  actor: Actor,
  query: TAuditQuery,
): Promise<{ items: TAuditEvent[]; nextBefore: number | null }> {
  const scope = widestScope(actor.permissions, 'read', 'audit');
  if (!scope) throw new AppError('FORBIDDEN');
  const where: string[] = ['operation_id = $1'];
  const params: unknown[] = [actor.operationId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (scope === 'institution') {
    add('office_id IN (SELECT id FROM offices WHERE institution_id = ?)', actor.institutionId);
  } else if (scope !== 'all') {
    add('office_id = ANY(?::uuid[])', actor.officeIds);
  }
  if (query.action) add('action = ?', query.action);
  if (query.entityType) add('entity_type = ?', query.entityType);
  if (query.entityId) add('entity_id = ?', query.entityId);
  if (query.actor) add('lower(actor_username) = lower(?)', query.actor);
  if (query.from) add('occurred_at >= ?::date', query.from);
  if (query.to) add("occurred_at < (?::date + interval '1 day')", query.to);
  if (query.before) add('id < ?', query.before);
  params.push(query.limit + 1);
  const { rows } = await db.query<Row>(
    `SELECT id, seq, occurred_at, actor_user_id, actor_username, action, entity_type, entity_id, office_id,
            ip, request_id, details
       FROM audit_events WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id, seq: r.seq, occurredAt: new Date(r.occurred_at).toISOString(), actorUserId: r.actor_user_id,
      actorUsername: r.actor_username, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
      officeId: r.office_id, ip: r.ip, requestId: r.request_id, details: r.details,
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
