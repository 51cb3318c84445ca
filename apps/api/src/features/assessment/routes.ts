import { z } from 'zod';
import {
  EVIDENCE_FILE_MAX_BYTES, ZAnalysisInput, ZAssessment, ZEvidence, ZEvidenceFileQuery, ZEvidenceInput, ZExclusionReviewInput, ZFactInput,
  ZFactUpdate, ZMaterialFact, ZOpenAssessmentInput, ZReorderFactsInput, ZVersionQuery,
} from '@refugio/domain';
import {
  addEvidence, addFact, evidenceFile, getAssessment, openAssessment, removeEvidence, removeFact, reorderFacts, reviewExclusion, updateAnalysis,
  updateFact, uploadEvidenceDocument,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const tags = ['assessment'];
const ZClaimId = z.strictObject({ id: z.uuid() });
const ZFactParams = z.strictObject({ id: z.uuid(), factId: z.uuid() });
const ZEvidenceParams = z.strictObject({ id: z.uuid(), evidenceId: z.uuid() });
// The claim's own read and update scopes (its policy, ADR 012): the assigned officer writes it, its readers read it.
const READ = { permission: 'read:claim:own' } as const;
const UPDATE = { permission: 'update:claim:own' } as const;

/** A claim's evidence assessment (ADR 029): material facts, evidence, credibility, conclusions, risk and legal analysis. */
export async function assessmentRoutes(app: App): Promise<void> {
  const { db } = app;

  // An uploaded document is sent as itself (ADR 016): PDF, PNG or JPEG, told apart by its first bytes.
  for (const type of ['application/pdf', 'image/png', 'image/jpeg']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: EVIDENCE_FILE_MAX_BYTES }, (_request, body, done) => done(null, body));
  }

  app.post('/api/claims/:id/assessment/open', {
    config: UPDATE,
    schema: { tags, summary: 'Take the claim into assessment (the start_assessment step: interviewed → under_assessment) and open its assessment (409 on a stale claim version or an unmet safeguard)', params: ZClaimId, body: ZOpenAssessmentInput, response: { 200: ZAssessment } },
  }, async (request) => openAssessment(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.get('/api/claims/:id/assessment', {
    config: READ,
    schema: { tags, summary: 'The claim\'s assessment: facts in order with evidence and conclusions, risk and legal analysis (audited read; sensitive facts under the field policy)', params: ZClaimId, response: { 200: ZAssessment } },
  }, async (request) => getAssessment(db, request.ctx, { claimId: request.params.id }));

  app.put('/api/claims/:id/assessment/analysis', {
    config: UPDATE,
    schema: { tags, summary: 'Save the risk assessment and the legal analysis (grounds and nexus, Cartagena, sur place, actors, internal protection, exclusion, complementary protection; 409 on a stale version)', params: ZClaimId, body: ZAnalysisInput, response: { 200: ZAssessment } },
  }, async (request) => updateAnalysis(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/claims/:id/assessment/exclusion-review', {
    config: { permission: 'review:exclusion:office' },
    schema: { tags, summary: 'Record the supervisor\'s review of a considered exclusion (1951 Convention art. 1F; 409 on a stale version)', params: ZClaimId, body: ZExclusionReviewInput, response: { 200: ZAssessment } },
  }, async (request) => reviewExclusion(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/claims/:id/assessment/facts', {
    config: UPDATE,
    schema: { tags, summary: 'Add a material fact at the end (Idempotency-Key honoured)', params: ZClaimId, body: ZFactInput, response: { 201: ZMaterialFact } },
  }, async (request, reply) => idempotent(request, reply, 201, () => addFact(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.put('/api/claims/:id/assessment/facts/order', {
    config: UPDATE,
    schema: { tags, summary: 'Reorder the facts (every fact once; 409 on a stale version or a fact added or removed meanwhile)', params: ZClaimId, body: ZReorderFactsInput, response: { 200: ZAssessment } },
  }, async (request) => reorderFacts(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.put('/api/claims/:id/assessment/facts/:factId', {
    config: UPDATE,
    schema: { tags, summary: 'Save a fact whole: indicators, chance to explain, conclusion with reasons, benefit of the doubt\'s conditions (409 on a stale version)', params: ZFactParams, body: ZFactUpdate, response: { 200: ZMaterialFact } },
  }, async (request) => updateFact(db, request.ctx, { claimId: request.params.id, factId: request.params.factId, input: request.body }));

  app.delete('/api/claims/:id/assessment/facts/:factId', {
    config: UPDATE,
    schema: { tags, summary: 'Remove a fact recorded in error, with its evidence (409 on a stale version)', params: ZFactParams, querystring: ZVersionQuery, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeFact(db, request.ctx, { claimId: request.params.id, factId: request.params.factId, version: request.query.version });
    return reply.status(204).send(null);
  });

  app.post('/api/claims/:id/assessment/facts/:factId/evidence', {
    config: UPDATE,
    schema: { tags, summary: 'Add typed evidence to a fact: a statement quoted from a signed interview, a transcribed document, a witness statement or a COI passage (Idempotency-Key honoured)', params: ZFactParams, body: ZEvidenceInput, response: { 201: ZEvidence } },
  }, async (request, reply) => idempotent(request, reply, 201,
    () => addEvidence(db, request.ctx, { claimId: request.params.id, factId: request.params.factId, input: request.body })));

  app.post('/api/claims/:id/assessment/facts/:factId/documents', {
    config: UPDATE,
    schema: {
      tags, consumes: ['application/pdf', 'image/png', 'image/jpeg'], params: ZFactParams, querystring: ZEvidenceFileQuery, response: { 201: ZEvidence },
      summary: `Upload a document as evidence of a fact (the request body: PDF, PNG or JPEG, at most ${EVIDENCE_FILE_MAX_BYTES / 1024 / 1024} MiB), stored with its SHA-256; Idempotency-Key honoured`,
    },
  }, async (request, reply) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return idempotent(request, reply, 201, () => uploadEvidenceDocument(db, request.ctx,
      { claimId: request.params.id, factId: request.params.factId, meta: request.query, content }));
  });

  app.delete('/api/claims/:id/assessment/evidence/:evidenceId', {
    config: UPDATE,
    schema: { tags, summary: 'Remove evidence added in error', params: ZEvidenceParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeEvidence(db, request.ctx, { claimId: request.params.id, evidenceId: request.params.evidenceId });
    return reply.status(204).send(null);
  });

  app.get('/api/claims/:id/assessment/evidence/:evidenceId/file', {
    config: READ,
    schema: { tags, summary: 'Download an uploaded evidence document (audited)', params: ZEvidenceParams, response: { 200: z.any().describe('the document') } },
  }, async (request, reply) => {
    const { content, contentType, fileName, sha256 } = await evidenceFile(db, request.ctx, { claimId: request.params.id, evidenceId: request.params.evidenceId });
    return reply.type(contentType).header('x-content-sha256', sha256)
      .header('content-disposition', `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.utf8)}`)
      .send(content);
  });
}
