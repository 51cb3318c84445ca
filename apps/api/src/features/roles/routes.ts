import { z } from 'zod';
import { PERMISSIONS, ZRole, ZRoleInput, ZRoleUpdate, parsePermission } from '@refugio/domain';
import { createRole, getRole, listRoles, updateRole } from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });

export async function roleRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/permissions', {
    config: { permission: 'read:role:all' },
    schema: {
      tags: ['roles'], summary: 'The permission catalogue',
      response: { 200: z.array(z.object({ code: z.string(), action: z.string(), entity: z.string(), scope: z.string() })) },
    },
  }, async () => PERMISSIONS.map((code) => ({ code, ...parsePermission(code) })));

  app.get('/api/roles', {
    config: { permission: 'read:role:all' },
    schema: { tags: ['roles'], summary: 'Roles with their permissions', response: { 200: z.array(ZRole) } },
  }, async () => listRoles(db));

  app.get('/api/roles/:id', {
    config: { permission: 'read:role:all' },
    schema: { tags: ['roles'], summary: 'One role', params: ZId, response: { 200: ZRole } },
  }, async (request) => getRole(db, request.params.id));

  app.post('/api/roles', {
    config: { permission: 'manage:role:all' },
    schema: { tags: ['roles'], summary: 'Create a role', body: ZRoleInput, response: { 201: ZRole } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createRole(db, request.ctx, request.body)));

  app.patch('/api/roles/:id', {
    config: { permission: 'manage:role:all' },
    schema: { tags: ['roles'], summary: 'Change a role\'s name, permissions or second-factor requirement', params: ZId, body: ZRoleUpdate, response: { 200: ZRole } },
  }, async (request) => updateRole(db, request.ctx, request.params.id, request.body));
}
