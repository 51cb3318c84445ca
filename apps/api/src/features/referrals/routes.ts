import { z } from 'zod';
import { ZReferral, ZReferralAccept, ZReferralAccepted, ZReferralInput, ZReferralPage, ZReferralQuery, ZReferralReturn } from '@refugio/domain';
import { acceptReferral, createReferral, getReferral, listReferrals, returnReferral } from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
const tags = ['referrals'];

export async function referralRoutes(app: App): Promise<void> {
  const { db } = app;

  app.post('/api/referrals', {
    config: { permission: 'create:referral:office' },
    schema: {
      tags, summary: 'First contact refers a person to the COMAR office serving the state (Idempotency-Key honoured)',
      body: ZReferralInput, response: { 201: ZReferral },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => createReferral(db, request.ctx, request.body)));

  app.get('/api/referrals', {
    config: { permission: 'read:referral:office' },
    schema: {
      tags, summary: 'Referrals in scope (inbox: to the caller\'s offices; sent: from them), by the 72-hour notice',
      querystring: ZReferralQuery, response: { 200: ZReferralPage },
    },
  }, async (request) => listReferrals(db, request.actor!, request.query));

  app.get('/api/referrals/:id', {
    config: { permission: 'read:referral:office' },
    schema: { tags, summary: 'One referral (audited read)', params: ZId, response: { 200: ZReferral } },
  }, async (request) => getReferral(db, request.ctx, request.params.id));

  app.post('/api/referrals/:id/accept', {
    config: { permission: 'decide:referral:office' },
    schema: {
      tags, summary: 'Accept: registers the claim in the same transaction (Idempotency-Key honoured; 409 when already decided)',
      params: ZId, body: ZReferralAccept, response: { 201: ZReferralAccepted },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => acceptReferral(db, request.ctx, request.params.id, request.body)));

  app.post('/api/referrals/:id/return', {
    config: { permission: 'decide:referral:office' },
    schema: { tags, summary: 'Return the referral to the first-contact office with a reason', params: ZId, body: ZReferralReturn, response: { 200: ZReferral } },
  }, async (request) => returnReferral(db, request.ctx, request.params.id, request.body));
}
