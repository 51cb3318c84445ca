import { OPEN_STATUS_SQL } from '../../procedure/server/index.ts';

/**
 * SQL over claims `c` joined to offices `o`: the day the current run of missed weekly signatures
 * counts from (the last signature, else the day the claim was lodged, in the office's zone) —
 * the same arithmetic as `missedWeeks` in scheduling.rules.ts (tested against it).
 */
export const STREAK_FROM_SQL = `COALESCE((SELECT max(s.signed_on) FROM signature_records s WHERE s.claim_id = c.id), (c.lodged_at AT TIME ZONE o.time_zone)::date)`;

/** Whole weeks (Monday–Sunday) missed since a day given as SQL, the current week not counted. */
export const missedWeeksSql = (since: string) =>
  `GREATEST(0, ((date_trunc('week', (now() AT TIME ZONE o.time_zone)::date)::date - date_trunc('week', ${since})::date) / 7) - 1)`;

/**
 * Who owes the weekly signature (Reglamento art. 24): applicants of an open claim who are not
 * detained. A claim lodged in a detention centre is taken as detained; a release is not recorded
 * yet (ADR 027).
 */
export const OWES_SIGNATURE_SQL = `(c.status IN ${OPEN_STATUS_SQL} AND c.channel <> 'detention_centre')`;
