/**
 * Who may read or act on a claim's reasoned decision, in one place (ADR 030, on the claim's own
 * policy, ADR 012 and 019):
 * - read: whoever reads the claim; the text of a decision that quotes a sensitive fact only
 *   under the claim's field policy (the status, dates and outcome stay readable);
 * - draft, edit, submit, notify, lodge and resolve an appeal: whoever may update the claim;
 * - review (comment, return, approve): the reviewer named at submission, who must still be able
 *   to update the claim — four eyes (UNHCR Procedural Standards for RSD 4.7; EUAA Quality
 *   Assurance Tool): the drafter never reviews their own draft (a safeguard also guards it);
 * - sign: a holder of `sign:decision:office` in the claim's office (the authority's signatory).
 */
import type { Actor } from '../context.ts';
import { mayActOnClaim, mayReadSensitive, type ClaimScopeKey } from './claim.policy.ts';

export interface DecisionPolicyKey {
  status: string;
  drafted_by: string | null;
  reviewer_id: string | null;
  sensitive: boolean;
}

export function mayDraftDecision(actor: Actor, claim: ClaimScopeKey): boolean {
  return mayActOnClaim(actor, 'update', claim);
}

export function mayReviewDecision(actor: Actor, claim: ClaimScopeKey, decision: DecisionPolicyKey): boolean {
  return decision.reviewer_id === actor.userId && decision.drafted_by !== actor.userId && mayActOnClaim(actor, 'update', claim);
}

export function maySignDecision(actor: Actor, claim: ClaimScopeKey): boolean {
  return actor.permissions.has('sign:decision:office') && actor.officeIds.includes(claim.office_id) && mayActOnClaim(actor, 'update', claim);
}

/** The decision's reasons may quote a sensitive fact: read under the claim's field policy. */
export function mayReadDecisionText(actor: Actor, claim: ClaimScopeKey, decision: Pick<DecisionPolicyKey, 'sensitive'>): boolean {
  return !decision.sensitive || mayReadSensitive(actor, claim);
}
