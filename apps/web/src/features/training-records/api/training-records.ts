import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCertificate, ZImportResult, ZIssueCertificatesProgress, ZParticipantRecords, ZPublicCertificate, ZSessionRecords, type ImportKind,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const TRAINING_RECORDS_KEY = ['training-records'] as const;

export function useSessionRecords(sessionId: string | undefined) {
  return useQuery({
    queryKey: [...TRAINING_RECORDS_KEY, 'session', sessionId],
    queryFn: () => apiRequest(`/api/training/sessions/${sessionId}/records`, { schema: ZSessionRecords }),
    enabled: Boolean(sessionId),
  });
}

const enrolmentPath = (sessionId: string, enrolmentId: string, part: string) => `/api/training/sessions/${sessionId}/enrolments/${enrolmentId}/${part}`;

// Each write names the value the cell showed (`expected`): if it changed meanwhile the server answers 409.
export function putOnlineCompletion(sessionId: string, enrolmentId: string, completedOn: string | null, expected: string | null) {
  return apiRequest(enrolmentPath(sessionId, enrolmentId, 'online-completion'), { method: 'PUT', body: { completedOn, expected }, schema: ZParticipantRecords });
}

export function putAttendance(sessionId: string, enrolmentId: string, sessionDayId: string, minutes: number | null, expected: number | null) {
  return apiRequest(enrolmentPath(sessionId, enrolmentId, 'attendance'), { method: 'PUT', body: { sessionDayId, minutes, expected }, schema: ZParticipantRecords });
}

export function putAssessment(sessionId: string, enrolmentId: string, score: number | null, expected: number | null) {
  return apiRequest(enrolmentPath(sessionId, enrolmentId, 'assessment'), { method: 'PUT', body: { score, expected }, schema: ZParticipantRecords });
}

export function importFile(sessionId: string, body: { kind: ImportKind; fileName: string; content: string }, idempotencyKey: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/imports`, { method: 'POST', body, idempotencyKey, schema: ZImportResult });
}

/** Settles a held import: each unmatched row matched to an enrolment or ignored (null); the file is then applied. */
export function resolveImport(sessionId: string, importId: string, resolutions: Array<{ key: string; enrolmentId: string | null }>, idempotencyKey: string) {
  return apiRequest(`/api/training/sessions/${sessionId}/imports/${importId}/resolution`, { method: 'POST', body: { resolutions }, idempotencyKey, schema: ZImportResult });
}

export function issueCertificateBatch(sessionId: string, batchSize: number) {
  return apiRequest(`/api/training/sessions/${sessionId}/certificates`, { method: 'POST', body: { batchSize }, schema: ZIssueCertificatesProgress });
}

export function useMyCertificates() {
  return useQuery({
    queryKey: [...TRAINING_RECORDS_KEY, 'mine'],
    queryFn: () => apiRequest('/api/training/certificates/mine', { schema: z.array(ZCertificate) }),
  });
}

export function usePublicCertificate(code: string | undefined) {
  return useQuery({
    queryKey: [...TRAINING_RECORDS_KEY, 'public', code],
    queryFn: () => apiRequest(`/api/public/certificates/${encodeURIComponent(code ?? '')}`, { schema: ZPublicCertificate }),
    enabled: Boolean(code),
    retry: false,
  });
}

export const certificatePdfUrl = (certificateId: string) => `/api/training/certificates/${certificateId}/pdf`;

export function revokeCertificate(certificateId: string, reason: string) {
  return apiRequest(`/api/training/certificates/${certificateId}/revoke`, { method: 'POST', body: { reason }, schema: ZCertificate });
}
