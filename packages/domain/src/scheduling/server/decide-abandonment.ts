import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import type { TAbandonmentCandidate } from '../scheduling.schemas.ts';
import { abandonmentCandidates } from './abandonment-candidates.ts';

/**
 * The proposal a supervisor decides on, locked with its claim: the claim must be of one of their
 * offices (`decide:abandonment:office`; NOT_FOUND otherwise), at the version they read (409 with
 * the current proposal), and still proposed (INVALID_STATE when a signature came in meanwhile).
 */
export async function proposalToDecide(tx: Queryable, actor: Actor, claimId: string, version: number): Promise<TAbandonmentCandidate> {
  if (!actor.permissions.has('decide:abandonment:office')) throw new AppError('FORBIDDEN');
  const claim = await loadClaimFor(tx, actor, claimId, 'read', true);
  if (!actor.officeIds.includes(claim.office_id)) throw new AppError('NOT_FOUND');
  const [proposal] = await abandonmentCandidates(tx, [claim.office_id], claimId);
  if (!proposal) throw new AppError('INVALID_STATE', { extra: { reason: 'not_proposed' } });
  if (claim.version !== version) throw versionConflict(proposal);
  return proposal;
}
