import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/limits.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { certificateStatus, normalizeVerificationCode } from '../certificates.rules.ts';
import type { TCertificate, TPublicCertificate, ZRevokeCertificateInput } from '../certificates.schemas.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { translate } from '../../../i18n/catalogs.ts';
import { todayIn } from '../../../shared/time.ts';
import { mayManageTraining } from '../../../shared/policies/training-session.policy.ts';

interface CertificateRow {
  id: string;
  verification_code: string;
  user_id: string;
  full_name: string;
  module_title: string;
  session_code: string;
  institution_id: string;
  language: Language;
  completed_on: string;
  valid_until: string | null;
  issued_at: Date;
  revoked: boolean;
  revoked_reason: string | null;
  /** The module's title in every language, for a list read in the reader's language. */
  module_titles: Partial<Record<Language, string>>;
}

/** Titles in the certificate's language (the participant's), falling back to Spanish. */
const CERTIFICATE_SELECT = `
  SELECT c.id, c.verification_code, c.user_id, u.full_name, coalesce(m.title ->> c.language, m.title ->> 'es-MX') AS module_title, m.title AS module_titles,
         s.code AS session_code, s.institution_id, c.language, c.completed_on::text AS completed_on, c.valid_until::text AS valid_until,
         c.issued_at, c.revoked_at IS NOT NULL AS revoked, c.revoked_reason
    FROM training_certificates c JOIN users u ON u.id = c.user_id JOIN training_modules m ON m.id = c.module_id
    JOIN training_enrolments e ON e.id = c.enrolment_id JOIN training_sessions s ON s.id = e.session_id`;

/** A certificate as its reader lists it: the module's title in the reader's language when given (the PDF keeps the certificate's). */
function present(row: CertificateRow, readerLanguage?: Language): TCertificate {
  return {
    id: row.id, verificationCode: row.verification_code, fullName: row.full_name,
    moduleTitle: (readerLanguage && row.module_titles?.[readerLanguage]) || row.module_title, sessionCode: row.session_code,
    language: row.language, completedOn: row.completed_on, validUntil: row.valid_until, issuedAt: row.issued_at.toISOString(),
    status: certificateStatus({ revoked: row.revoked, validUntil: row.valid_until }, todayIn()), revokedReason: row.revoked_reason,
  };
}

/** The caller's own certificates, newest first. */
export async function listMyCertificates(db: Queryable, ctx: RequestContext): Promise<TCertificate[]> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.user_id = $1 ORDER BY c.completed_on DESC, c.issued_at DESC`, [actor.userId]);
  return rows.map((row) => present(row, actor.language));
}

/** A certificate its holder, or the coordinator of the organising institution, may read; NOT_FOUND otherwise (no hint). */
async function loadReadable(db: Queryable, ctx: RequestContext, certificateId: string): Promise<CertificateRow> {
  const actor = actorOf(ctx);
  const { rows } = await db.query<CertificateRow>(`${CERTIFICATE_SELECT} WHERE c.id = $1 AND c.operation_id = $2`, [certificateId, actor.operationId]);
  const row = rows[0];
  if (!row || (row.user_id !== actor.userId && !mayManageTraining(actor, row.institution_id))) throw new AppError('NOT_FOUND');
  return row;
}

/** The PDF of a certificate, in the participant's language, with its public verification URL. */
export async function certificatePdf(db: Queryable, ctx: RequestContext, certificateId: string, verifyBaseUrl: string): Promise<{ fileName: string; pdf: Uint8Array }> {
  const row = await loadReadable(db, ctx, certificateId);
  const { rows } = await db.query<{ format: string; online_hours: string; face_to_face_days: string; days: string[]; competencies: string[] }>(
    `SELECT s.format, m.online_hours::text AS online_hours, m.face_to_face_days::text AS face_to_face_days,
            ARRAY(SELECT d.day::text FROM training_session_days d WHERE d.session_id = s.id ORDER BY d.day) AS days,
            ARRAY(SELECT coalesce(k.title ->> $2, k.title ->> 'es-MX') FROM training_module_competencies mc JOIN competencies k ON k.code = mc.competency_code
                   WHERE mc.module_id = m.id ORDER BY k.code) AS competencies
       FROM training_certificates c JOIN training_enrolments e ON e.id = c.enrolment_id JOIN training_sessions s ON s.id = e.session_id
       JOIN training_modules m ON m.id = c.module_id WHERE c.id = $1`, [certificateId, row.language]);
  const extra = rows[0]!;
  const pdf = await renderCertificatePdf({
    language: row.language, fullName: row.full_name, moduleTitle: row.module_title, format: extra.format, sessionCode: row.session_code,
    days: extra.days, onlineHours: Number(extra.online_hours), faceToFaceDays: Number(extra.face_to_face_days), completedOn: row.completed_on,
    validUntil: row.valid_until, competencies: extra.competencies, verificationCode: row.verification_code,
    verificationUrl: `${verifyBaseUrl}/verify/${row.verification_code}`, revoked: row.revoked,
  });
  // The file is named in the certificate's language ("constancia-…", "attestation-…"), like its pages.
  return { fileName: `${translate(row.language, 'trainingRecords.certificateFileName')}-${row.session_code}-${row.verification_code}.pdf`, pdf };
}

/**
 * The public verification (no session): only name, module, completion date, validity and status.
 * A code that is malformed, forged or unknown gets the same NOT_FOUND, so nothing can be enumerated.
 */
export async function verifyCertificate(db: Queryable, typedCode: string, language: Language): Promise<TPublicCertificate> {
  const code = normalizeVerificationCode(typedCode);
  if (!code) throw new AppError('NOT_FOUND');
  const { rows } = await db.query<{ full_name: string; module_title: string; completed_on: string; valid_until: string | null; revoked: boolean }>(
    `SELECT u.full_name, coalesce(m.title ->> $2, m.title ->> 'es-MX') AS module_title, c.completed_on::text AS completed_on,
            c.valid_until::text AS valid_until, c.revoked_at IS NOT NULL AS revoked
       FROM training_certificates c JOIN users u ON u.id = c.user_id JOIN training_modules m ON m.id = c.module_id
      WHERE c.verification_code = $1`, [code, language]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return {
    fullName: row.full_name, moduleTitle: row.module_title, completedOn: row.completed_on, validUntil: row.valid_until,
    status: certificateStatus({ revoked: row.revoked, validUntil: row.valid_until }, todayIn()),
  };
}

/** The coordinator revokes a certificate with a reason; the competencies stay (they follow the records, not the paper). */
export async function revokeCertificate(
  db: Database, ctx: RequestContext, certificateId: string, input: z.infer<typeof ZRevokeCertificateInput>,
): Promise<TCertificate> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const row = await loadReadable(tx, ctx, certificateId);
    if (!mayManageTraining(actor, row.institution_id)) throw new AppError('FORBIDDEN');
    if (row.revoked) throw new AppError('INVALID_STATE', { extra: { reason: 'certificate_revoked' } });
    await tx.query(
      `UPDATE training_certificates SET revoked_at = now(), revoked_by = $2, revoked_reason = $3, revoked_automatically = false WHERE id = $1`,
      [certificateId, actor.userId, input.reason]);
    await recordAudit(tx, ctx, { action: 'training.certificate_revoked', entityType: 'training_certificate', entityId: certificateId,
      details: { reason: input.reason, userId: row.user_id } });
    return present({ ...row, revoked: true, revoked_reason: input.reason });
  });
}
