import { z } from 'zod';
import { TRAINING_REPORTS, ZTrainingReportQuery } from '@refugio/domain';
import { trainingReport } from '@refugio/domain/server';
import type { App } from '../../types.ts';
import { sendTable } from './send-table.ts';

const tags = ['training reports'];

export async function trainingReportRoutes(app: App): Promise<void> {
  const { db } = app;

  // One route per report (each its own OpenAPI operation). The narrowest report permission:
  // wider scopes imply it, and the use case narrows the rows to the reader's scope.
  for (const report of TRAINING_REPORTS) {
    app.get(`/api/training/reports/${report}`, {
      config: { permission: 'read:report:office' },
      schema: {
        tags,
        summary: `Training report "${report}" for a period, as JSON, CSV or XLSX, within the reader's scope`,
        querystring: ZTrainingReportQuery,
        response: { 200: z.any().describe('application/json, text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
      },
    }, async (request, reply) => {
      const table = await trainingReport(db, request.ctx, report, request.query);
      const name = `refugio-${report}-${request.query.from}-${request.query.to}`;
      return request.query.format === 'json' ? table : sendTable(reply, table, request.query.format, name);
    });
  }
}
