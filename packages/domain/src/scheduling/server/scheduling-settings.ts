import type { Queryable } from '@refugio/db';
import { DEFAULT_MISSED_SIGNATURES_THRESHOLD } from '../scheduling.rules.ts';
import type { TSchedulingSettings } from '../scheduling.schemas.ts';

/** SQL: the threshold of the institution owning office `o` (the default when it set none). */
export const THRESHOLD_SQL = `COALESCE((SELECT st.missed_signatures_threshold FROM scheduling_settings st WHERE st.institution_id = o.institution_id), ${DEFAULT_MISSED_SIGNATURES_THRESHOLD})`;

/** An institution's settings, or the defaults (threshold unverified, postponements do not pause the clock). */
export async function settingsFor(db: Queryable, institutionId: string): Promise<TSchedulingSettings> {
  const row = (await db.query<TSchedulingSettings>(
    `SELECT institution_id AS "institutionId", missed_signatures_threshold AS "missedSignaturesThreshold", threshold_verified AS "thresholdVerified",
            postponement_pauses_clock AS "postponementPausesClock", postponement_legal_basis AS "postponementLegalBasis", version
       FROM scheduling_settings WHERE institution_id = $1`, [institutionId])).rows[0];
  return row ?? {
    institutionId, missedSignaturesThreshold: DEFAULT_MISSED_SIGNATURES_THRESHOLD, thresholdVerified: false,
    postponementPausesClock: false, postponementLegalBasis: null, version: 0,
  };
}
