import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { todayIn } from '../../shared/time.ts';
import type { TWeeklySignatureInput, TSignatureStatus } from '../scheduling.schemas.ts';
import { getSignatureStatus } from './get-signature-status.ts';
import { OWES_SIGNATURE_SQL } from './signature-streak.ts';

export interface RecordSignatureOptions {
  claimId: string;
  input: TWeeklySignatureInput;
}

/**
 * Records that the applicant reported in person this week (Reglamento art. 24): the day, the
 * office where they signed (one of the recorder's) and who recorded it. Only for a claim whose
 * applicant owes the signature. The day cannot be in the future nor before the claim was lodged.
 */
export async function recordSignature(db: Database, ctx: RequestContext, options: RecordSignatureOptions): Promise<TSignatureStatus> {
  const actor = actorOf(ctx);
  const { input } = options;
  await db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const facts = (await tx.query<{ owes: boolean; lodged_on: string }>(
      `SELECT ${OWES_SIGNATURE_SQL} AS owes, to_char((c.lodged_at AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS lodged_on
         FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1`, [claim.id])).rows[0]!;
    if (!facts.owes) throw new AppError('INVALID_STATE', { extra: { reason: 'no_signature_owed', currentStatus: claim.status } });
    const office = (await tx.query<{ time_zone: string }>('SELECT time_zone FROM offices WHERE id = $1 AND active', [input.officeId])).rows[0];
    const errors = new FieldErrors();
    if (!office || !actor.officeIds.includes(input.officeId)) errors.add('officeId', 'validation.office_out_of_scope');
    const today = todayIn(office?.time_zone ?? claim.time_zone);
    const signedOn = input.signedOn ?? today;
    if (signedOn > today) errors.add('signedOn', 'validation.date_in_future');
    else if (signedOn < facts.lodged_on) errors.add('signedOn', 'validation.before_lodging');
    errors.throwIfAny();
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO signature_records (claim_id, office_id, signed_on, notes, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [claim.id, input.officeId, signedOn, input.notes, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'signature.recorded', entityType: 'signature_record', entityId: rows[0]!.id, officeId: claim.office_id,
      details: { claimId: claim.id, signedOn, officeId: input.officeId },
    });
  });
  return getSignatureStatus(db, ctx, { claimId: options.claimId });
}
