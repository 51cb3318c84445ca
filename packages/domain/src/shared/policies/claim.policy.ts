/**
 * Who may read or change a claim, in one place (ADR 012 for scope and the field policy; ADR 019
 * for steps). Every use case that touches a claim goes through these functions.
 *
 * - read: `read:claim:<scope>`: own = assigned to the reader; office = the reader's offices;
 *   institution; all.
 * - update (lifecycle steps, flags, corrections): `update:claim:<scope>` on a claim the reader can read.
 * - assign: `assign:claim:office`, on a claim of one of the reader's offices.
 * - reopen a closed file: `reopen:claim:office` (supervisors), on a claim of one of the reader's offices (ADR 050).
 * - sensitive fields (SOGI, health, trauma): `read:sensitive:office` in the claim's office, or
 *   `read:sensitive:own` for the assigned officer.
 */
import type { Queryable } from '@refugio/db';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { widestScope, type Scope } from '../permissions.ts';
import { scopeCondition } from '../scope.ts';

export type ClaimAction = 'read' | 'update' | 'assign' | 'register' | 'reopen';

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
  return scopeCondition(scope, actor, params, { office: `${alias}.office_id`, own: `${alias}.assigned_officer_id` });
}

export interface ClaimKey {
  id: string;
  office_id: string;
  institution_id: string;
  assigned_officer_id: string | null;
  status: string;
  version: number;
  /** The office's IANA zone: the claim's civil days (shared/time.ts). */
  time_zone: string;
}

/** Whether the claim is inside the actor's scope for the action (the row must be loaded). */
export function inScope(scope: Scope, actor: Actor, claim: Pick<ClaimKey, 'office_id' | 'assigned_officer_id'>, institutionOfOffice: string | null): boolean {
  if (scope === 'all') return true;
  if (scope === 'institution') return institutionOfOffice === actor.institutionId;
  if (scope === 'office') return actor.officeIds.includes(claim.office_id);
  return claim.assigned_officer_id === actor.userId;
}

/** The parts of a claim its access depends on. */
export type ClaimScopeKey = Pick<ClaimKey, 'office_id' | 'institution_id' | 'assigned_officer_id'>;

/** Whether the actor may take an action on a loaded claim. */
export function mayActOnClaim(actor: Actor, action: ClaimAction, claim: ClaimScopeKey): boolean {
  if (action === 'assign' || action === 'register' || action === 'reopen') {
    return actor.permissions.has(`${action}:claim:office`) && actor.officeIds.includes(claim.office_id);
  }
  const scope = widestScope(actor.permissions, action, 'claim');
  return scope !== null && inScope(scope, actor, claim, claim.institution_id);
}

/**
 * Loads a claim the actor may act on (FOR UPDATE inside a transaction when `lock`). Out of scope
 * answers NOT_FOUND for reads (no hint that the file exists) and FORBIDDEN for other actions on a
 * claim the actor can read.
 */
export async function loadClaimFor(tx: Queryable, actor: Actor, id: string, action: ClaimAction, lock = false): Promise<ClaimKey> {
  const { rows } = await tx.query<ClaimKey>(
    `SELECT c.id, c.office_id, c.assigned_officer_id, c.status, c.version, o.institution_id, o.time_zone
       FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id],
  );
  const claim = rows[0];
  if (!claim) throw new AppError('NOT_FOUND');
  const readable = mayActOnClaim(actor, 'read', claim);
  if (action === 'read') {
    if (!readable) throw new AppError('NOT_FOUND');
    return claim;
  }
  if (!mayActOnClaim(actor, action, claim)) throw new AppError(readable ? 'FORBIDDEN' : 'NOT_FOUND');
  return claim;
}

/** Field policy: sensitive fields of a claim's people are read by its office (office scope) or its officer (own). */
export function mayReadSensitive(actor: Actor, claim: { office_id: string; assigned_officer_id: string | null }): boolean {
  if (actor.permissions.has('read:sensitive:office') && actor.officeIds.includes(claim.office_id)) return true;
  return actor.permissions.has('read:sensitive:own') && claim.assigned_officer_id === actor.userId;
}
