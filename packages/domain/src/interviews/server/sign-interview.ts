import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { performStep, type StepClaim } from '../../procedure/server/index.ts';
import { stepAllowedFrom, type ClaimStatus } from '../../procedure/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { loadInterviewFor, maySignAsOfficer, type InterviewKey } from '../../shared/policies/interview.policy.ts';
import { INTERVIEW_LIMITS, methodAllowed, requiredSignatures } from '../interviews.rules.ts';
import type { TInterview, TSignatureInput } from '../interviews.schemas.ts';
import { openForWriting } from './open-for-writing.ts';
import { readRecord } from './read-record.ts';
import { recordDigest } from './record-digest.ts';
import { addTimelineEntry } from './timeline.ts';

export interface SignInterviewOptions {
  id: string;
  input: TSignatureInput;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG bytes of a drawn signature sent as a data URL; null when it is not one. */
export function signaturePng(dataUrl: string | null): Buffer | null {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl ?? '');
  if (!match) return null;
  const bytes = Buffer.from(match[1]!, 'base64');
  if (bytes.length === 0 || bytes.length > INTERVIEW_LIMITS.signatureMaxBytes || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return null;
  return bytes;
}

function checkSignature(officerSelf: boolean, input: TSignatureInput, hasInterpreter: boolean): Buffer | null {
  const errors = new FieldErrors();
  if (!methodAllowed(input.role, input.method)) errors.add('method', 'validation.invalid_option');
  if (input.role === 'interpreter' && !hasInterpreter) errors.add('role', 'interviews.validation.noInterpreter');
  const image = input.method === 'drawn' ? signaturePng(input.image) : null;
  if (input.method === 'drawn' && !image) errors.add('image', input.image ? 'interviews.validation.signatureImage' : 'validation.required');
  if (input.method !== 'drawn' && input.image) errors.add('image', 'validation.not_applicable');
  if (input.method === 'declined' && !input.declinedReason) errors.add('declinedReason', 'validation.required');
  if (input.method !== 'declined' && input.declinedReason) errors.add('declinedReason', 'validation.not_applicable');
  errors.throwIfAny();
  // The officer's signature is the conducting officer's own, from their session (ADR 025).
  if (input.role === 'officer' && !officerSelf) throw new AppError('FORBIDDEN');
  return image;
}

/**
 * Locks the record once every required signature is given: it can no longer change (later
 * additions are annexes), its digest is stored, and the claim takes the `record_interview` step
 * (status interviewed) when its status allows — inside a savepoint, so a refusal by another
 * safeguard keeps the signed record and is reported on the claim's checklist instead.
 */
async function lockRecord(tx: Queryable, ctx: RequestContext, key: InterviewKey): Promise<void> {
  const actor = actorOf(ctx);
  const digest = await recordDigest(tx, key.id);
  await tx.query(
    `UPDATE interviews SET status = 'signed', signed_at = now(), ended_at = COALESCE(ended_at, now()), record_sha256 = $2,
            version = version + 1, updated_at = now() WHERE id = $1`, [key.id, digest]);
  await addTimelineEntry(tx, key.claim_id, 'interview_signed', { interviewId: key.id }, actor.userId);
  await recordAudit(tx, ctx, { action: 'interview.locked', entityType: 'interview', entityId: key.id, officeId: key.office_id,
    details: { claimId: key.claim_id, recordSha256: digest } });
  const claim = await loadClaimFor(tx, actor, key.claim_id, 'update', true) as StepClaim;
  if (!stepAllowedFrom('record_interview', claim.status as ClaimStatus)) return;
  await tx.query('SAVEPOINT record_interview_step');
  try {
    await performStep(tx, ctx, key.claim_id, 'record_interview', {}, { current: (q) => loadClaimFor(q, actor, key.claim_id, 'read') });
    await tx.query('RELEASE SAVEPOINT record_interview_step');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT record_interview_step');
  }
}

/**
 * Records one signature while the record is read back (EUAA guide, "closing": signatures after
 * the read-back and its corrections): the applicant's drawn on screen or declined with the
 * reason, the interpreter's drawn, the officer's drawn or attested by their session. Once per
 * role (409 `already_signed`). The last one required locks the record.
 */
export async function signInterview(db: Database, ctx: RequestContext, { id, input }: SignInterviewOptions): Promise<TInterview> {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const key = await openForWriting(tx, actor, id, ['read_back'], 'update');
    const { rows: roles } = await tx.query<{ role: string }>('SELECT DISTINCT role FROM interview_participants WHERE interview_id = $1', [id]);
    const hasInterpreter = roles.some((r) => r.role === 'interpreter');
    const image = checkSignature(maySignAsOfficer(actor, key), input, hasInterpreter);
    const inserted = await tx.query(
      `INSERT INTO interview_signatures (interview_id, role, method, signer_name, image, image_sha256, declined_reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (interview_id, role) DO NOTHING`,
      [id, input.role, input.method, input.signerName, image, image ? createHash('sha256').update(image).digest('hex') : null,
        input.declinedReason, actor.userId]);
    if (inserted.rowCount === 0) throw new AppError('INVALID_STATE', { extra: { reason: 'already_signed', role: input.role } });
    await recordAudit(tx, ctx, { action: 'interview.signed', entityType: 'interview', entityId: id, officeId: key.office_id,
      details: { role: input.role, method: input.method } });
    const { rows: signed } = await tx.query<{ role: string }>('SELECT role FROM interview_signatures WHERE interview_id = $1', [id]);
    if (requiredSignatures(hasInterpreter).every((role) => signed.some((s) => s.role === role))) await lockRecord(tx, ctx, key);
  });
  return readRecord(db, actor, await loadInterviewFor(db, actor, id, 'read'));
}
