import type { FastifyReply } from 'fastify';
import { toCsv, toXlsx, type ReportTable } from '@refugio/domain/server';

/** Sends a report table as a download: CSV (BOM, formula-safe) or XLSX, named `${name}.csv|.xlsx`. */
export async function sendTable(reply: FastifyReply, table: ReportTable, format: 'csv' | 'xlsx', name: string): Promise<FastifyReply> {
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(table));
  }
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${name}.xlsx"`).send(await toXlsx(table));
}
