import { z } from 'zod';
import { readsFromOutside, ZEvaluation, ZEvaluationInput, ZEvaluationReportQuery, ZEvaluationSummary, ZEvaluationUpdate } from '@refugio/domain';
import { actorOf, createEvaluation, exportEvaluationReport, getEvaluation, listEvaluations, updateEvaluation } from '@refugio/domain/server';
import type { App } from '../../types.ts';

const tags = ['evaluations'];
const ZId = z.strictObject({ id: z.uuid() });
// Reading: any report scope (the use case narrows to the reader's institution unless it reaches all);
// writing: the training coordinator of the institution the action trained (ADR 047).
const READ = { permission: 'read:report:office' } as const;
const WRITE = { permission: 'manage:training:institution' } as const;

/** Good-practice evaluations of capacity-building actions and their PDF report (ADR 047, 048). */
export async function evaluationRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/evaluations', {
    config: READ,
    schema: { tags, summary: 'Capacity-building actions under evaluation, newest first, within the reader\'s institution (or all)', response: { 200: z.array(ZEvaluationSummary) } },
  }, async (request) => listEvaluations(db, request.ctx));

  app.post('/api/evaluations', {
    config: WRITE,
    schema: { tags, summary: 'Records a capacity-building action: objectives, partners, dates, its training sessions and the criteria written so far', body: ZEvaluationInput, response: { 201: z.object({ id: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await createEvaluation(db, request.ctx, { input: request.body })));

  app.get('/api/evaluations/:id', {
    config: READ,
    schema: { tags, summary: 'An action with its activities, participants and the ten criteria, evidence from the records included (small numbers suppressed for outside readers)', params: ZId, response: { 200: ZEvaluation } },
  }, async (request) => getEvaluation(db, request.ctx, { id: request.params.id, suppress: readsFromOutside(actorOf(request.ctx).permissions) }));

  app.put('/api/evaluations/:id', {
    config: WRITE,
    schema: { tags, summary: 'Replaces an action\'s record (its current version required)', params: ZId, body: ZEvaluationUpdate, response: { 200: z.object({ id: z.string() }) } },
  }, async (request) => updateEvaluation(db, request.ctx, { id: request.params.id, input: request.body }));

  app.get('/api/evaluations/:id/report', {
    config: READ,
    schema: { tags, summary: 'The evaluation report as PDF in Spanish, English or French, small numbers suppressed (audited)', params: ZId, querystring: ZEvaluationReportQuery, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { pdf } = await exportEvaluationReport(db, request.ctx, { id: request.params.id, ...(request.query.language ? { language: request.query.language } : {}) });
    const name = `refugio-evaluacion-${request.params.id.slice(0, 8)}-${request.query.language ?? 'es-MX'}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(Buffer.from(pdf));
  });
}
