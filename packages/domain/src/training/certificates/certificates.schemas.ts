import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../../shared/limits.ts';

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;

/** A staff member's certificate as they (or the coordinator) see it. */
export const ZCertificate = z.object({
  id: z.uuid(),
  verificationCode: z.string(),
  fullName: z.string(),
  moduleTitle: z.string(),
  sessionCode: z.string(),
  language: z.enum(LANGUAGES),
  completedOn: z.string(),
  validUntil: z.string().nullable(),
  issuedAt: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  revokedReason: z.string().nullable(),
});

/** The public verification: only what a reader of the paper needs to trust it (ADR 016). */
export const ZPublicCertificate = z.strictObject({
  fullName: z.string(),
  moduleTitle: z.string(),
  completedOn: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
});

export const ZIssueCertificatesInput = z.strictObject({
  /** Certificates to issue in this call; the client calls again until none remain (progress bar). */
  batchSize: z.number().int().min(1).max(200).default(25),
});

export const ZIssueCertificatesProgress = z.object({
  issuedNow: z.number().int(),
  /** Completed enrolments holding a certificate in force, after this call. */
  issued: z.number().int(),
  /** Completed enrolments of the session. */
  total: z.number().int(),
  remaining: z.number().int(),
});

export const ZRevokeCertificateInput = z.strictObject({
  reason: z.string().trim().min(1).max(LIMITS.reasonMax),
});

export type TCertificate = z.infer<typeof ZCertificate>;
export type TPublicCertificate = z.infer<typeof ZPublicCertificate>;
export type TIssueCertificatesProgress = z.infer<typeof ZIssueCertificatesProgress>;
