import { z } from 'zod';
import {
  COI_FILE_MAX_BYTES, ZCoiFileQuery, ZCoiRetireInput, ZCoiSearchQuery, ZCoiSearchResult, ZCoiSettings, ZCoiSettingsInput, ZCoiSource,
  ZCoiSourceInput,
} from '@refugio/domain';
import {
  attachCoiFile, coiSourceFile, createCoiSource, getCoiSettings, getCoiSource, retireCoiSource, searchCoiSources, updateCoiSettings,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const tags = ['coi'];
const READ = { permission: 'read:coi:all' } as const;
const CREATE = { permission: 'create:coi:all' } as const;
const MANAGE = { permission: 'manage:coi:all' } as const;
const ZId = z.strictObject({ id: z.uuid() });

/** The country-of-origin information library (ADR 029): shared across the authority. */
export async function coiRoutes(app: App): Promise<void> {
  const { db } = app;

  // A source's PDF is sent as itself, not base64 in JSON: up to COI_FILE_MAX_BYTES for this
  // content type only (this plugin's scope), while JSON bodies keep the global limit (ADR 016).
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: COI_FILE_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/coi-sources', {
    config: READ,
    schema: {
      tags, summary: 'Search the library: full text in Spanish and English (accents folded), ranked, filtered by country, topic and date of publication; '
        + 'each source marked when older than the authority\'s limit, with its citation', querystring: ZCoiSearchQuery, response: { 200: ZCoiSearchResult },
    },
  }, async (request) => searchCoiSources(db, request.ctx, { query: request.query }));

  app.get('/api/coi-sources/:id', {
    config: READ,
    schema: { tags, summary: 'One source, its excerpt whole, with its citation', params: ZId, response: { 200: ZCoiSource } },
  }, async (request) => getCoiSource(db, request.ctx, { sourceId: request.params.id }));

  app.post('/api/coi-sources', {
    config: CREATE,
    schema: { tags, summary: 'Add a source (title, publisher, dates, URL, language, countries, topics, excerpt); Idempotency-Key honoured', body: ZCoiSourceInput, response: { 201: ZCoiSource } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createCoiSource(db, request.ctx, { input: request.body })));

  app.put('/api/coi-sources/:id/file', {
    config: CREATE,
    schema: {
      tags, consumes: ['application/pdf'], params: ZId, querystring: ZCoiFileQuery, response: { 200: ZCoiSource },
      summary: `Attach the source's PDF (the request body, Content-Type application/pdf, at most ${COI_FILE_MAX_BYTES / 1024 / 1024} MiB), stored with its SHA-256; never replaced once attached`,
    },
  }, async (request) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return attachCoiFile(db, request.ctx, { sourceId: request.params.id, fileName: request.query.fileName, content });
  });

  app.get('/api/coi-sources/:id/file', {
    config: READ,
    schema: { tags, summary: 'Download a source\'s PDF', params: ZId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { content, fileName, sha256 } = await coiSourceFile(db, request.ctx, { sourceId: request.params.id });
    return reply.type('application/pdf').header('x-content-sha256', sha256)
      .header('content-disposition', `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.utf8)}`)
      .send(content);
  });

  app.post('/api/coi-sources/:id/retire', {
    config: MANAGE,
    schema: { tags, summary: 'Retire a source with the reason: it leaves the search and stays cited where it was (409 on a stale version)', params: ZId, body: ZCoiRetireInput, response: { 200: ZCoiSource } },
  }, async (request) => retireCoiSource(db, request.ctx, { sourceId: request.params.id, input: request.body }));

  app.get('/api/coi-settings', {
    config: READ,
    schema: { tags, summary: 'The age past which the reader\'s authority marks a source as old', response: { 200: ZCoiSettings } },
  }, async (request) => getCoiSettings(db, request.ctx));

  app.put('/api/coi-settings', {
    config: MANAGE,
    schema: { tags, summary: 'Set the authority\'s age limit for sources (version 0 over the default; 409 on a stale version)', body: ZCoiSettingsInput, response: { 200: ZCoiSettings } },
  }, async (request) => updateCoiSettings(db, request.ctx, { input: request.body }));
}
