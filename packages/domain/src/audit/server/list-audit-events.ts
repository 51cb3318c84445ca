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
): Promise<{ items: TAuditEvent[]; nextBefore: number | null; names: Record<string, string> }> {
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
  const names = await namesOf(db, page);
  return {
    names,
    items: page.map((r) => ({
      id: r.id, seq: r.seq, occurredAt: new Date(r.occurred_at).toISOString(), actorUserId: r.actor_user_id,
      actorUsername: r.actor_username, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
      officeId: r.office_id, ip: r.ip, requestId: r.request_id, details: r.details,
    })),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an event names: its record, and ids among its details' values (one level, arrays included). */
function idsOf(row: Row): string[] {
  const values = Object.values(row.details ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return [row.entity_id, ...values].filter((v): v is string => typeof v === 'string' && UUID.test(v));
}

/**
 * Names of the page's ids in one statement: people (users), offices, institutions, claims (their
 * number) and training sessions (their code). A person applying for protection is never named
 * here: the trail is read by auditors who do not read claims.
 */
async function namesOf(db: Queryable, rows: Row[]): Promise<Record<string, string>> {
  const ids = [...new Set(rows.flatMap(idsOf))];
  if (ids.length === 0) return {};
  const { rows: named } = await db.query<{ id: string; name: string }>(
    `SELECT id::text, full_name AS name FROM users WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, name FROM offices WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, name FROM institutions WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, claim_number FROM claims WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id::text, code FROM training_sessions WHERE id = ANY($1::uuid[])`, [ids]);
  return Object.fromEntries(named.map((n) => [n.id, n.name]));
}
