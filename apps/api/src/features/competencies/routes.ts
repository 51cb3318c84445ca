import { z } from 'zod';
import {
  ZGatingOverride, ZGatingRule, ZGatingRuleInput, ZGatingRules, ZGatingRuleUpdate, ZGrant, ZGrantInput, ZGrantQuery, ZMatrix, ZMatrixQuery,
  ZOverrideQuery, ZRevokeGrant,
} from '@refugio/domain';
import {
  createGatingRule, getOfficeMatrix, listGatingOverrides, listGatingRules, listGrants, overridesTable, recordGrant, revokeGrant,
  updateGatingRule,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';
import { sendTable } from '../training-reports/send-table.ts';

const ZId = z.strictObject({ id: z.uuid() });
const tags = ['competencies'];
const MANAGE_REGISTER = { permission: 'manage:competency:institution' } as const;
const MANAGE_RULES = { permission: 'manage:training:institution' } as const;

export async function competencyRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/competency-grants', {
    // The narrowest scope; the use case widens to the office, institution or all when held.
    config: { permission: 'read:competency:own' },
    schema: {
      tags, summary: 'The competency register: one person\'s grants (default: the caller) or an office\'s, in the caller\'s scope',
      querystring: ZGrantQuery, response: { 200: z.array(ZGrant) },
    },
  }, async (request) => listGrants(db, request.ctx, request.query));

  app.post('/api/competency-grants', {
    config: MANAGE_REGISTER,
    schema: {
      tags, summary: 'Record an experience-route or external-certificate grant with its evidence (renews a valid one; Idempotency-Key honoured)',
      body: ZGrantInput, response: { 201: ZGrant },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => recordGrant(db, request.ctx, request.body)));

  app.post('/api/competency-grants/:id/revoke', {
    config: MANAGE_REGISTER,
    schema: { tags, summary: 'Revoke a grant with a reason (kept in the register)', params: ZId, body: ZRevokeGrant, response: { 200: ZGrant } },
  }, async (request) => revokeGrant(db, request.ctx, request.params.id, request.body));

  app.get('/api/competency-matrix', {
    config: { permission: 'read:competency:office' },
    schema: {
      tags, summary: 'People × competencies of an office: valid, expiring within soonDays (default 90), expired or missing',
      querystring: ZMatrixQuery, response: { 200: ZMatrix },
    },
  }, async (request) => getOfficeMatrix(db, request.ctx, request.query));

  app.get('/api/gating-rules', {
    config: { permission: 'read:training:all' },
    schema: { tags, summary: 'Gating rules (the competency each claim need requires of its officer) and the competencies they may name', response: { 200: ZGatingRules } },
  }, async (request) => listGatingRules(db, request.ctx));

  app.post('/api/gating-rules', {
    config: MANAGE_RULES,
    schema: { tags, summary: 'Add a gating rule (Idempotency-Key honoured)', body: ZGatingRuleInput, response: { 201: ZGatingRule } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createGatingRule(db, request.ctx, request.body)));

  app.patch('/api/gating-rules/:id', {
    config: MANAGE_RULES,
    schema: {
      tags, summary: 'Activate or deactivate a gating rule, change its rationale (409 on a stale version)',
      params: ZId, body: ZGatingRuleUpdate, response: { 200: ZGatingRule },
    },
  }, async (request) => updateGatingRule(db, request.ctx, request.params.id, request.body));

  app.get('/api/gating-overrides', {
    // The narrowest scope that reaches offices; the use case widens to the institution or all when held.
    config: { permission: 'read:competency:office' },
    schema: {
      tags, summary: 'Supervisors\' written exceptions to competency gating in a period, within the reader\'s scope (JSON or CSV)',
      querystring: ZOverrideQuery, response: { 200: z.union([z.array(ZGatingOverride), z.string()]) },
    },
  }, async (request, reply) => {
    const rows = await listGatingOverrides(db, request.ctx, request.query);
    if (request.query.format === 'json') return rows;
    return sendTable(reply, overridesTable(request.actor!.language, rows), 'csv', `refugio-gating-overrides-${request.query.from}-${request.query.to}`);
  });
}
