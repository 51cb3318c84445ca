import { z } from 'zod';
import {
  ZCampaign, ZCampaignInput, ZCampaignResponses, ZCampaignUpdate, ZMyCampaign, ZNeedsResponse, ZNeedsResponseInput, ZPlanQuery, ZTrainingPlan,
} from '@refugio/domain';
import {
  answerCampaign, auditPlanExport, buildTrainingPlan, createCampaign, getCampaign, listCampaignResponses, listCampaigns, listMyCampaigns,
  planTable, updateCampaign,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';
import { sendTable } from '../training-reports/send-table.ts';

const MANAGE = { permission: 'manage:training:institution' } as const;
const OWN = { permission: 'enrol:training:own' } as const;
const tags = ['training needs assessment'];
const ZId = z.strictObject({ id: z.uuid() });

export async function trainingNeedsRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/training/campaigns', {
    config: MANAGE,
    schema: { tags, summary: 'Needs-assessment campaigns of the coordinator\'s institution, with staff addressed and answers so far', response: { 200: ZCampaign.array() } },
  }, async (request) => listCampaigns(db, request.ctx));

  app.post('/api/training/campaigns', {
    config: MANAGE,
    schema: { tags, summary: 'Create a campaign (a draft) for the institution or one of its offices (Idempotency-Key honoured)', body: ZCampaignInput, response: { 201: ZCampaign } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createCampaign(db, request.ctx, request.body)));

  app.get('/api/training/campaigns/:id', {
    config: MANAGE,
    schema: { tags, summary: 'A campaign of the coordinator\'s institution', params: ZId, response: { 200: ZCampaign } },
  }, async (request) => getCampaign(db, request.ctx, request.params.id));

  app.put('/api/training/campaigns/:id', {
    config: MANAGE,
    schema: { tags, summary: 'Change a campaign, open or close it (409 on a stale version)', params: ZId, body: ZCampaignUpdate, response: { 200: ZCampaign } },
  }, async (request) => updateCampaign(db, request.ctx, request.params.id, request.body));

  app.get('/api/training/campaigns/:id/responses', {
    config: MANAGE,
    schema: { tags, summary: 'The questionnaires answered and the staff who have not answered yet', params: ZId, response: { 200: ZCampaignResponses } },
  }, async (request) => listCampaignResponses(db, request.ctx, request.params.id));

  app.get('/api/training/campaigns/:id/plan', {
    config: MANAGE,
    schema: {
      tags, summary: 'The gap analysis: the proposed plan (module, person, level, format, why), as JSON, CSV or XLSX',
      params: ZId, querystring: ZPlanQuery,
      response: { 200: z.union([ZTrainingPlan, z.any()]).describe('application/json, text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    },
  }, async (request, reply) => {
    const plan = await buildTrainingPlan(db, request.ctx, request.params.id);
    const { format } = request.query;
    if (format === 'json') return plan;
    await auditPlanExport(db, request.ctx, request.params.id, format, plan.items.length);
    const campaign = await getCampaign(db, request.ctx, request.params.id);
    const table = planTable(request.actor!.language, plan, campaign.title);
    return sendTable(reply, table, format, `refugio-plan-${campaign.opensOn}`);
  });

  app.get('/api/training/me/campaigns', {
    config: OWN,
    schema: { tags, summary: 'Open campaigns addressed to me, the competencies to rate and my answer', response: { 200: ZMyCampaign.array() } },
  }, async (request) => listMyCampaigns(db, request.ctx));

  app.put('/api/training/me/campaigns/:id/response', {
    config: OWN,
    schema: {
      tags, summary: 'Answer or change my questionnaire while the campaign is open (409 on a stale version; Idempotency-Key honoured)',
      params: ZId, body: ZNeedsResponseInput, response: { 200: ZNeedsResponse },
    },
  }, async (request, reply) => idempotent(request, reply, 200, () => answerCampaign(db, request.ctx, request.params.id, request.body)));
}
