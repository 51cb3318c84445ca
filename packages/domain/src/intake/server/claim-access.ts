import type { Queryable } from '@refugio/db';
import { widestScope, type Scope } from '../../auth/permissions.ts';
import { AppError, type FieldError } from '../../shared/errors.ts';
import type { Actor, RequestContext } from '../../shared/context.ts';

export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** The widest scope the actor holds for action:claim; FORBIDDEN without any. */
export function requireClaimScope(actor: Actor, action: 'read' | 'update'): Scope {
  const scope = widestScope(actor.permissions, action, 'claim');
  if (!scope) throw new AppError('FORBIDDEN');
  return scope;
}

/**
 * SQL condition (on claims alias `c`) for the claims a scope reaches; params appended. "office":
 * claims of the actor's offices; "own": claims assigned to the actor.
 */
export function claimScopeCondition(scope: Scope, actor: Actor, params: unknown[], alias = 'c'): string {
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `${alias}.office_id IN (SELECT id FROM offices WHERE institution_id = $${params.length})`;
  }
  if (scope === 'office') {
    if (actor.officeIds.length === 1) {
      params.push(actor.officeIds[0]);
      return `${alias}.office_id = $${params.length}`;
    }
    params.push(actor.officeIds);
    return `${alias}.office_id = ANY($${params.length}::uuid[])`;
  }
  params.push(actor.userId);
  return `${alias}.assigned_officer_id = $${params.length}`;
}

export interface ClaimKey {
  id: string;
  office_id: string;
  assigned_officer_id: string | null;
  status: string;
  version: number;
}

/** Whether the claim is inside the actor's scope for the action (the row must be loaded). */
export function inScope(scope: Scope, actor: Actor, claim: ClaimKey, institutionOfOffice: string | null): boolean {
  if (scope === 'all') return true;
  if (scope === 'institution') return institutionOfOffice === actor.institutionId;
  if (scope === 'office') return actor.officeIds.includes(claim.office_id);
  return claim.assigned_officer_id === actor.userId;
}

/**
 * Loads a claim the actor may act on (FOR UPDATE inside a transaction when `lock`). Out of scope
 * answers NOT_FOUND for reads (no hint that the file exists) and FORBIDDEN for writes on a claim
 * the actor can read.
 */
export async function loadClaimFor(tx: Queryable, actor: Actor, id: string, action: 'read' | 'update', lock = false): Promise<ClaimKey> {
  const { rows } = await tx.query<ClaimKey & { institution_id: string }>(
    `SELECT c.id, c.office_id, c.assigned_officer_id, c.status, c.version, o.institution_id
       FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id],
  );
  const claim = rows[0];
  if (!claim) throw new AppError('NOT_FOUND');
  const readScope = widestScope(actor.permissions, 'read', 'claim');
  const readable = readScope !== null && inScope(readScope, actor, claim, claim.institution_id);
  if (action === 'read') {
    if (!readable) throw new AppError('NOT_FOUND');
    return claim;
  }
  const scope = widestScope(actor.permissions, 'update', 'claim');
  if (!scope || !inScope(scope, actor, claim, claim.institution_id)) throw new AppError(readable ? 'FORBIDDEN' : 'NOT_FOUND');
  return claim;
}

/** Field policy: sensitive fields of a claim's people are read by its office (office scope) or its officer (own). */
export function mayReadSensitive(actor: Actor, claim: { office_id: string; assigned_officer_id: string | null }): boolean {
  if (actor.permissions.has('read:sensitive:office') && actor.officeIds.includes(claim.office_id)) return true;
  return actor.permissions.has('read:sensitive:own') && claim.assigned_officer_id === actor.userId;
}

/** Collects field errors so one answer names every bad field. */
export class FieldErrors {
  readonly errors: FieldError[] = [];
  add(field: string, code: string, params?: Record<string, string | number>): void {
    this.errors.push({ field, code, ...(params ? { params } : {}) });
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: this.errors });
  }
}
