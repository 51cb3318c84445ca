import { z } from 'zod';
import {
  ZAbandonmentDecision, ZAbandonmentDecisionInput, ZAbandonmentQueue, ZAgenda, ZAgendaQuery, ZAppointment, ZAppointmentInput, ZBookingOptions,
  ZInterpreter, ZInterpreterInput, ZInterpreterQuery, ZInterpreterUpdate, ZMyBookings, ZNoShowInput, ZPostponeInput, ZRescheduleInput,
  ZSchedulingSettings, ZSchedulingSettingsQuery, ZSchedulingSettingsUpdate, ZWeeklySignatureInput, ZSignatureStatus,
} from '@refugio/domain';
import {
  appointmentCalendar, appointmentNotice, bookAppointment, confirmAbandonment, createInterpreter, dismissAbandonment, getBookingOptions,
  getSchedulingSettings, getSignatureStatus, listAbandonmentQueue, listAgenda, listClaimAppointments, listInterpreters, listMyBookings,
  postponeAppointment, recordNoShow, recordSignature, rescheduleAppointment, updateInterpreter, updateSchedulingSettings,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
const READ_CLAIM = { permission: 'read:claim:own' } as const;
const UPDATE_CLAIM = { permission: 'update:claim:own' } as const;
const DECIDE = { permission: 'decide:abandonment:office' } as const;

/** The interpreter roster, interview appointments, the weekly signature and abandonment proposals (ADR 027). */
export async function schedulingRoutes(app: App): Promise<void> {
  const { db } = app;
  let tags = ['interpreters'];

  app.get('/api/interpreters', {
    config: { permission: 'read:interpreter:office' },
    schema: { tags, summary: 'The interpreter roster of the reader\'s offices, by language and office', querystring: ZInterpreterQuery, response: { 200: ZInterpreter.array() } },
  }, async (request) => listInterpreters(db, request.ctx, {
    language: request.query.language, officeId: request.query.officeId, includeInactive: request.query.includeInactive === 'true',
  }));

  app.post('/api/interpreters', {
    config: { permission: 'manage:interpreter:office' },
    schema: { tags, summary: 'Add an interpreter to the roster of the supervisor\'s offices (Idempotency-Key honoured)', body: ZInterpreterInput, response: { 201: ZInterpreter } },
  }, async (request, reply) => idempotent(request, reply, 201, () => createInterpreter(db, request.ctx, { input: request.body })));

  app.put('/api/interpreters/:id', {
    config: { permission: 'manage:interpreter:office' },
    schema: { tags, summary: 'Change or deactivate an interpreter (409 with the current entry on a stale version)', params: ZId, body: ZInterpreterUpdate, response: { 200: ZInterpreter } },
  }, async (request) => updateInterpreter(db, request.ctx, { interpreterId: request.params.id, input: request.body }));

  tags = ['interview appointments'];

  app.get('/api/claims/:id/booking-options', {
    config: UPDATE_CLAIM,
    schema: { tags, summary: 'What the booking form offers for a claim: interviewers, the claim\'s people and the suggested language', params: ZId, response: { 200: ZBookingOptions } },
  }, async (request) => getBookingOptions(db, request.ctx, { claimId: request.params.id }));

  app.get('/api/claims/:id/appointments', {
    config: READ_CLAIM,
    schema: { tags, summary: 'A claim\'s interview appointments, every status, newest first (audited)', params: ZId, response: { 200: ZAppointment.array() } },
  }, async (request) => listClaimAppointments(db, request.ctx, { claimId: request.params.id }));

  app.post('/api/claims/:id/appointments', {
    config: UPDATE_CLAIM,
    schema: {
      tags, params: ZId, body: ZAppointmentInput, response: { 201: ZAppointment },
      summary: 'Book the personal interview: the first one takes the schedule_interview step; 409 SCHEDULE_CONFLICT naming a double booking (Idempotency-Key honoured)',
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => bookAppointment(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.post('/api/appointments/:id/reschedule', {
    config: UPDATE_CLAIM,
    schema: {
      tags, params: ZId, body: ZRescheduleInput, response: { 201: ZAppointment },
      summary: 'A new date for a scheduled, missed or postponed appointment; the old one keeps its history (Idempotency-Key honoured)',
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => rescheduleAppointment(db, request.ctx, { appointmentId: request.params.id, input: request.body })));

  app.post('/api/appointments/:id/no-show', {
    config: UPDATE_CLAIM,
    schema: { tags, summary: 'Record that the applicant did not come (after the start time; 409 on a stale version)', params: ZId, body: ZNoShowInput, response: { 200: ZAppointment } },
  }, async (request) => recordNoShow(db, request.ctx, { appointmentId: request.params.id, input: request.body }));

  app.post('/api/appointments/:id/postpone', {
    config: UPDATE_CLAIM,
    schema: {
      tags, params: ZId, body: ZPostponeInput, response: { 200: ZAppointment },
      summary: 'Postpone for a guarantee, with the reason; pauses the decision clock where the authority configured it',
    },
  }, async (request) => postponeAppointment(db, request.ctx, { appointmentId: request.params.id, input: request.body }));

  app.get('/api/appointments/:id/notice', {
    config: READ_CLAIM,
    schema: { tags, summary: 'The applicant\'s notice of the appointment as PDF, in their language or in Spanish (audited)', params: ZId, response: { 200: z.any().describe('application/pdf') } },
  }, async (request, reply) => {
    const { fileName, pdf } = await appointmentNotice(db, request.ctx, { appointmentId: request.params.id });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.get('/api/appointments/:id/calendar', {
    config: READ_CLAIM,
    schema: { tags, summary: 'The appointment as an .ics event for staff calendars, without the applicant\'s name (audited)', params: ZId, response: { 200: z.any().describe('text/calendar') } },
  }, async (request, reply) => {
    const { fileName, ics } = await appointmentCalendar(db, request.ctx, { appointmentId: request.params.id });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(ics);
  });

  app.get('/api/scheduling/agenda', {
    config: READ_CLAIM,
    schema: { tags, summary: 'An officer\'s appointments for a day, week or month (their own, or an officer of the reader\'s offices; audited)', querystring: ZAgendaQuery, response: { 200: ZAgenda } },
  }, async (request) => listAgenda(db, request.ctx, { view: request.query.view, date: request.query.date, officerId: request.query.officerId }));

  app.get('/api/scheduling/my-bookings', {
    config: { permission: 'read:interview:own' },
    schema: { tags, summary: 'An interpreter\'s own bookings and the interviews they took part in, nothing else of the claim (audited)', response: { 200: ZMyBookings } },
  }, async (request) => listMyBookings(db, request.ctx));

  tags = ['weekly signature'];

  app.get('/api/claims/:id/signatures', {
    config: READ_CLAIM,
    schema: { tags, summary: 'A claim\'s weekly signatures, the weeks missed in a row and the authority\'s threshold (audited)', params: ZId, response: { 200: ZSignatureStatus } },
  }, async (request) => getSignatureStatus(db, request.ctx, { claimId: request.params.id }));

  app.post('/api/claims/:id/signatures', {
    config: UPDATE_CLAIM,
    schema: { tags, summary: 'Record the applicant\'s weekly signature (Reglamento art. 24; Idempotency-Key honoured)', params: ZId, body: ZWeeklySignatureInput, response: { 201: ZSignatureStatus } },
  }, async (request, reply) => idempotent(request, reply, 201, () => recordSignature(db, request.ctx, { claimId: request.params.id, input: request.body })));

  app.get('/api/scheduling/abandonment-queue', {
    config: DECIDE,
    schema: { tags, summary: 'Claims whose missed signatures propose abandonment to the supervisor (never automatic; audited)', response: { 200: ZAbandonmentQueue } },
  }, async (request) => listAbandonmentQueue(db, request.ctx));

  app.post('/api/scheduling/abandonment-queue/:id/confirm', {
    config: DECIDE,
    schema: { tags, summary: 'Confirm: the claim takes the abandon step with the reason (409 on a stale claim version)', params: ZId, body: ZAbandonmentDecisionInput, response: { 200: ZAbandonmentDecision } },
  }, async (request) => confirmAbandonment(db, request.ctx, { claimId: request.params.id, input: request.body }));

  app.post('/api/scheduling/abandonment-queue/:id/dismiss', {
    config: DECIDE,
    schema: { tags, summary: 'Dismiss with a reason: the claim leaves the queue for this run of missed weeks', params: ZId, body: ZAbandonmentDecisionInput, response: { 200: ZAbandonmentDecision } },
  }, async (request) => dismissAbandonment(db, request.ctx, { claimId: request.params.id, input: request.body }));

  tags = ['scheduling settings'];

  app.get('/api/scheduling/settings', {
    config: { permission: 'read:procedure:all' },
    schema: { tags, summary: 'An authority\'s abandonment threshold and postponement rule (version 0: the defaults)', querystring: ZSchedulingSettingsQuery, response: { 200: ZSchedulingSettings } },
  }, async (request) => getSchedulingSettings(db, request.ctx, { institutionId: request.query.institutionId }));

  app.put('/api/scheduling/settings', {
    config: { permission: 'manage:procedure:all' },
    schema: { tags, summary: 'Set an authority\'s abandonment threshold and postponement rule (409 on a stale version)', body: ZSchedulingSettingsUpdate, response: { 200: ZSchedulingSettings } },
  }, async (request) => updateSchedulingSettings(db, request.ctx, { input: request.body }));
}
