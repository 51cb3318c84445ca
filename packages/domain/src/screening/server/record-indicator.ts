import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { isSensitiveCategory } from '../../intake/index.ts';
import { recordNeed } from '../../intake/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { FieldErrors } from '../../shared/errors.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import type { TIndicator, TIndicatorInput } from '../screening.schemas.ts';
import { requireMember } from './claim-member.ts';
import { INDICATOR_SELECT, presentIndicator } from './get-screening.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

/**
 * Records an indicator of a specific need (EUAA IPSN tool): anyone handling the claim, at any
 * stage. The need behind it (a flag for the person and category) is recorded the first time, with
 * what follows from it (guarantees, priority); later indicators add evidence to it.
 */
export async function recordIndicator(db: Database, ctx: RequestContext, claimId: string, input: TIndicatorInput): Promise<TIndicator> {
  const actor = actorOf(ctx);
  const errors = new FieldErrors();
  if (Date.parse(input.observedAt) > Date.now() + 5 * 60_000) errors.add('observedAt', 'validation.date_in_future');
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    await requireMember(tx, claimId, input.personId);
    const sensitive = isSensitiveCategory(input.category);
    const existing = (await tx.query<{ id: string }>(
      `SELECT id FROM vulnerability_flags WHERE claim_id = $1 AND person_id = $2 AND category = $3 AND withdrawn_at IS NULL
        ORDER BY recorded_at LIMIT 1`, [claimId, input.personId, input.category])).rows[0];
    const flagId = existing?.id ?? await recordNeed(tx, ctx, {
      claimId, officeId: claim.office_id, personId: input.personId, category: input.category, indicator: input.description,
    });
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vulnerability_indicators (claim_id, person_id, flag_id, category, kind, description, sensitive, observed_by,
         observed_at, observed_place, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [claimId, input.personId, flagId, input.category, input.kind, input.description, sensitive, input.observedBy, input.observedAt,
        input.observedPlace, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'claim.indicator_recorded', entityType: 'claim', entityId: claimId, officeId: claim.office_id,
      details: { indicatorId: id, flagId, personId: input.personId, category: sensitive ? 'sensitive' : input.category, kind: input.kind },
    });
    const row = (await tx.query<Parameters<typeof presentIndicator>[0]>(`${INDICATOR_SELECT} WHERE i.id = $1`, [id])).rows[0]!;
    return presentIndicator(row, mayReadSensitive(actor, claim));
  });
}
