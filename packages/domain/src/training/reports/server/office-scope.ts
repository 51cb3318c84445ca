import { widestScope } from '../../../auth/permissions.ts';
import type { Actor } from '../../../shared/context.ts';

/** A timestamp column as a Mexico City calendar day. */
export const MX_DAY = (column: string) => `(${column} AT TIME ZONE 'America/Mexico_City')::date`;

/**
 * SQL condition on an office id column for the widest scope the actor holds of `action:entity`
 * (params appended); null when that scope does not reach offices (none, or only their own).
 */
export function officeCondition(actor: Actor, action: string, entity: string, column: string, params: unknown[]): string | null {
  const scope = widestScope(actor.permissions, action, entity);
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `${column} IN (SELECT id FROM offices WHERE institution_id = $${params.length})`;
  }
  if (scope === 'office') {
    params.push(actor.officeIds);
    return `${column} = ANY($${params.length}::uuid[])`;
  }
  return null;
}
