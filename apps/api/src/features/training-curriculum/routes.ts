import { z } from 'zod';
import {
  GUIDE_MAX_BYTES, ZCompetency, ZCurriculumModule, ZGuide, ZGuideFileQuery, ZGuideLinkInput, ZGuideQuery, ZModuleInput, ZModuleUpdate,
  ZTrainer, ZTrainerUpdate,
} from '@refugio/domain';
import {
  addGuideFile, addGuideLink, createModule, getModule, guideFile, listCompetencies, listGuides, removeCertification, setGuideModuleLink,
  updateModule, updateTrainer,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const READ = { permission: 'read:training:all' } as const;
const MANAGE = { permission: 'manage:training:institution' } as const;
const tags = ['training curriculum'];
const ZId = z.strictObject({ id: z.uuid() });
const ZGuideModule = z.strictObject({ code: z.string().max(60), moduleId: z.uuid() });

/** The curriculum (modules, competencies), the guides library and the trainer roster's edits (ADR 013). */
export async function trainingCurriculumRoutes(app: App): Promise<void> {
  const { db } = app;

  // A guide's PDF is sent as itself, not base64 in JSON: up to GUIDE_MAX_BYTES for this content
  // type only (this plugin's scope), while JSON bodies keep the global limit.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: GUIDE_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/training/competencies', {
    config: READ,
    schema: { tags, summary: 'Competencies the curriculum confers and requires, titles in the caller\'s language', response: { 200: ZCompetency.array() } },
  }, async (request) => listCompetencies(db, request.ctx));

  app.get('/api/training/modules/:id', {
    config: READ,
    schema: { tags, summary: 'One module with its titles in every language, competencies, prerequisites and linked guides', params: ZId, response: { 200: ZCurriculumModule } },
  }, async (request) => getModule(db, request.ctx, request.params.id));

  app.post('/api/training/modules', {
    config: MANAGE,
    schema: { tags, summary: 'Add a module to the curriculum (Idempotency-Key honoured)', body: ZModuleInput, response: { 201: ZCurriculumModule } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createModule(db, request.ctx, request.body)));

  app.put('/api/training/modules/:id', {
    config: MANAGE,
    schema: { tags, summary: 'Change a module (409 with the current module on a stale version)', params: ZId, body: ZModuleUpdate, response: { 200: ZCurriculumModule } },
  }, async (request) => updateModule(db, request.ctx, request.params.id, request.body));

  app.get('/api/training/guides', {
    config: READ,
    schema: { tags, summary: 'The guides library: the latest version per code and language, or every version with history=true', querystring: ZGuideQuery, response: { 200: ZGuide.array() } },
  }, async (request) => listGuides(db, request.ctx, request.query));

  app.post('/api/training/guides/links', {
    config: MANAGE,
    schema: { tags, summary: 'Add a guide version that is a link (supersedes the previous version in that language; Idempotency-Key honoured)', body: ZGuideLinkInput, response: { 201: ZGuide } },
  }, async (request, reply) => idempotent(request, reply, 201, () => addGuideLink(db, request.ctx, request.body)));

  app.post('/api/training/guides/files', {
    config: MANAGE,
    schema: {
      tags, consumes: ['application/pdf'],
      summary: `Upload a guide version as a PDF (the request body, Content-Type application/pdf, at most ${GUIDE_MAX_BYTES / 1024 / 1024} MiB); the query describes it; Idempotency-Key honoured`,
      querystring: ZGuideFileQuery, response: { 201: ZGuide },
    },
  }, async (request, reply) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return idempotent(request, reply, 201, () => addGuideFile(db, request.ctx, request.query, content));
  });

  app.get('/api/training/guides/:id/file', {
    config: READ,
    schema: { tags, summary: 'Download a guide version\'s PDF', params: ZId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { content, fileName } = await guideFile(db, request.ctx, request.params.id);
    return reply.type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.utf8)}`)
      .send(content);
  });

  app.put('/api/training/guides/:code/modules/:moduleId', {
    config: MANAGE,
    schema: { tags, summary: 'Link a guide (every language and version of its code) to a module', params: ZGuideModule, response: { 200: ZGuide.array() } },
  }, async (request) => setGuideModuleLink(db, request.ctx, request.params.code, request.params.moduleId, true));

  app.delete('/api/training/guides/:code/modules/:moduleId', {
    config: MANAGE,
    schema: { tags, summary: 'Unlink a guide from a module', params: ZGuideModule, response: { 200: ZGuide.array() } },
  }, async (request) => setGuideModuleLink(db, request.ctx, request.params.code, request.params.moduleId, false));

  app.put('/api/training/trainers/:id', {
    config: MANAGE,
    schema: { tags, summary: 'Edit or deactivate a roster entry (409 with the current entry on a stale version)', params: ZId, body: ZTrainerUpdate, response: { 200: ZTrainer } },
  }, async (request) => updateTrainer(db, request.ctx, request.params.id, request.body));

  app.delete('/api/training/trainers/:id/certifications/:moduleId', {
    config: MANAGE,
    schema: { tags, summary: 'Withdraw a trainer\'s certification for a module', params: z.strictObject({ id: z.uuid(), moduleId: z.uuid() }), response: { 200: ZTrainer } },
  }, async (request) => removeCertification(db, request.ctx, request.params.id, request.params.moduleId));
}
