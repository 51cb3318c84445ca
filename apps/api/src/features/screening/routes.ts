import { z } from 'zod';
import {
  ZBestInterests, ZBestInterestsInput, ZGuarantee, ZGuaranteeCatalog, ZGuaranteeDecision, ZGuaranteeRule, ZGuaranteeRuleInput,
  ZGuaranteeRuleUpdate, ZGuaranteeType, ZGuaranteeTypeUpdate, ZIndicator, ZIndicatorInput, ZScreening, ZSpecialistOutcomeInput,
  ZSpecialistReferral, ZSpecialistReferralInput, ZWithdrawInput,
} from '@refugio/domain';
import {
  createGuaranteeRule, createSpecialistReferral, decideGuarantee, getScreening, listGuaranteeCatalog, recordIndicator,
  recordSpecialistOutcome, saveBestInterests, updateGuaranteeRule, updateGuaranteeType, withdrawIndicator,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const tags = ['screening'];
const ZClaimId = z.strictObject({ id: z.uuid() });
// Anyone handling the claim screens it (EUAA IPSN tool): the claim's own read and update scopes.
const READ = { permission: 'read:claim:own' } as const;
const UPDATE = { permission: 'update:claim:own' } as const;

export async function screeningRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/claims/:id/screening', {
    config: READ,
    schema: { tags, summary: 'The claim\'s screening: indicators, specialist referrals, best-interests assessments and guarantees (audited read; sensitive ones under the field policy)', params: ZClaimId, response: { 200: ZScreening } },
  }, async (request) => getScreening(db, request.ctx, request.params.id));

  app.post('/api/claims/:id/indicators', {
    config: UPDATE,
    schema: { tags, summary: 'Record an indicator of a specific need for a person (who saw it, when, where); the need and its guarantees follow (Idempotency-Key honoured)', params: ZClaimId, body: ZIndicatorInput, response: { 201: ZIndicator } },
  }, async (request, reply) => idempotent(request, reply, 201, () => recordIndicator(db, request.ctx, request.params.id, request.body)));

  app.post('/api/claims/:id/indicators/:indicatorId/withdraw', {
    config: UPDATE,
    schema: { tags, summary: 'Withdraw an indicator recorded in error, with the reason (409 on a stale version)', params: z.strictObject({ id: z.uuid(), indicatorId: z.uuid() }), body: ZWithdrawInput, response: { 200: ZIndicator } },
  }, async (request) => withdrawIndicator(db, request.ctx, request.params.id, request.params.indicatorId, request.body));

  app.post('/api/claims/:id/specialist-referrals', {
    config: UPDATE,
    schema: { tags, summary: 'Refer a person of the claim to a specialist (doctor, psychologist, DIF / Procuraduría, anti-trafficking…) (Idempotency-Key honoured)', params: ZClaimId, body: ZSpecialistReferralInput, response: { 201: ZSpecialistReferral } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createSpecialistReferral(db, request.ctx, request.params.id, request.body)));

  app.post('/api/claims/:id/specialist-referrals/:referralId/outcome', {
    config: UPDATE,
    schema: { tags, summary: 'Record what came of a specialist referral (409 on a stale version)', params: z.strictObject({ id: z.uuid(), referralId: z.uuid() }), body: ZSpecialistOutcomeInput, response: { 200: ZSpecialistReferral } },
  }, async (request) => recordSpecialistOutcome(db, request.ctx, request.params.id, request.params.referralId, request.body));

  app.put('/api/claims/:id/best-interests/:personId', {
    config: UPDATE,
    schema: { tags, summary: 'Record (version 0) or revise a child\'s best-interests assessment (409 on a stale version)', params: z.strictObject({ id: z.uuid(), personId: z.uuid() }), body: ZBestInterestsInput, response: { 200: ZBestInterests } },
  }, async (request) => saveBestInterests(db, request.ctx, request.params.id, request.params.personId, request.body));

  app.patch('/api/claims/:id/guarantees/:guaranteeId', {
    config: UPDATE,
    schema: { tags, summary: 'Set a guarantee met (with what proves it), not applicable (with the reason) or pending (409 on a stale version)', params: z.strictObject({ id: z.uuid(), guaranteeId: z.uuid() }), body: ZGuaranteeDecision, response: { 200: ZGuarantee } },
  }, async (request) => decideGuarantee(db, request.ctx, request.params.id, request.params.guaranteeId, request.body));

  app.get('/api/guarantees', {
    config: { permission: 'read:procedure:all' },
    schema: { tags, summary: 'The guarantees a need calls for, with their sources, and the rules need → guarantee', response: { 200: ZGuaranteeCatalog } },
  }, async (request) => listGuaranteeCatalog(db, request.ctx));

  app.post('/api/guarantee-rules', {
    config: { permission: 'manage:procedure:all' },
    schema: { tags, summary: 'Add a rule: this need calls for this guarantee', body: ZGuaranteeRuleInput, response: { 201: ZGuaranteeRule } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createGuaranteeRule(db, request.ctx, request.body)));

  app.patch('/api/guarantee-rules/:ruleId', {
    config: { permission: 'manage:procedure:all' },
    schema: { tags, summary: 'Activate or deactivate a rule (409 on a stale version)', params: z.strictObject({ ruleId: z.uuid() }), body: ZGuaranteeRuleUpdate, response: { 200: ZGuaranteeRule } },
  }, async (request) => updateGuaranteeRule(db, request.ctx, request.params.ruleId, request.body));

  app.patch('/api/guarantee-types/:code', {
    config: { permission: 'manage:procedure:all' },
    schema: { tags, summary: 'Change a guarantee\'s source or whether it governs the interview (409 on a stale version)', params: z.strictObject({ code: z.string().min(1).max(64) }), body: ZGuaranteeTypeUpdate, response: { 200: ZGuaranteeType } },
  }, async (request) => updateGuaranteeType(db, request.ctx, request.params.code, request.body));
}
