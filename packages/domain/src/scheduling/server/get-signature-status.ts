import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TSignatureStatus } from '../scheduling.schemas.ts';
import { settingsFor } from './scheduling-settings.ts';
import { missedWeeksSql, OWES_SIGNATURE_SQL, STREAK_FROM_SQL } from './signature-streak.ts';
import { utcSql } from './appointment-view.ts';

export interface GetSignatureStatusOptions {
  claimId: string;
}

/** A claim's weekly signatures, the weeks missed in a row and the authority's threshold (claim policy `read`; audited). */
export async function getSignatureStatus(db: Database, ctx: RequestContext, options: GetSignatureStatusOptions): Promise<TSignatureStatus> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const status = (await tx.query<{ owes: boolean; streak_from: string; missed: number }>(
      `SELECT ${OWES_SIGNATURE_SQL} AS owes, to_char(x.streak_from, 'YYYY-MM-DD') AS streak_from, ${missedWeeksSql('x.streak_from')} AS missed
         FROM claims c JOIN offices o ON o.id = c.office_id CROSS JOIN LATERAL (SELECT ${STREAK_FROM_SQL} AS streak_from) x
        WHERE c.id = $1`, [claim.id])).rows[0]!;
    const records = (await tx.query<TSignatureStatus['records'][number]>(
      `SELECT s.id, to_char(s.signed_on, 'YYYY-MM-DD') AS "signedOn", s.office_id AS "officeId", o.name AS "officeName",
              u.full_name AS "recordedBy", ${utcSql('s.created_at')} AS "recordedAt", s.notes
         FROM signature_records s JOIN offices o ON o.id = s.office_id JOIN users u ON u.id = s.recorded_by
        WHERE s.claim_id = $1 ORDER BY s.signed_on DESC, s.created_at DESC`, [claim.id])).rows;
    const settings = await settingsFor(tx, claim.institution_id);
    await recordAudit(tx, ctx, { action: 'signature.viewed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id, details: { claimId: claim.id } });
    return {
      claimId: claim.id, owes: status.owes, streakFrom: status.streak_from, missedWeeks: status.owes ? Number(status.missed) : 0,
      threshold: settings.missedSignaturesThreshold, thresholdVerified: settings.thresholdVerified, records,
    };
  });
}
