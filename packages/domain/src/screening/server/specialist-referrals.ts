import type { Database } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { SENSITIVE_SPECIALISTS } from '../screening.rules.ts';
import type { TSpecialistReferral, TSpecialistReferralInput, ZSpecialistOutcomeInput } from '../screening.schemas.ts';
import { requireMember } from './claim-member.ts';
import { presentReferral, REFERRAL_SELECT } from './get-screening.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

type ReferralRow = Parameters<typeof presentReferral>[0];

/**
 * Refers a person of the claim to a specialist (a doctor, a psychologist, DIF and the
 * Procuraduría de Protección for a child, anti-trafficking support): identification by
 * non-specialists, assessment by specialists (EUAA IPSN tool). A referral to DIF meets the
 * unaccompanied child's referral guarantee once its outcome is recorded.
 */
export async function createSpecialistReferral(db: Database, ctx: RequestContext, claimId: string, input: TSpecialistReferralInput): Promise<TSpecialistReferral> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    await requireMember(tx, claimId, input.personId);
    const sensitive = SENSITIVE_SPECIALISTS.includes(input.specialist);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO specialist_referrals (claim_id, person_id, specialist, sensitive, reason, referred_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [claimId, input.personId, input.specialist, sensitive, input.reason, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'claim.specialist_referred', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { referralId: id, personId: input.personId, specialist: sensitive ? 'sensitive' : input.specialist },
    });
    const row = (await tx.query<ReferralRow>(`${REFERRAL_SELECT} WHERE r.id = $1`, [id])).rows[0]!;
    return presentReferral(row, mayReadSensitive(actor, claim));
  });
}

/** Records what came of a referral (completed with the specialist's outcome, or declined by the person). */
export async function recordSpecialistOutcome(
  db: Database, ctx: RequestContext, claimId: string, referralId: string, input: z.infer<typeof ZSpecialistOutcomeInput>,
): Promise<TSpecialistReferral> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    const readSensitive = mayReadSensitive(actor, claim);
    const select = `${REFERRAL_SELECT} WHERE r.id = $1 AND r.claim_id = $2`;
    const before = (await tx.query<ReferralRow>(select, [referralId, claimId])).rows[0];
    if (!before) throw new AppError('NOT_FOUND');
    if (before.sensitive && !readSensitive) throw new AppError('FORBIDDEN');
    if (before.status !== 'pending') throw new AppError('INVALID_STATE', { extra: { reason: 'referral_closed' } });
    const { rowCount } = await tx.query(
      `UPDATE specialist_referrals SET status = $3, outcome = $4, outcome_recorded_by = $5, outcome_recorded_at = now(),
              version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
      [referralId, input.version, input.status, input.outcome, actor.userId]);
    if (rowCount === 0) throw versionConflict(presentReferral(before, readSensitive));
    if (before.specialist === 'dif_procuraduria' && input.status === 'completed') {
      await tx.query(
        `UPDATE claim_guarantees SET status = 'met', evidence = $3, decided_by = $4, decided_at = now(), version = version + 1, updated_at = now()
          WHERE claim_id = $1 AND person_id = $2 AND guarantee_code = 'dif_referral' AND status = 'pending'`,
        [claimId, before.personId, `Canalizado al DIF: ${input.outcome}`, actor.userId]);
    }
    await recordAudit(tx, ctx, {
      action: 'claim.specialist_outcome_recorded', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { referralId, status: input.status },
    });
    return presentReferral((await tx.query<ReferralRow>(select, [referralId, claimId])).rows[0]!, readSensitive);
  });
}
