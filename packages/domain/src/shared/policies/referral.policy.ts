/**
 * Who may read or change an INM → COMAR referral (ADR 012), in one place.
 * - read: `read:referral:<scope>`, office = the sending or the receiving office;
 * - create: `create:referral:office` at the sending office; decide (accept, return):
 *   `decide:referral:office` at the receiving office (checked by the use cases with these helpers);
 * - sensitive details: the receiving office under the field policy (`read:sensitive:office`).
 */
import type { Actor } from '../context.ts';
import { requireScope } from '../scope.ts';
import type { Scope } from '../permissions.ts';

export function requireReferralScope(actor: Actor): Scope {
  return requireScope(actor, 'read', 'referral');
}

/** SQL condition on referrals `r` with sending office `so` and receiving office `t` (params appended). */
export function referralScopeCondition(scope: Scope, actor: Actor, params: unknown[]): string {
  if (scope === 'all') return 'true';
  if (scope === 'institution') {
    params.push(actor.institutionId);
    return `(so.institution_id = $${params.length} OR t.institution_id = $${params.length})`;
  }
  params.push(actor.officeIds);
  return `(r.source_office_id = ANY($${params.length}::uuid[]) OR r.target_office_id = ANY($${params.length}::uuid[]))`;
}

export function mayReadReferralSensitive(actor: Actor, referral: { target_office_id: string }): boolean {
  return actor.permissions.has('read:sensitive:office') && actor.officeIds.includes(referral.target_office_id);
}
