import { z } from 'zod';
import { ZPasswordReset, ZUser, ZUserCreated, ZUserInput, ZUserQuery, ZUserUpdate } from '@refugio/domain';
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });

export async function userRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/users', {
    config: { permission: 'read:user:office' },
    schema: {
      tags: ['users'], summary: 'List staff accounts within the caller\'s scope (office, institution or all)',
      querystring: ZUserQuery, response: { 200: z.object({ items: z.array(ZUser), total: z.number() }) },
    },
  }, async (request) => listUsers(db, request.actor!, request.query));

  app.get('/api/users/:id', {
    config: { permission: 'read:user:office' },
    schema: { tags: ['users'], summary: 'One staff account', params: ZId, response: { 200: ZUser } },
  }, async (request) => getUser(db, request.actor!, request.params.id));

  app.post('/api/users', {
    config: { permission: 'manage:user:institution' },
    schema: {
      tags: ['users'], summary: 'Create a staff account; without a password one is generated and returned once',
      body: ZUserInput, response: { 201: ZUserCreated },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => createUser(db, request.ctx, request.body)));

  app.patch('/api/users/:id', {
    config: { permission: 'manage:user:institution' },
    schema: { tags: ['users'], summary: 'Update, disable or enable a staff account (409 on a stale version)', params: ZId, body: ZUserUpdate, response: { 200: ZUser } },
  }, async (request) => updateUser(db, request.ctx, request.params.id, request.body));

  app.post('/api/users/:id/password-reset', {
    config: { permission: 'manage:user:institution' },
    schema: { tags: ['users'], summary: 'Set a one-time password and close the user\'s sessions', params: ZId, response: { 200: ZPasswordReset } },
  }, async (request) => resetUserPassword(db, request.ctx, request.params.id));
}
