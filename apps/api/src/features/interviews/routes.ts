import { z } from 'zod';
import {
  AUDIO_CONTENT_TYPES, INTERVIEW_LIMITS, ZAnnex, ZAnnexInput, ZAnswerSave, ZAudio, ZBreak, ZBreakEnd, ZBreakStart, ZChecklistSave,
  ZCorrectionInput, ZInterview, ZInterviewOptions, ZInterviewSummary, ZPieceIdParam, ZMyInterview, ZParticipant, ZParticipantInput,
  ZParticipantUpdate, ZPresence, ZPresenceAnswer, ZReadBack, ZSavedPiece, ZSignatureInput, ZStartInterview, ZTextSave, TEXT_FIELDS,
  ZVersionQuery,
} from '@refugio/domain';
import {
  addAnnex, addParticipant, attachAudio, correctRecord, endBreak, exportRecordPdf, getAudio, getInterview, getMyInterview, listClaimInterviews,
  listInterviewOptions, listMyInterviews, readBackInterview, removeParticipant, saveAnswer, saveChecklistItem, saveText, signInterview,
  startBreak, startInterview, touchPresence, updateParticipant,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

// Routes declare the narrowest scope of the claim's permissions; the interview policy narrows by
// the widest one the caller holds (ADR 025).
const READ = { permission: 'read:claim:own' } as const;
const UPDATE = { permission: 'update:claim:own' } as const;
const OWN = { permission: 'read:interview:own' } as const;
const tags = ['interviews'];
const ZId = z.strictObject({ id: z.uuid() });

/** The personal interview: its start (the procedure's step), the working record, read-back, signatures, the acta. */
export async function interviewRoutes(app: App): Promise<void> {
  const { db } = app;

  // An audio recording is sent as itself, not base64 in JSON: up to audioMaxBytes for these
  // content types only (this plugin's scope), while JSON bodies keep the global limit.
  app.addContentTypeParser([...AUDIO_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: INTERVIEW_LIMITS.audioMaxBytes },
    (_request, body, done) => done(null, body));

  app.get('/api/claims/:id/interviews', {
    config: READ,
    schema: { tags, summary: 'The claim\'s interviews, the latest first (no content)', params: ZId, response: { 200: ZInterviewSummary.array() } },
  }, async (request) => listClaimInterviews(db, request.ctx, request.params.id));

  app.get('/api/claims/:id/interview-options', {
    config: UPDATE,
    schema: { tags, summary: 'What an interview can start with: the claim\'s people, published questionnaires, interpreters, appointments', params: ZId, response: { 200: ZInterviewOptions } },
  }, async (request) => listInterviewOptions(db, request.ctx, request.params.id));

  app.post('/api/claims/:id/interviews', {
    config: UPDATE,
    schema: {
      tags, summary: 'Start an interview: the start_interview step (409 SAFEGUARD_UNMET naming every unmet safeguard) and its record (Idempotency-Key honoured)',
      params: ZId, body: ZStartInterview, response: { 201: ZInterview },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => startInterview(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.get('/api/interviews/:id', {
    config: READ,
    schema: { tags, summary: 'The whole interview record, under the field policy (audited read)', params: ZId, response: { 200: ZInterview } },
  }, async (request) => getInterview(db, request.ctx, request.params.id));

  for (const field of TEXT_FIELDS) {
    app.put(`/api/interviews/:id/${field}`, {
      config: UPDATE,
      schema: {
        tags, summary: `Autosave the ${field} over the version last seen (409 with the saved text on a stale one)`,
        params: ZId, body: ZTextSave, response: { 200: ZSavedPiece },
      },
    }, async (request) => saveText(db, request.ctx, { id: request.params.id, field, input: request.body }));
  }

  app.put('/api/interviews/:id/answers/:questionId', {
    config: UPDATE,
    schema: {
      tags, summary: 'Autosave one answer over the version last seen (0 for a first one; 409 with the saved answer on a stale one)',
      params: z.strictObject({ id: z.uuid(), questionId: ZPieceIdParam }), body: ZAnswerSave, response: { 200: ZSavedPiece },
    },
  }, async (request) => saveAnswer(db, request.ctx, { id: request.params.id, questionId: request.params.questionId, input: request.body }));

  app.put('/api/interviews/:id/checklist/:itemId', {
    config: UPDATE,
    schema: {
      tags, summary: 'Tick a stage\'s checklist item, with a note (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), itemId: ZPieceIdParam }), body: ZChecklistSave, response: { 200: ZSavedPiece },
    },
  }, async (request) => saveChecklistItem(db, request.ctx, { id: request.params.id, itemId: request.params.itemId, input: request.body }));

  app.post('/api/interviews/:id/presence', {
    config: UPDATE,
    schema: { tags, summary: 'A tab\'s heartbeat: the other tabs or devices that have the interview open now', params: ZId, body: ZPresence, response: { 200: ZPresenceAnswer } },
  }, async (request) => touchPresence(db, request.ctx, { id: request.params.id, editorId: request.body.editorId }));

  app.post('/api/interviews/:id/participants', {
    config: UPDATE,
    schema: { tags, summary: 'Record someone present with their role (Idempotency-Key honoured)', params: ZId, body: ZParticipantInput, response: { 201: ZParticipant } },
  }, async (request, reply) => idempotent(request, reply, 201, () => addParticipant(db, request.ctx, { id: request.params.id, input: request.body })));

  app.put('/api/interviews/:id/participants/:participantId', {
    config: UPDATE,
    schema: {
      tags, summary: 'Correct a participant\'s name or organisation (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), participantId: z.uuid() }), body: ZParticipantUpdate, response: { 200: ZParticipant },
    },
  }, async (request) => updateParticipant(db, request.ctx, { id: request.params.id, participantId: request.params.participantId, input: request.body }));

  app.delete('/api/interviews/:id/participants/:participantId', {
    config: UPDATE,
    schema: {
      tags, summary: 'Remove someone recorded as present by mistake (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), participantId: z.uuid() }), querystring: ZVersionQuery, response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await removeParticipant(db, request.ctx, { id: request.params.id, participantId: request.params.participantId, version: request.query.version });
    return reply.status(204).send(null);
  });

  app.post('/api/interviews/:id/breaks', {
    config: UPDATE,
    schema: { tags, summary: 'A break begins now (409 while another is open; Idempotency-Key honoured)', params: ZId, body: ZBreakStart, response: { 201: ZBreak } },
  }, async (request, reply) => idempotent(request, reply, 201, () => startBreak(db, request.ctx, { id: request.params.id, reason: request.body.reason })));

  app.post('/api/interviews/:id/breaks/:breakId/end', {
    config: UPDATE,
    schema: {
      tags, summary: 'The interview resumes: the break ends now (409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), breakId: z.uuid() }), body: ZBreakEnd, response: { 200: ZBreak },
    },
  }, async (request) => endBreak(db, request.ctx, { id: request.params.id, breakId: request.params.breakId, version: request.body.version }));

  app.post('/api/interviews/:id/read-back', {
    config: UPDATE,
    schema: { tags, summary: 'End the questioning and read the record back: only corrections change it from now on', params: ZId, body: ZReadBack, response: { 200: ZInterview } },
  }, async (request) => readBackInterview(db, request.ctx, { id: request.params.id, version: request.body.version }));

  app.post('/api/interviews/:id/corrections', {
    config: UPDATE,
    schema: {
      tags, summary: 'A correction on read-back: before and after kept, with who asked (409 with the piece on a stale version; Idempotency-Key honoured)',
      params: ZId, body: ZCorrectionInput, response: { 201: ZInterview },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => correctRecord(db, request.ctx, { id: request.params.id, input: request.body })));

  app.post('/api/interviews/:id/signatures', {
    config: UPDATE,
    schema: {
      tags, summary: 'One signature, once per role (drawn, declined with a reason, attested); the last one locks the record and records the claim as interviewed',
      params: ZId, body: ZSignatureInput, response: { 201: ZInterview },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => signInterview(db, request.ctx, { id: request.params.id, input: request.body })));

  app.post('/api/interviews/:id/annexes', {
    config: UPDATE,
    schema: { tags, summary: 'Add an annex to a locked record (Idempotency-Key honoured)', params: ZId, body: ZAnnexInput, response: { 201: ZAnnex } },
  }, async (request, reply) => idempotent(request, reply, 201, () => addAnnex(db, request.ctx, { id: request.params.id, text: request.body.text })));

  app.post('/api/interviews/:id/audio', {
    config: UPDATE,
    schema: {
      tags, consumes: [...AUDIO_CONTENT_TYPES],
      summary: `Attach an audio recording (the request body, Content-Type ${AUDIO_CONTENT_TYPES.join(', ')}, at most ${INTERVIEW_LIMITS.audioMaxBytes / 1024 / 1024} MiB), kept with its SHA-256; the same file again returns the one stored`,
      params: ZId, response: { 201: ZAudio },
    },
  }, async (request, reply) => {
    const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return idempotent(request, reply, 201, () => attachAudio(db, request.ctx, { id: request.params.id, contentType: request.headers['content-type'] ?? '', content }));
  });

  app.get('/api/interviews/:id/audio/:audioId', {
    config: READ,
    schema: { tags, summary: 'Download an audio recording (audited)', params: z.strictObject({ id: z.uuid(), audioId: z.uuid() }), response: { 200: z.any().describe('audio/*') } },
  }, async (request, reply) => {
    const audio = await getAudio(db, request.ctx, { id: request.params.id, audioId: request.params.audioId });
    return reply.type(audio.contentType).header('content-disposition', `attachment; filename="${audio.fileName}"`).header('x-content-sha256', audio.sha256).send(audio.content);
  });

  app.get('/api/interviews/:id/pdf', {
    config: READ,
    schema: { tags, summary: 'The record (acta) as PDF in Spanish, noting the interview\'s language; a draft until signed (audited)', params: ZId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { fileName, pdf } = await exportRecordPdf(db, request.ctx, request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.get('/api/me/interviews', {
    config: OWN,
    schema: { tags, summary: 'The interviews I interpreted: my participation, not the claims', response: { 200: ZMyInterview.array() } },
  }, async (request) => listMyInterviews(db, request.ctx));

  app.get('/api/me/interviews/:id', {
    config: OWN,
    schema: { tags, summary: 'One interview I interpreted: my participation (audited)', params: ZId, response: { 200: ZMyInterview } },
  }, async (request) => getMyInterview(db, request.ctx, request.params.id));
}
