/**
 * Competency gating (ADR 014): a need identified in a claim requires a competency of the
 * officer who takes it. Needs are the claim's active vulnerability-flag categories, plus
 * `any_claim` for every claim; `exclusion_indicator` waits for the screening issue to record it.
 */
export const ANY_CLAIM_NEED = 'any_claim';
/** Exclusion indicators: no flag records them yet (the screening issue will); the rule waits for it. */
export const EXCLUSION_NEED = 'exclusion_indicator';

export interface GatingRule {
  needCode: string;
  competencyCode: string;
}

/** The competencies a claim with these needs requires, sorted, without repeats. */
export function requiredCompetencies(needs: Iterable<string>, rules: readonly GatingRule[]): string[] {
  const present = new Set(needs);
  present.add(ANY_CLAIM_NEED);
  return [...new Set(rules.filter((r) => present.has(r.needCode)).map((r) => r.competencyCode))].toSorted();
}

/** The required competencies the officer does not validly hold. */
export function missingCompetencies(required: readonly string[], held: Iterable<string>): string[] {
  const holds = new Set(held);
  return required.filter((c) => !holds.has(c));
}

/** A grant is valid on `day` (ISO date) when granted by then, not yet expired and not revoked. */
export function isGrantValid(grant: { grantedOn: string; expiresOn: string | null; revoked: boolean }, day: string): boolean {
  return !grant.revoked && grant.grantedOn <= day && (grant.expiresOn === null || grant.expiresOn > day);
}

/** Days from `day` to the grant's expiry, to flag "expiring soon"; null when it never expires. */
export function validityStatus(expiresOn: string | null, day: string, soonDays: number): 'valid' | 'expiring' | 'expired' {
  if (expiresOn === null) return 'valid';
  if (expiresOn <= day) return 'expired';
  const left = (Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
  return left <= soonDays ? 'expiring' : 'valid';
}
