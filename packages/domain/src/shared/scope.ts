/**
 * One way to turn a reader's scope into SQL. Permissions are `action:entity:scope` (ADR 004);
 * a use case narrows records by the widest scope the reader holds.
 */
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';
import { widestScope, type Scope } from './permissions.ts';

/** The widest scope held for action:entity; FORBIDDEN without any. */
export function requireScope(actor: Actor, action: string, entity: string): Scope {
  const scope = widestScope(actor.permissions, action, entity);
  if (!scope) throw new AppError('FORBIDDEN');
  return scope;
}

export interface ScopeColumns {
  /** The record's office id column. */
  office: string;
  /** The column naming the user a record is "own" to (the assigned officer); without it "own" reaches nothing. */
  own?: string;
}

/**
 * SQL condition for the records a scope reaches, by their office (params appended): all → every
 * record; institution → offices of the reader's institution; office → the reader's offices;
 * own → records whose `own` column is the reader.
 */
export function scopeCondition(scope: Scope, actor: Actor, params: unknown[], columns: ScopeColumns): string {
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `${columns.office} IN (SELECT id FROM offices WHERE institution_id = $${params.length})`;
  }
  if (scope === 'office') {
    if (actor.officeIds.length === 1) {
      params.push(actor.officeIds[0]);
      return `${columns.office} = $${params.length}`;
    }
    params.push(actor.officeIds);
    return `${columns.office} = ANY($${params.length}::uuid[])`;
  }
  if (!columns.own) return 'false';
  params.push(actor.userId);
  return `${columns.own} = $${params.length}`;
}

/**
 * SQL condition on an office id column for the widest scope the actor holds of `action:entity`
 * (params appended); null when that scope does not reach offices (none, or only their own).
 */
export function officeCondition(actor: Actor, action: string, entity: string, column: string, params: unknown[]): string | null {
  const scope = widestScope(actor.permissions, action, entity);
  if (!scope || scope === 'own') return null;
  return scopeCondition(scope, actor, params, { office: column });
}

/**
 * SQL condition (on users alias `u`) for the people a scope reaches: all; the reader's
 * institution; members of the reader's offices; the reader alone.
 */
export function peopleScopeCondition(scope: Scope, actor: Actor, params: unknown[]): string {
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `u.institution_id = $${params.length}`;
  }
  if (scope === 'office') {
    params.push(actor.officeIds);
    return `u.id IN (SELECT user_id FROM user_offices WHERE office_id = ANY($${params.length}::uuid[]))`;
  }
  params.push(actor.userId);
  return `u.id = $${params.length}`;
}
