import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TCoiSource } from '../coi.schemas.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { loadCoiSource, presentCoiSource } from './coi-source-view.ts';

export interface GetCoiSourceOptions {
  sourceId: string;
}

/** One source, its excerpt whole, marked and cited as the reader's authority reads it. */
export async function getCoiSource(db: Queryable, ctx: RequestContext, options: GetCoiSourceOptions): Promise<TCoiSource> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:coi:all')) throw new AppError('FORBIDDEN');
  const row = await loadCoiSource(db, actor.operationId, options.sourceId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentCoiSource(row, { language: actor.language, today: todayIn(), maxAgeYears: await coiMaxAgeYears(db, actor.institutionId) });
}
