/**
 * Who may read a person's file (ADR 011, ADR 012): a person is read through their claims, so
 * whoever may read one of their claims reads the whole file; a duplicate candidate outside the
 * reader's claims shows only the fields that identify them, and the number and office of their
 * claims. Sensitive fields follow the claim's field policy (claim.policy.ts).
 */
import type { Actor } from '../context.ts';
import { mayActOnClaim, type ClaimScopeKey } from './claim.policy.ts';

export function mayReadClaimOf(actor: Actor, claim: ClaimScopeKey): boolean {
  return mayActOnClaim(actor, 'read', claim);
}

export function mayReadPersonFile(actor: Actor, claims: readonly ClaimScopeKey[]): boolean {
  return claims.some((claim) => mayReadClaimOf(actor, claim));
}
