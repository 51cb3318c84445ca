import { z } from 'zod';
import { AppError, RESULT_VIEWS, ZResultsQuery, ZResultsView } from '@refugio/domain';
import { getResultsView, resultTableCsv, resultTableXlsx } from '@refugio/domain/server';
import type { App } from '../../types.ts';

const tags = ['results'];

export async function resultsRoutes(app: App): Promise<void> {
  const { db, config } = app;

  // One route per view (each its own OpenAPI operation). The narrowest report permission: the use
  // case narrows rows to the reader's scope and suppresses small numbers for readers without read:results.
  for (const view of RESULT_VIEWS) {
    app.get(`/api/results/${view}`, {
      config: { permission: 'read:report:office' },
      schema: {
        tags,
        summary: `Results "${view}" for a period (year, quarter or month) as JSON, or one of its tables as CSV or XLSX`,
        querystring: ZResultsQuery,
        response: { 200: z.union([ZResultsView, z.any()]).describe('application/json, text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
      },
    }, async (request, reply) => {
      const { query } = request;
      const result = await getResultsView(db, request.ctx, { view, query, threshold: config.results.suppressionThreshold });
      if (query.format === 'json') return result;
      const table = result.tables.find((t) => t.key === (query.table ?? result.tables[0]?.key));
      if (!table) throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field: 'querystring:table', code: 'validation.results_table' }] });
      const name = `refugio-${table.key}-${query.period}${result.suppressed ? '-publica' : ''}`;
      if (query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(resultTableCsv(table));
      }
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await resultTableXlsx(result, table, request.ctx.actor!.language));
    });
  }
}
