import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { TCoiSettings } from '../coi.schemas.ts';
import { coiSettingsOf } from './coi-settings.ts';

/** The reader's institution's age limit for sources, with whether it is still the default. */
export async function getCoiSettings(db: Queryable, ctx: RequestContext): Promise<TCoiSettings> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:coi:all')) throw new AppError('FORBIDDEN');
  return coiSettingsOf(db, actor.institutionId);
}
