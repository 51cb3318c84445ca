import { z } from 'zod';
import {
  STEPS, TRANSITION_ACTIONS, ZAssignableOfficer, ZAssignInput, ZClaim, ZClaimEvent, ZClaimInput, ZClaimPage, ZClaimQuery, ZClaimUpdate,
  ZClaimClockExplained, ZFlag, ZFlagAdd, ZFlagWithdraw, ZPerson, ZPersonUpdate, ZRiskCounts, ZTransitionInput,
} from '@refugio/domain';
import {
  addFlag, assignClaim, countClaimsByRisk, createClaim, getClaim, getClaimClocks, getClaimTimeline, listAssignableOfficers, listClaims,
  TRANSITION_USE_CASES, updateClaim, updatePerson, withdrawFlag,
} from '@refugio/domain/server';
import type { Permission } from '@refugio/domain';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
// Routes declare the narrowest scope; use cases narrow records by the widest one the caller holds.
const READ = { permission: 'read:claim:own' } as const;
const UPDATE = { permission: 'update:claim:own' } as const;
const tags = ['claims'];

export async function claimRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/claims', {
    config: READ,
    schema: {
      tags, summary: 'Work queue: claims in scope, filtered, by due date (none last), keyset-paginated (cursor)',
      querystring: ZClaimQuery, response: { 200: ZClaimPage },
    },
  }, async (request) => listClaims(db, request.actor!, request.query));

  app.get('/api/claims/risk-counts', {
    config: READ,
    schema: {
      tags, summary: 'Open claims per office by risk band (on track, 10 working days or fewer, overdue, no due date)',
      querystring: z.strictObject({ officeId: z.uuid().optional() }), response: { 200: ZRiskCounts },
    },
  }, async (request) => countClaimsByRisk(db, request.actor!, request.query));

  app.post('/api/claims', {
    config: { permission: 'register:claim:office' },
    schema: {
      tags, summary: 'Register a claim with its family, whole or not at all (Idempotency-Key honoured)',
      body: ZClaimInput, response: { 201: ZClaim },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => createClaim(db, request.ctx, request.body)));

  app.get('/api/claims/:id', {
    config: READ,
    schema: { tags, summary: 'A claim file: people, flags, clocks, allowed actions (audited read)', params: ZId, response: { 200: ZClaim } },
  }, async (request) => getClaim(db, request.ctx, request.params.id));

  app.patch('/api/claims/:id', {
    config: UPDATE,
    schema: { tags, summary: 'Change modality or entry date (409 on a stale version)', params: ZId, body: ZClaimUpdate, response: { 200: ZClaim } },
  }, async (request) => updateClaim(db, request.ctx, request.params.id, request.body));

  app.get('/api/claims/:id/timeline', {
    config: READ,
    schema: { tags, summary: 'The claim\'s timeline, oldest first', params: ZId, response: { 200: z.array(ZClaimEvent) } },
  }, async (request) => getClaimTimeline(db, request.ctx, request.params.id));

  app.get('/api/claims/:id/clocks', {
    config: READ,
    schema: {
      tags, summary: 'The claim\'s legal clocks, each due date explained day by day (skipped days with rule and citation)',
      params: ZId, response: { 200: z.array(ZClaimClockExplained) },
    },
  }, async (request) => getClaimClocks(db, request.ctx, request.params.id));

  for (const action of TRANSITION_ACTIONS) {
    const path = action.replaceAll('_', '-');
    app.post(`/api/claims/:id/${path}`, {
      // Reopening a closed file is the office head's act (ADR 050); every other step updates the claim.
      config: { permission: STEPS[action].permission === 'reopen' ? 'reopen:claim:office' : UPDATE.permission } as { permission: Permission },
      schema: {
        tags, summary: `Lifecycle: ${action.replaceAll('_', ' ')} (409 INVALID_STATE from a status that does not allow it, VERSION_CONFLICT on a stale version)`,
        params: ZId, body: ZTransitionInput, response: { 200: ZClaim },
      },
    }, async (request) => TRANSITION_USE_CASES[action](db, request.ctx, request.params.id, request.body));
  }

  app.get('/api/claims/:id/assignable-officers', {
    config: { permission: 'assign:claim:office' },
    schema: { tags, summary: 'Eligibility officers of the claim\'s office, with their open claims', params: ZId, response: { 200: z.array(ZAssignableOfficer) } },
  }, async (request) => listAssignableOfficers(db, request.ctx, request.params.id));

  app.post('/api/claims/:id/assignment', {
    config: { permission: 'assign:claim:office' },
    schema: { tags, summary: 'Assign the claim to an eligibility officer of its office, or unassign (null)', params: ZId, body: ZAssignInput, response: { 200: ZClaim } },
  }, async (request) => assignClaim(db, request.ctx, request.params.id, request.body));

  app.post('/api/claims/:id/flags', {
    config: UPDATE,
    schema: { tags, summary: 'Record a vulnerability flag with its indicator', params: ZId, body: ZFlagAdd, response: { 201: ZFlag } },
  }, async (request, reply) => idempotent(request, reply, 201, () => addFlag(db, request.ctx, request.params.id, request.body)));

  app.post('/api/claims/:id/flags/:flagId/withdraw', {
    config: UPDATE,
    schema: {
      tags, summary: 'Withdraw a flag with its reason (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), flagId: z.uuid() }), body: ZFlagWithdraw, response: { 200: ZFlag },
    },
  }, async (request) => withdrawFlag(db, request.ctx, request.params.id, request.params.flagId, request.body));

  app.patch('/api/claims/:id/persons/:personId', {
    config: UPDATE,
    schema: {
      tags, summary: 'Correct the data of a person in the claim (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), personId: z.uuid() }), body: ZPersonUpdate, response: { 200: ZPerson },
    },
  }, async (request) => updatePerson(db, request.ctx, request.params.id, request.params.personId, request.body));
}
