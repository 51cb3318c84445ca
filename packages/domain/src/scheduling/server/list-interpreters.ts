import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { interpreterScopeCondition } from '../../shared/policies/interpreter.policy.ts';
import type { TInterpreter } from '../scheduling.schemas.ts';
import { INTERPRETER_SELECT } from './interpreter-view.ts';

export interface ListInterpretersOptions {
  /** Only those who interpret this language (ISO 639-3). */
  language?: string | undefined;
  /** Only those working for this office (one of the reader's). */
  officeId?: string | undefined;
  includeInactive?: boolean;
}

/** The roster of the reader's offices (interpreter policy), by name; the roster holds no case data, so reading it is not audited. */
export async function listInterpreters(db: Queryable, ctx: RequestContext, options: ListInterpretersOptions): Promise<TInterpreter[]> {
  const actor = actorOf(ctx);
  const params: unknown[] = [];
  const where = [interpreterScopeCondition(actor, params)];
  if (options.language) {
    params.push([options.language]);
    where.push(`i.languages @> $${params.length}::text[]`);
  }
  if (options.officeId) {
    params.push(options.officeId);
    where.push(`$${params.length}::uuid = ANY(i.office_ids)`);
  }
  if (!options.includeInactive) where.push('i.active');
  return (await db.query<TInterpreter>(`${INTERPRETER_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.full_name`, params)).rows;
}
