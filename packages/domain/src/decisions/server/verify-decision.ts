import type { Queryable } from '@refugio/db';
import { AppError } from '../../shared/errors.ts';
import { localDay } from '../../shared/time.ts';
import { normalizeVerificationCode } from '../../training/index.ts';
import type { TPublicDecision } from '../decisions.schemas.ts';

/**
 * The public verification of a signed decision (no session; ADR 030, on ADR 016's pattern): only
 * that it is authentic, the day it was signed, the office and institution that issued it, and
 * whether an appeal has replaced it — no name, no outcome, no reasons. A malformed, forged or
 * unknown code gets the same NOT_FOUND, so nothing can be enumerated.
 */
export async function verifyDecision(db: Queryable, typedCode: string): Promise<TPublicDecision> {
  const code = normalizeVerificationCode(typedCode);
  if (!code) throw new AppError('NOT_FOUND');
  const { rows } = await db.query<{ signed_at: Date; office: string; institution: string; time_zone: string; status: string }>(
    `SELECT d.signed_at, o.name AS office, i.name AS institution, o.time_zone, d.status
       FROM decisions d JOIN offices o ON o.id = d.issued_office_id JOIN institutions i ON i.id = o.institution_id
      WHERE d.verification_code = $1 AND d.signed_at IS NOT NULL AND d.pdf_sha256 IS NOT NULL`, [code]);
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return {
    authentic: true, verificationCode: code, signedOn: localDay(new Date(row.signed_at), row.time_zone), issuingOffice: row.office,
    issuingInstitution: row.institution, superseded: row.status === 'superseded',
  };
}
