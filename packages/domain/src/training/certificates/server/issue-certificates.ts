/**
 * "Issue all certificates" of a session, one batch per call (ADR 016): the client calls until
 * nothing remains and shows the progress. Each call issues only for completed enrolments without
 * a certificate in force, so re-running (or two tabs at once, serialised by the session lock)
 * never duplicates. A certificate revoked by a manual decision stays revoked; one revoked because
 * a corrected record made the enrolment incomplete is issued again, with a new code.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '@refugio/db';
import type { z } from 'zod';
import { recordAudit } from '../../../audit/server/index.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';
import { grantExpiry } from '../../records/records.rules.ts';
import { completionStatuses } from '../../records/server/completion.ts';
import { loadRecordsSession } from '../../records/server/session-access.ts';
import { CODE_LENGTH, verificationCode } from '../certificates.rules.ts';
import type { TIssueCertificatesProgress, ZIssueCertificatesInput } from '../certificates.schemas.ts';

export async function issueCertificates(
  db: Database, ctx: RequestContext, sessionId: string, input: z.infer<typeof ZIssueCertificatesInput>,
): Promise<TIssueCertificatesProgress> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const session = await loadRecordsSession(tx, actor, sessionId, 'manage', true);
    const completed = [...(await completionStatuses(tx, session))].filter(([, s]) => s.complete);
    const { rows: existing } = await tx.query<{ enrolment_id: string; revoked: boolean; automatic: boolean }>(
      `SELECT c.enrolment_id, c.revoked_at IS NOT NULL AS revoked, c.revoked_automatically AS automatic
         FROM training_certificates c JOIN training_enrolments e ON e.id = c.enrolment_id WHERE e.session_id = $1`, [session.id]);
    const byEnrolment = new Map(existing.map((c) => [c.enrolment_id, c]));
    const eligible = completed.filter(([id]) => {
      const cert = byEnrolment.get(id);
      return !cert || (cert.revoked && cert.automatic);
    });
    const total = completed.filter(([id]) => !byEnrolment.get(id)?.revoked || byEnrolment.get(id)?.automatic).length;
    const batch = eligible.slice(0, input.batchSize);
    if (batch.length > 0) {
      const codes = batch.map(() => verificationCode(randomBytes(CODE_LENGTH)));
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO training_certificates (enrolment_id, user_id, module_id, verification_code, language, completed_on, valid_until, issued_by)
         SELECT b.enrolment_id, e.user_id, $5, b.code, u.language, b.completed_on, b.valid_until, $6
           FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[]) AS b(enrolment_id, code, completed_on, valid_until)
           JOIN training_enrolments e ON e.id = b.enrolment_id JOIN users u ON u.id = e.user_id
         ON CONFLICT (enrolment_id) DO UPDATE SET verification_code = EXCLUDED.verification_code, language = EXCLUDED.language,
           completed_on = EXCLUDED.completed_on, valid_until = EXCLUDED.valid_until, issued_by = EXCLUDED.issued_by, issued_at = now(),
           revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL, revoked_automatically = false
         RETURNING id`,
        [batch.map(([id]) => id), codes, batch.map(([, s]) => s.completedOn), batch.map(([, s]) => grantExpiry(s.completedOn!, session.validity_months)),
          session.module_id, actor.userId]);
      await recordAudit(tx, ctx, { action: 'training.certificates_issued', entityType: 'training_session', entityId: session.id,
        details: { certificateIds: rows.map((r) => r.id) } });
    }
    const remaining = eligible.length - batch.length;
    return { issuedNow: batch.length, issued: total - remaining, total, remaining };
  });
}
