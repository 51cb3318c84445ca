import type { Queryable } from '@refugio/db';
import { DEFAULT_COI_MAX_AGE_YEARS } from '../coi.rules.ts';
import type { TCoiSettings } from '../coi.schemas.ts';

/** An institution's COI settings, or the default while it has chosen none. */
export async function coiSettingsOf(db: Queryable, institutionId: string): Promise<TCoiSettings> {
  const { rows } = await db.query<{ max_age_years: number; version: number }>(
    'SELECT max_age_years, version FROM coi_settings WHERE institution_id = $1', [institutionId]);
  const row = rows[0];
  return row ? { maxAgeYears: row.max_age_years, isDefault: false, version: row.version }
    : { maxAgeYears: DEFAULT_COI_MAX_AGE_YEARS, isDefault: true, version: 0 };
}

/** The age past which an institution's readers see a source marked as old (ADR 029). */
export async function coiMaxAgeYears(db: Queryable, institutionId: string): Promise<number> {
  return (await coiSettingsOf(db, institutionId)).maxAgeYears;
}
