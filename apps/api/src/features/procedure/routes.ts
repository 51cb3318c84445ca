import { z } from 'zod';
import { ZNextSteps, ZSafeguardSwitch, ZStepEntry } from '@refugio/domain';
import { listNextSteps, listProcedureSteps, setSafeguardSetting } from '@refugio/domain/server';
import type { App } from '../../types.ts';

const tags = ['procedure'];

export async function procedureRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/procedure/steps', {
    config: { permission: 'read:procedure:all' },
    schema: {
      tags, summary: 'Every step of a claim\'s procedure with its source statuses, permission, safeguards and effects, each with its source, in the caller\'s language',
      response: { 200: z.array(ZStepEntry) },
    },
  }, async (request) => listProcedureSteps(db, request.ctx));

  app.put('/api/procedure/safeguards/:code', {
    config: { permission: 'manage:procedure:all' },
    schema: {
      tags, summary: 'Switch a safeguard off (or back on) for one institution, where the law allows it, with a written reason (409 on a stale version)',
      params: z.strictObject({ code: z.string().min(1).max(64) }), body: ZSafeguardSwitch,
      response: { 200: z.object({ safeguardCode: z.string(), institutionId: z.uuid(), enabled: z.boolean(), reason: z.string(), version: z.number().int() }) },
    },
  }, async (request) => setSafeguardSetting(db, request.ctx, request.params.code, request.body));

  app.get('/api/claims/:id/next-steps', {
    config: { permission: 'read:claim:own' },
    schema: {
      tags: ['claims', ...tags],
      summary: 'The steps the claim\'s status allows now: whether the caller may take each, and every safeguard as it stands (met, unmet with why and what would satisfy it, source)',
      params: z.strictObject({ id: z.uuid() }), response: { 200: ZNextSteps },
    },
  }, async (request) => listNextSteps(db, request.ctx, request.params.id));
}
