import { z } from 'zod';
import { readsFromOutside, ZTrainingAction, ZTrainingImpactQuery } from '@refugio/domain';
import { actorOf, computeTrainingImpact, listTrainingActions, toCsv, toXlsx, trainingImpactTable } from '@refugio/domain/server';
import type { App } from '../../types.ts';

const tags = ['training impact'];

export async function trainingImpactRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/training/impact/actions', {
    config: { permission: 'read:report:office' },
    schema: { tags, summary: 'Training actions to compare: each session that trained someone, with its module and dates, newest first', response: { 200: z.array(ZTrainingAction) } },
  }, async (request) => listTrainingActions(db, request.ctx));

  // The narrowest report permission: wider scopes imply it, and the use case narrows decisions to the reader's offices.
  app.get('/api/training/impact', {
    config: { permission: 'read:report:office' },
    schema: {
      tags,
      summary: 'Before/after comparison of officers trained in a module\'s action with those not trained (difference in differences), as JSON, CSV or XLSX',
      querystring: ZTrainingImpactQuery,
      response: { 200: z.any().describe('application/json, text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const actor = actorOf(request.ctx);
    const impact = await computeTrainingImpact(db, request.ctx, { query, suppress: format !== 'json' || readsFromOutside(actor.permissions) });
    if (format === 'json') return impact;
    const table = trainingImpactTable(impact, actor.language);
    const name = `refugio-impacto-${impact.module.code}-${query.from}-${query.to}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(table));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await toXlsx(table));
  });
}
