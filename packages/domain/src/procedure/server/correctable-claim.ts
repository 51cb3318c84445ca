import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { isClosedFile } from '../procedure.rules.ts';

/** The claim for a correction of its contents (people, needs, guarantees): refused once the file is closed. */
export async function loadCorrectableClaim(tx: Queryable, actor: Actor, id: string): Promise<ClaimKey> {
  const claim = await loadClaimFor(tx, actor, id, 'update', true);
  if (isClosedFile(claim.status)) throw new AppError('INVALID_STATE', { extra: { reason: 'claim_closed', currentStatus: claim.status } });
  return claim;
}
