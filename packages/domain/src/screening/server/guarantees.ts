import type { Queryable } from '@refugio/db';
import { isSensitiveCategory, type VulnerabilityCategory } from '../../intake/index.ts';
import type { NeedChange } from '../../intake/server/index.ts';
import type { RequestContext } from '../../shared/context.ts';
import { PRIORITISING_NEEDS } from '../screening.rules.ts';

/** Evidence stored when the claim's modality already meets the prioritised examination. */
export const PRIORITISED_EVIDENCE = 'Solicitud en modalidad prioritaria';

/**
 * What a need identified for a person calls for (ADR 026): a pending guarantee per active rule
 * (one row per person and guarantee, listing every need behind it); a child's claim becomes
 * prioritised. A withdrawn need leaves the guarantees it alone called for not applicable, with
 * the reason, and keeps the others.
 */
export async function applyNeedToGuarantees(tx: Queryable, ctx: RequestContext, change: NeedChange): Promise<void> {
  if (change.change === 'withdrawn') {
    await tx.query(
      `UPDATE claim_guarantees SET need_codes = array_remove(need_codes, $3), version = version + 1, updated_at = now(),
              status = CASE WHEN cardinality(array_remove(need_codes, $3)) = 0 AND status = 'pending' THEN 'not_applicable' ELSE status END,
              reason = CASE WHEN cardinality(array_remove(need_codes, $3)) = 0 AND status = 'pending' THEN 'La necesidad que la exigía se retiró' ELSE reason END
        WHERE claim_id = $1 AND person_id = $2 AND $3 = ANY(need_codes)`,
      [change.claimId, change.personId, change.category]);
    return;
  }
  await tx.query(
    `INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive)
     SELECT $1, $2, r.guarantee_code, ARRAY[$3], $4 FROM guarantee_rules r WHERE r.active AND r.need_code = $3
     ON CONFLICT (claim_id, person_id, guarantee_code) DO UPDATE
       SET need_codes = CASE WHEN $3 = ANY(claim_guarantees.need_codes) THEN claim_guarantees.need_codes
                             ELSE claim_guarantees.need_codes || $3 END,
           sensitive = claim_guarantees.sensitive OR EXCLUDED.sensitive,
           -- A need identified again reopens a guarantee closed only because its need had been withdrawn.
           status = CASE WHEN cardinality(claim_guarantees.need_codes) = 0 THEN 'pending' ELSE claim_guarantees.status END,
           reason = CASE WHEN cardinality(claim_guarantees.need_codes) = 0 THEN NULL ELSE claim_guarantees.reason END,
           version = claim_guarantees.version + 1, updated_at = now()`,
    [change.claimId, change.personId, change.category, isSensitiveCategory(change.category)]);
  if ((PRIORITISING_NEEDS as readonly VulnerabilityCategory[]).includes(change.category)) await prioritise(tx, ctx, change);
}

/** A child's claim is examined with priority (UNHCR Guidelines on International Protection No. 8). */
async function prioritise(tx: Queryable, ctx: RequestContext, change: NeedChange): Promise<void> {
  // A claim just registered stays at version 1: nobody has read it yet.
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE claims SET modality = 'prioritised', updated_at = now()${change.registering ? '' : ', version = version + 1'}
      WHERE id = $1 AND modality = 'regular' RETURNING id`, [change.claimId]);
  if (rows[0]) {
    await tx.query(`INSERT INTO claim_events (claim_id, kind, reason, details, actor_user_id) VALUES ($1, 'updated', $2, $3, $4)`,
      [change.claimId, 'Niña, niño o adolescente: examen prioritario', JSON.stringify({ changes: { modality: { before: 'regular', after: 'prioritised' } } }),
        ctx.actor?.userId ?? null]);
  }
  await tx.query(
    `UPDATE claim_guarantees SET status = 'met', evidence = $3, decided_at = now(), version = version + 1, updated_at = now()
      WHERE claim_id = $1 AND person_id = $2 AND guarantee_code = 'prioritised_examination' AND status = 'pending'
        AND EXISTS (SELECT 1 FROM claims WHERE id = $1 AND modality = 'prioritised')`,
    [change.claimId, change.personId, PRIORITISED_EVIDENCE]);
}
