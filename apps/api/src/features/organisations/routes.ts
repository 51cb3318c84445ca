import { z } from 'zod';
import { ZInstitution, ZInstitutionInput, ZInstitutionUpdate, ZOffice, ZOfficeInput, ZOfficeUpdate } from '@refugio/domain';
import {
  createInstitution, createOffice, getInstitution, getOffice, listInstitutions, listOffices, updateInstitution, updateOffice,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
const READ = { permission: 'read:organisation:all' } as const;
const MANAGE = { permission: 'manage:organisation:all' } as const;

export async function organisationRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/institutions', {
    config: READ, schema: { tags: ['organisations'], summary: 'List institutions', response: { 200: z.array(ZInstitution) } },
  }, async () => listInstitutions(db));

  app.get('/api/institutions/:id', {
    config: READ, schema: { tags: ['organisations'], summary: 'One institution', params: ZId, response: { 200: ZInstitution } },
  }, async (request) => getInstitution(db, request.params.id));

  app.post('/api/institutions', {
    config: MANAGE,
    schema: { tags: ['organisations'], summary: 'Create an institution (Idempotency-Key honoured)', body: ZInstitutionInput, response: { 201: ZInstitution } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createInstitution(db, request.ctx, request.body)));

  app.patch('/api/institutions/:id', {
    config: MANAGE,
    schema: { tags: ['organisations'], summary: 'Update an institution (409 on a stale version)', params: ZId, body: ZInstitutionUpdate, response: { 200: ZInstitution } },
  }, async (request) => updateInstitution(db, request.ctx, request.params.id, request.body));

  app.get('/api/offices', {
    config: READ,
    schema: {
      tags: ['organisations'], summary: 'List offices', querystring: z.strictObject({ institutionId: z.uuid().optional() }),
      response: { 200: z.array(ZOffice) },
    },
  }, async (request) => listOffices(db, request.query));

  app.get('/api/offices/:id', {
    config: READ, schema: { tags: ['organisations'], summary: 'One office', params: ZId, response: { 200: ZOffice } },
  }, async (request) => getOffice(db, request.params.id));

  app.post('/api/offices', {
    config: MANAGE,
    schema: { tags: ['organisations'], summary: 'Create an office (Idempotency-Key honoured)', body: ZOfficeInput, response: { 201: ZOffice } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createOffice(db, request.ctx, request.body)));

  app.patch('/api/offices/:id', {
    config: MANAGE,
    schema: { tags: ['organisations'], summary: 'Update an office (409 on a stale version)', params: ZId, body: ZOfficeUpdate, response: { 200: ZOffice } },
  }, async (request) => updateOffice(db, request.ctx, request.params.id, request.body));
}
