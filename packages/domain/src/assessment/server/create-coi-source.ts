import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TCoiSource, TCoiSourceInput } from '../coi.schemas.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { loadCoiSource, presentCoiSource } from './coi-source-view.ts';

export interface CreateCoiSourceOptions {
  input: TCoiSourceInput;
}

/**
 * Adds a source to the authority's library (ADR 029). It is published before it is read, and
 * both on or before today, so the citation's dates can be trusted; the PDF follows in its own
 * request. Audited with what identifies it.
 */
export async function createCoiSource(db: Database, ctx: RequestContext, options: CreateCoiSourceOptions): Promise<TCoiSource> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('create:coi:all')) throw new AppError('FORBIDDEN');
  const { input } = options;
  const today = todayIn();
  const errors = new FieldErrors();
  if (input.publishedOn > today) errors.add('publishedOn', 'validation.date_in_future');
  if (input.accessedOn > today) errors.add('accessedOn', 'validation.date_in_future');
  else if (input.accessedOn < input.publishedOn) errors.add('accessedOn', 'validation.before_publication');
  errors.throwIfAny();
  const countries = [...new Set(input.countries)];
  const topics = [...new Set(input.topics)];
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO coi_sources (operation_id, title, publisher, published_on, accessed_on, url, language, countries, topics, excerpt, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [actor.operationId, input.title, input.publisher, input.publishedOn, input.accessedOn, input.url, input.language, countries, topics,
        input.excerpt, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'coi_source.created', entityType: 'coi_source', entityId: id,
      details: { title: input.title, publisher: input.publisher, publishedOn: input.publishedOn, countries, topics },
    });
    const row = (await loadCoiSource(tx, actor.operationId, id))!;
    return presentCoiSource(row, { language: actor.language, today, maxAgeYears: await coiMaxAgeYears(tx, actor.institutionId) });
  });
}
