import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TSchedulingSettings } from '../scheduling.schemas.ts';
import { settingsFor } from './scheduling-settings.ts';

export interface GetSchedulingSettingsOptions {
  /** Another institution (administrators); the reader's own by default. */
  institutionId?: string | undefined;
}

/** An authority's appointment and signature settings (version 0: never changed, the defaults). */
export async function getSchedulingSettings(db: Queryable, ctx: RequestContext, options: GetSchedulingSettingsOptions): Promise<TSchedulingSettings> {
  const actor = actorOf(ctx);
  const institutionId = options.institutionId ?? actor.institutionId;
  const exists = await db.query('SELECT 1 FROM institutions WHERE id = $1', [institutionId]);
  if ((exists.rowCount ?? 0) === 0) throw new AppError('NOT_FOUND');
  return settingsFor(db, institutionId);
}
