import { z } from 'zod';
import { ZInterviewTemplate, ZTemplateEdit, ZTemplatePublish, ZTemplateSummary } from '@refugio/domain';
import { editTemplate, getTemplate, installTemplates, listTemplates, publishTemplate } from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const MANAGE = { permission: 'manage:template:institution' } as const;
const tags = ['interview questionnaires'];
const ZId = z.strictObject({ id: z.uuid() });

/** The authority's versioned interview questionnaires (ADR 025). */
export async function interviewTemplateRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/interview-templates', {
    config: MANAGE,
    schema: { tags, summary: 'Every version of the institution\'s questionnaires, the latest first', response: { 200: ZTemplateSummary.array() } },
  }, async (request) => listTemplates(db, request.ctx));

  app.post('/api/interview-templates/install', {
    config: MANAGE,
    schema: {
      tags, summary: 'Install the shipped questionnaires (EUAA stages, in Spanish) for an institution that has none (409 otherwise; Idempotency-Key honoured)',
      response: { 201: ZTemplateSummary.array() },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => installTemplates(db, request.ctx)));

  app.get('/api/interview-templates/:id', {
    config: MANAGE,
    schema: { tags, summary: 'One questionnaire version with its stages, checklists and questions', params: ZId, response: { 200: ZInterviewTemplate } },
  }, async (request) => getTemplate(db, request.ctx, request.params.id));

  app.put('/api/interview-templates/:id', {
    config: MANAGE,
    schema: {
      tags, summary: 'Edit a questionnaire: a draft changes in place; a published version becomes the next version, a draft (409 on a stale row version or when a draft exists; Idempotency-Key honoured)',
      params: ZId, body: ZTemplateEdit, response: { 200: ZInterviewTemplate },
    },
  }, async (request, reply) => idempotent(request, reply, 200, () => editTemplate(db, request.ctx, { id: request.params.id, input: request.body })));

  app.post('/api/interview-templates/:id/publish', {
    config: MANAGE,
    schema: { tags, summary: 'Publish a draft; the version it supersedes is retired (409 on a stale row version)', params: ZId, body: ZTemplatePublish, response: { 200: ZInterviewTemplate } },
  }, async (request) => publishTemplate(db, request.ctx, { id: request.params.id, rowVersion: request.body.rowVersion }));
}
