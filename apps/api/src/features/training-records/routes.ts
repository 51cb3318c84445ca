import { z } from 'zod';
import {
  ZAssessmentInput, ZAttendanceInput, ZCertificate, ZImportInput, ZImportResolutionInput, ZImportResult, ZIssueCertificatesInput, ZIssueCertificatesProgress,
  ZOnlineCompletionInput, ZParticipantRecords, ZPublicCertificate, ZRevokeCertificateInput, ZSessionRecords,
} from '@refugio/domain';
import {
  certificatePdf, getSessionRecords, importRecords, issueCertificates, listMyCertificates, resolveImport, revokeCertificate, setAssessment, setAttendance,
  setOnlineCompletion, verifyCertificate,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZSession = z.strictObject({ id: z.uuid() });
const ZEnrolment = z.strictObject({ id: z.uuid(), enrolmentId: z.uuid() });
// Records are kept by the organising institution's coordinator (manage:training:institution) and,
// for attendance and results, by the session's own trainers (teach:training:own): one route serves
// both, so it declares the permission every staff member holds and the use case checks which applies.
const RECORDS = { permission: 'read:training:all' } as const;
const MANAGE = { permission: 'manage:training:institution' } as const;
const tags = ['training records'];

export async function trainingRecordRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/training/sessions/:id/records', {
    config: RECORDS,
    schema: {
      tags, summary: 'A session\'s records: days, each participant\'s online completion, attendance, result and completion status, imports',
      params: ZSession, response: { 200: ZSessionRecords },
    },
  }, async (request) => getSessionRecords(db, request.ctx, request.params.id));

  app.put('/api/training/sessions/:id/enrolments/:enrolmentId/online-completion', {
    config: MANAGE,
    schema: {
      tags, summary: 'Set (or clear with null) a participant\'s online completion; the completion rule is applied again; 409 if `expected` is not the value now recorded',
      params: ZEnrolment, body: ZOnlineCompletionInput, response: { 200: ZParticipantRecords },
    },
  }, async (request) => setOnlineCompletion(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.put('/api/training/sessions/:id/enrolments/:enrolmentId/attendance', {
    config: RECORDS,
    schema: {
      tags, summary: 'Set (or clear with null) the minutes a participant attended one session day (coordinator or the session\'s trainer); 409 if `expected` is not the value now recorded',
      params: ZEnrolment, body: ZAttendanceInput, response: { 200: ZParticipantRecords },
    },
  }, async (request) => setAttendance(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.put('/api/training/sessions/:id/enrolments/:enrolmentId/assessment', {
    config: RECORDS,
    schema: {
      tags, summary: 'Set (or clear with null) a participant\'s assessment score, 0–100 (coordinator or the session\'s trainer); 409 if `expected` is not the value now recorded',
      params: ZEnrolment, body: ZAssessmentInput, response: { 200: ZParticipantRecords },
    },
  }, async (request) => setAssessment(db, request.ctx, request.params.id, request.params.enrolmentId, request.body));

  app.post('/api/training/sessions/:id/imports', {
    config: RECORDS,
    schema: {
      tags, summary: 'Import an LMS completion report or a videoconference participant report as exported (Moodle, Zoom, Teams), all or nothing: '
        + 'real errors reject it line by line; rows matching nobody enrolled hold it for review (status needs_review)',
      params: ZSession, body: ZImportInput, response: { 201: ZImportResult },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => importRecords(db, request.ctx, request.params.id, request.body)));

  app.post('/api/training/sessions/:id/imports/:importId/resolution', {
    config: RECORDS,
    schema: {
      tags, summary: 'Settle a held import: each unmatched row matched to an enrolled participant or ignored (null); the file is then applied',
      params: z.strictObject({ id: z.uuid(), importId: z.uuid() }), body: ZImportResolutionInput, response: { 200: ZImportResult },
    },
  }, async (request, reply) => idempotent(request, reply, 200, () => resolveImport(db, request.ctx, request.params.id, request.params.importId, request.body)));

  app.post('/api/training/sessions/:id/certificates', {
    config: MANAGE,
    schema: {
      tags, summary: 'Issue the next batch of certificates for completed participants; call again until remaining is 0 (never duplicates)',
      params: ZSession, body: ZIssueCertificatesInput, response: { 200: ZIssueCertificatesProgress },
    },
  }, async (request) => issueCertificates(db, request.ctx, request.params.id, request.body));

  app.get('/api/training/certificates/mine', {
    config: { permission: 'read:competency:own' },
    schema: { tags, summary: 'The caller\'s own certificates', response: { 200: z.array(ZCertificate) } },
  }, async (request) => listMyCertificates(db, request.ctx));

  app.get('/api/training/certificates/:id/pdf', {
    config: { permission: 'read:competency:own' },
    schema: {
      tags, summary: 'A certificate as PDF in the participant\'s language (its holder, or the organising institution\'s coordinator)',
      params: ZSession, response: { 200: z.any().describe('application/pdf') },
    },
  }, async (request, reply) => {
    const { fileName, pdf } = await certificatePdf(db, request.ctx, request.params.id, `${request.protocol}://${request.host}`);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(Buffer.from(pdf));
  });

  app.post('/api/training/certificates/:id/revoke', {
    config: MANAGE,
    schema: { tags, summary: 'Revoke a certificate with its reason', params: ZSession, body: ZRevokeCertificateInput, response: { 200: ZCertificate } },
  }, async (request) => revokeCertificate(db, request.ctx, request.params.id, request.body));

  // Public on purpose: whoever holds the paper checks it. Rate-limited per address; an unknown or
  // forged code is a plain 404 (ADR 016).
  app.get('/api/public/certificates/:code', {
    config: { permission: null, addressLimit: { bucket: 'certificate_check', max: 30, windowSeconds: 60 } },
    schema: {
      tags, summary: 'Public verification of a certificate: name, module, completion date, validity and status only',
      params: z.strictObject({ code: z.string().max(64) }), response: { 200: ZPublicCertificate },
    },
  }, async (request) => verifyCertificate(db, request.params.code, request.language));
}
