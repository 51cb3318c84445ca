import { z } from 'zod';
import {
  ZApproveRequestInput, ZCancelEnrolmentInput, ZEnrolInput, ZEnrolResult, ZGuideAcknowledgementInput, ZMyEnrolment, ZRejectRequestInput,
  ZSessionGuideInput, ZTrainingModule, ZTrainingModuleQuery, ZTrainingSession, ZTrainingSessionInput, ZTrainingSessionQuery, ZTrainingSessionStatusInput,
  ZTrainingSessionSummary, ZTrainingSessionUpdate, ZWithdrawRequestInput, ZCertificationInput, ZTrainer, ZTrainerInput,
} from '@refugio/domain';
import {
  acknowledgeGuide, approveRequest, assignSessionGuide, cancelEnrolment, createTrainingSession, enrolUsers, getTrainingSession,
  listMyEnrolments, listRequestableSessions, listTrainingModules, listTrainingSessions, rejectRequest, removeSessionGuide, requestPlace,
  setTrainingSessionStatus, updateTrainingSession, withdrawRequest, certifyTrainer, createTrainer, listTrainers,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const READ = { permission: 'read:training:all' } as const;
const MANAGE = { permission: 'manage:training:institution' } as const;
const OWN = { permission: 'enrol:training:own' } as const;
const tags = ['training sessions'];
const ZId = z.strictObject({ id: z.uuid() });
const ZRequestId = z.strictObject({ id: z.uuid(), enrolmentId: z.uuid() });
const ZGuideParams = z.strictObject({ id: z.uuid(), code: z.string().max(60) });

export async function trainingSessionRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/training/modules', {
    config: READ,
    schema: {
      tags, summary: 'The curriculum: modules with level, formats, hours, competencies, prerequisites (retired ones on request)',
      querystring: ZTrainingModuleQuery, response: { 200: ZTrainingModule.array() },
    },
  }, async (request) => listTrainingModules(db, request.ctx, request.query));

  app.get('/api/training/sessions', {
    config: READ,
    schema: { tags, summary: 'Training sessions, most recent first', querystring: ZTrainingSessionQuery, response: { 200: ZTrainingSessionSummary.array() } },
  }, async (request) => listTrainingSessions(db, request.ctx, request.query));

  app.post('/api/training/sessions', {
    config: MANAGE,
    schema: { tags, summary: 'Create a session of a module for the coordinator\'s institution (Idempotency-Key honoured)', body: ZTrainingSessionInput, response: { 201: ZTrainingSession } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createTrainingSession(db, request.ctx, request.body)));

  app.get('/api/training/sessions/requestable', {
    config: OWN,
    schema: { tags, summary: 'Sessions of my institution open to self-enrolment, not yet started, where I hold no request or place', response: { 200: ZTrainingSessionSummary.array() } },
  }, async (request) => listRequestableSessions(db, request.ctx));

  app.get('/api/training/sessions/:id', {
    config: READ,
    schema: { tags, summary: 'A session with its days and trainers; participants for its coordinator and trainers', params: ZId, response: { 200: ZTrainingSession } },
  }, async (request) => getTrainingSession(db, request.ctx, request.params.id));

  app.post('/api/training/sessions/:id/status', {
    config: MANAGE,
    schema: { tags, summary: 'Open, start, complete or cancel a session (409 on a stale version)', params: ZId, body: ZTrainingSessionStatusInput, response: { 200: ZTrainingSession } },
  }, async (request) => setTrainingSessionStatus(db, request.ctx, request.params.id, request.body));

  app.put('/api/training/sessions/:id', {
    config: MANAGE,
    schema: {
      tags, summary: 'Change a session\'s place, dates, capacity (not below those enrolled; raising it promotes the waiting list), self-enrolment, language or trainers (409 on a stale version)',
      params: ZId, body: ZTrainingSessionUpdate, response: { 200: ZTrainingSession },
    },
  }, async (request) => updateTrainingSession(db, request.ctx, request.params.id, request.body));

  app.post('/api/training/sessions/:id/requests', {
    config: OWN,
    schema: {
      tags, summary: 'Ask for a place in a session open to self-enrolment (prerequisites checked; asking again changes nothing; Idempotency-Key honoured)',
      params: ZId, response: { 201: ZMyEnrolment },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => requestPlace(db, request.ctx, request.params.id)));

  app.post('/api/training/sessions/:id/requests/:enrolmentId/approve', {
    config: MANAGE,
    schema: {
      tags, summary: 'Approve a request for a place: enrolled if a place is free, else waiting list (409 on a stale version)',
      params: ZRequestId, body: ZApproveRequestInput, response: { 200: ZTrainingSession },
    },
  }, async (request) => approveRequest(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.post('/api/training/sessions/:id/requests/:enrolmentId/reject', {
    config: MANAGE,
    schema: {
      tags, summary: 'Reject a request for a place with a reason (409 on a stale version)',
      params: ZRequestId, body: ZRejectRequestInput, response: { 200: ZTrainingSession },
    },
  }, async (request) => rejectRequest(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.post('/api/training/sessions/:id/requests/:enrolmentId/withdraw', {
    config: OWN,
    schema: {
      tags, summary: 'Withdraw my own pending request (409 on a stale version)',
      params: ZRequestId, body: ZWithdrawRequestInput, response: { 200: ZMyEnrolment },
    },
  }, async (request) => withdrawRequest(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.post('/api/training/sessions/:id/guides', {
    config: MANAGE,
    schema: {
      tags, summary: 'Give a guide of the library (by code) to a session as pre-reading (assigning it again changes nothing)',
      params: ZId, body: ZSessionGuideInput, response: { 200: ZTrainingSession },
    },
  }, async (request) => assignSessionGuide(db, request.ctx, request.params.id, request.body.code));

  app.delete('/api/training/sessions/:id/guides/:code', {
    config: MANAGE,
    schema: { tags, summary: 'Take a guide off a session\'s pre-reading', params: ZGuideParams, response: { 200: ZTrainingSession } },
  }, async (request) => removeSessionGuide(db, request.ctx, request.params.id, request.params.code));

  app.post('/api/training/sessions/:id/guides/:code/acknowledgement', {
    config: OWN,
    schema: {
      tags, summary: 'I have read this pre-reading guide (the version I was given); saying it again changes nothing',
      params: ZGuideParams, body: ZGuideAcknowledgementInput, response: { 200: ZMyEnrolment },
    },
  }, async (request) => acknowledgeGuide(db, request.ctx, request.params.id, request.params.code, request.body.guideId));

  app.post('/api/training/sessions/:id/enrolments', {
    config: MANAGE,
    schema: {
      tags, summary: 'Enrol staff (up to 500 at once): places up to capacity, then the waiting list; prerequisites checked',
      params: ZId, body: ZEnrolInput, response: { 200: ZEnrolResult },
    },
  }, async (request) => enrolUsers(db, request.ctx, request.params.id, request.body));

  app.post('/api/training/sessions/:id/enrolments/:enrolmentId/cancel', {
    config: MANAGE,
    schema: {
      tags, summary: 'Cancel a place (the first waiting person takes it; 409 on a stale version)',
      params: z.strictObject({ id: z.uuid(), enrolmentId: z.uuid() }), body: ZCancelEnrolmentInput, response: { 200: ZTrainingSession },
    },
  }, async (request) => {
    await cancelEnrolment(db, request.ctx, request.params.id, request.params.enrolmentId, request.body);
    return getTrainingSession(db, request.ctx, request.params.id);
  });

  app.get('/api/training/me/enrolments', {
    config: OWN,
    schema: { tags, summary: 'My training: sessions I asked for, am enrolled in or waiting for, with their pre-reading', response: { 200: ZMyEnrolment.array() } },
  }, async (request) => listMyEnrolments(db, request.ctx));

  app.get('/api/training/trainers', {
    config: READ,
    schema: { tags, summary: 'The trainer roster with each trainer\'s certifications per module', response: { 200: ZTrainer.array() } },
  }, async (request) => listTrainers(db, request.ctx));

  app.post('/api/training/trainers', {
    config: MANAGE,
    schema: { tags, summary: 'Add a trainer (a staff account or a visiting expert) to the roster (Idempotency-Key honoured)', body: ZTrainerInput, response: { 201: ZTrainer } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createTrainer(db, request.ctx, request.body)));

  app.put('/api/training/trainers/:id/certifications/:moduleId', {
    config: MANAGE,
    schema: {
      tags, summary: 'Certify a trainer for a module (train the trainer), or change the dates',
      params: z.strictObject({ id: z.uuid(), moduleId: z.uuid() }), body: ZCertificationInput, response: { 200: ZTrainer },
    },
  }, async (request) => certifyTrainer(db, request.ctx, request.params.id, request.params.moduleId, request.body));
}
