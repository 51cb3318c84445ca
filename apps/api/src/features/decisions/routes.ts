import { z } from 'zod';
import {
  ZAppealInput, ZAppealResolutionInput, ZDecision, ZDecisionPage, ZDecisionReviewer, ZDecisionVersionInput, ZGenerateDecisionInput,
  ZNotificationInput, ZOutcomeUpdate, ZPublicDecision, ZReturnDecisionInput, ZReviewCommentInput, ZSectionUpdate, ZSubmitDecisionInput,
} from '@refugio/domain';
import {
  approveDecision, commentDecision, decisionPdfFile, generateDecision, getDecision, inmNotice, listReviewers, lodgeAppeal, notifyDecision,
  resolveAppeal, resolveComment, returnDecision, signDecision, submitDecision, updateOutcome, updateSection, verifyDecision,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const tags = ['decisions'];
const ZClaimId = z.strictObject({ id: z.uuid() });
// The claim's own read and update scopes (its policy, ADR 012); who reviews and signs is the decision's policy (ADR 030).
const READ = { permission: 'read:claim:own' } as const;
const UPDATE = { permission: 'update:claim:own' } as const;

/** A claim's reasoned decision (ADR 030): draft, review, signature, notification, appeal; and its public verification. */
export async function decisionRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/claims/:id/decision', {
    config: READ,
    schema: { tags, summary: 'The claim\'s decision page: the current decision with its sections, outcomes, review, notification and appeals (audited read; texts under the field policy)', params: ZClaimId, response: { 200: ZDecisionPage } },
  }, async (request) => getDecision(db, request.ctx, { claimId: request.params.id }));

  app.post('/api/claims/:id/decision', {
    config: UPDATE,
    schema: { tags, summary: 'Generate the draft decision from the assessment and take draft_decision (claim version; 409 on a stale version or an unmet safeguard; Idempotency-Key honoured)', params: ZClaimId, body: ZGenerateDecisionInput, response: { 201: ZDecisionPage } },
  }, async (request, reply) => idempotent(request, reply, 201, () => generateDecision(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.put('/api/claims/:id/decision/sections', {
    config: UPDATE,
    schema: { tags, summary: 'Save one section of the draft (the section\'s version; 409 with the decision as it is on a stale one; 409 INVALID_STATE once signed)', params: ZClaimId, body: ZSectionUpdate, response: { 200: ZDecision } },
  }, async (request) => updateSection(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.put('/api/claims/:id/decision/outcome', {
    config: UPDATE,
    schema: { tags, summary: 'Change the outcome and each person\'s while drafting; the outcome section is written anew (decision version; 409 on a stale one)', params: ZClaimId, body: ZOutcomeUpdate, response: { 200: ZDecision } },
  }, async (request) => updateOutcome(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.get('/api/claims/:id/decision/reviewers', {
    config: UPDATE,
    schema: { tags, summary: 'Who may review the draft: staff of the claim\'s office, not its drafter, holding the drafting competency today', params: ZClaimId, response: { 200: z.array(ZDecisionReviewer) } },
  }, async (request) => listReviewers(db, request.ctx, { claimId: request.params.id }));

  app.post('/api/claims/:id/decision/submit', {
    config: UPDATE,
    schema: { tags, summary: 'Submit the draft for review to a named reviewer (submit_for_review; decision version)', params: ZClaimId, body: ZSubmitDecisionInput, response: { 200: ZDecision } },
  }, async (request) => submitDecision(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/claims/:id/decision/comments', {
    config: UPDATE,
    schema: { tags, summary: 'The reviewer\'s comment under an EUAA Quality Assurance Tool heading, rated (Idempotency-Key honoured)', params: ZClaimId, body: ZReviewCommentInput, response: { 201: ZDecision } },
  }, async (request, reply) => idempotent(request, reply, 201, () => commentDecision(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.post('/api/claims/:id/decision/comments/:commentId/resolve', {
    config: UPDATE,
    schema: { tags, summary: 'The drafter marks a review comment dealt with', params: z.strictObject({ id: z.uuid(), commentId: z.uuid() }), response: { 200: ZDecision } },
  }, async (request) => resolveComment(db, request.ctx, { claimId: request.params.id, commentId: request.params.commentId }));

  app.post('/api/claims/:id/decision/return', {
    config: UPDATE,
    schema: { tags, summary: 'Return the draft to its drafter with the reasons (return_to_drafting; decision version)', params: ZClaimId, body: ZReturnDecisionInput, response: { 200: ZDecision } },
  }, async (request) => returnDecision(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/claims/:id/decision/approve', {
    config: UPDATE,
    schema: { tags, summary: 'The named reviewer approves the draft (approve; decision version; four eyes)', params: ZClaimId, body: ZDecisionVersionInput, response: { 200: ZDecision } },
  }, async (request) => approveDecision(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/claims/:id/decision/sign', {
    config: { permission: 'sign:decision:office' },
    schema: { tags, summary: 'Sign the approved decision: its PDF with a verification code is kept with its SHA-256 and the claim is decided (decide; decision version)', params: ZClaimId, body: ZDecisionVersionInput, response: { 200: ZDecision } },
  }, async (request) => signDecision(db, request.ctx, { claimId: request.params.id, input: request.body, verifyBaseUrl: `${request.protocol}://${request.host}` }));

  app.get('/api/claims/:id/decision/pdf', {
    config: READ,
    schema: { tags, summary: 'The decision as PDF: the signed document as kept, or the draft marked BORRADOR (audited)', params: ZClaimId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { fileName, pdf, sha256 } = await decisionPdfFile(db, request.ctx, { claimId: request.params.id });
    if (sha256) reply.header('x-content-sha256', sha256);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.post('/api/claims/:id/decision/notification', {
    config: UPDATE,
    schema: { tags, summary: 'Record the notification (date, place, method, language, interpreter, acknowledgement or refusal) and take notify; the appeal clock starts for an appealable outcome (Idempotency-Key honoured)', params: ZClaimId, body: ZNotificationInput, response: { 201: ZDecision } },
  }, async (request, reply) => idempotent(request, reply, 201, () => notifyDecision(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.get('/api/claims/:id/decision/inm-notice', {
    config: READ,
    schema: { tags, summary: 'The notice to INM for the migration document of a positive, notified decision, as PDF (audited)', params: ZClaimId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { fileName, pdf } = await inmNotice(db, request.ctx, { claimId: request.params.id });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.post('/api/claims/:id/appeals', {
    config: UPDATE,
    schema: { tags, summary: 'Record a recurso de revisión against the notified decision and take lodge_appeal (claim version; Idempotency-Key honoured)', params: ZClaimId, body: ZAppealInput, response: { 201: ZDecision } },
  }, async (request, reply) => idempotent(request, reply, 201, () => lodgeAppeal(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.post('/api/claims/:id/appeals/:appealId/resolution', {
    config: UPDATE,
    schema: { tags, summary: 'Record the appeal\'s resolution: confirmed or revoked (resolve_appeal), or sent back for a new decision (send_back; the decision superseded)', params: z.strictObject({ id: z.uuid(), appealId: z.uuid() }), body: ZAppealResolutionInput, response: { 200: ZDecisionPage } },
  }, async (request) => resolveAppeal(db, request.ctx, { claimId: request.params.id, appealId: request.params.appealId, input: request.body }));

  // Public on purpose: whoever holds the paper checks it. Rate-limited per address like the
  // certificates' route; an unknown or forged code is a plain 404 (ADR 016, 030).
  app.get('/api/public/decisions/:code', {
    config: { permission: null, addressLimit: { bucket: 'decision_check', max: 30, windowSeconds: 60 } },
    schema: { tags, summary: 'Public verification of a signed decision: authenticity, date of signature and issuing office only', params: z.strictObject({ code: z.string().max(64) }), response: { 200: ZPublicDecision } },
  }, async (request) => verifyDecision(db, request.params.code));
}
