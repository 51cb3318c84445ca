import { z } from 'zod';
import {
  ZCancelEnrolmentInput, ZEnrolInput, ZEnrolResult, ZMyEnrolment, ZTrainingModule, ZTrainingSession, ZTrainingSessionInput,
  ZTrainingSessionQuery, ZTrainingSessionStatusInput, ZTrainingSessionSummary, ZCertificationInput, ZTrainer, ZTrainerInput,
} from '@refugio/domain';
import {
  cancelEnrolment, createTrainingSession, enrolUsers, getTrainingSession, listMyEnrolments, listTrainingModules, listTrainingSessions,
  setTrainingSessionStatus, certifyTrainer, createTrainer, listTrainers,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const READ = { permission: 'read:training:all' } as const;
const MANAGE = { permission: 'manage:training:institution' } as const;
const OWN = { permission: 'enrol:training:own' } as const;
const tags = ['training sessions'];
const ZId = z.strictObject({ id: z.uuid() });

export async function trainingSessionRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/training/modules', {
    config: READ,
    schema: { tags, summary: 'The curriculum: modules with level, formats, hours, competencies, prerequisites', response: { 200: ZTrainingModule.array() } },
  }, async (request) => listTrainingModules(db, request.ctx));

  app.get('/api/training/sessions', {
    config: READ,
    schema: { tags, summary: 'Training sessions, most recent first', querystring: ZTrainingSessionQuery, response: { 200: ZTrainingSessionSummary.array() } },
  }, async (request) => listTrainingSessions(db, request.ctx, request.query));

  app.post('/api/training/sessions', {
    config: MANAGE,
    schema: { tags, summary: 'Create a session of a module for the coordinator\'s institution (Idempotency-Key honoured)', body: ZTrainingSessionInput, response: { 201: ZTrainingSession } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createTrainingSession(db, request.ctx, request.body)));

  app.get('/api/training/sessions/:id', {
    config: READ,
    schema: { tags, summary: 'A session with its days and trainers; participants for its coordinator and trainers', params: ZId, response: { 200: ZTrainingSession } },
  }, async (request) => getTrainingSession(db, request.ctx, request.params.id));

  app.post('/api/training/sessions/:id/status', {
    config: MANAGE,
    schema: { tags, summary: 'Open, start, complete or cancel a session (409 on a stale version)', params: ZId, body: ZTrainingSessionStatusInput, response: { 200: ZTrainingSession } },
  }, async (request) => setTrainingSessionStatus(db, request.ctx, request.params.id, request.body));

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
    schema: { tags, summary: 'My training: sessions I am enrolled in or waiting for', response: { 200: ZMyEnrolment.array() } },
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
