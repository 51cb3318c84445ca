import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { ageOn } from '../../intake/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError, FieldErrors } from '../../shared/errors.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TBestInterests, TBestInterestsInput } from '../screening.schemas.ts';
import { requireMember } from './claim-member.ts';
import { BEST_INTERESTS_SELECT } from './get-screening.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

/**
 * Records or revises the best-interests assessment of a child of the claim (Convention on the
 * Rights of the Child, art. 3): version 0 creates it, the current version revises it. Meets the
 * child's best-interests guarantee.
 */
export async function saveBestInterests(
  db: Database, ctx: RequestContext, claimId: string, personId: string, input: TBestInterestsInput,
): Promise<TBestInterests> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    const person = await requireMember(tx, claimId, personId, 'personId');
    const today = todayIn(claim.time_zone);
    const errors = new FieldErrors();
    if (input.assessedOn > today) errors.add('assessedOn', 'validation.date_in_future');
    const flaggedChild = await tx.query(
      `SELECT 1 FROM vulnerability_flags WHERE claim_id = $1 AND person_id = $2 AND category IN ('child', 'unaccompanied_child')
          AND withdrawn_at IS NULL`, [claimId, personId]);
    const isChild = person.birth_date ? ageOn(person.birth_date, today) < 18 : (flaggedChild.rowCount ?? 0) > 0;
    if (!isChild) errors.add('personId', 'validation.not_a_child');
    errors.throwIfAny();
    const current = (await tx.query<TBestInterests>(`${BEST_INTERESTS_SELECT} WHERE b.claim_id = $1 AND b.person_id = $2 FOR UPDATE`,
      [claimId, personId])).rows[0];
    if ((current?.version ?? 0) !== input.version) {
      if (!current) throw fieldError('version', 'validation.invalid_value');
      throw versionConflict(current);
    }
    await tx.query(
      `INSERT INTO best_interests_assessments (claim_id, person_id, assessed_on, assessed_by, summary, recommendations, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (claim_id, person_id) DO UPDATE SET assessed_on = EXCLUDED.assessed_on, assessed_by = EXCLUDED.assessed_by,
         summary = EXCLUDED.summary, recommendations = EXCLUDED.recommendations, recorded_by = EXCLUDED.recorded_by,
         version = best_interests_assessments.version + 1, updated_at = now()`,
      [claimId, personId, input.assessedOn, input.assessedBy, input.summary, input.recommendations, actor.userId]);
    await tx.query(
      `UPDATE claim_guarantees SET status = 'met', evidence = $3, decided_by = $4, decided_at = now(), version = version + 1, updated_at = now()
        WHERE claim_id = $1 AND person_id = $2 AND guarantee_code = 'best_interests_assessment' AND status = 'pending'`,
      [claimId, personId, `Evaluación del ${input.assessedOn} por ${input.assessedBy}`, actor.userId]);
    await recordAudit(tx, ctx, {
      action: 'claim.best_interests_recorded', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { personId, assessedOn: input.assessedOn, revised: Boolean(current) },
    });
    return (await tx.query<TBestInterests>(`${BEST_INTERESTS_SELECT} WHERE b.claim_id = $1 AND b.person_id = $2`, [claimId, personId])).rows[0]!;
  });
}
