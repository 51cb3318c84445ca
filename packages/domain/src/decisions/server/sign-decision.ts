import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayReadDecisionText, maySignDecision } from '../../shared/policies/decision.policy.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { localDay } from '../../shared/time.ts';
import { CODE_LENGTH, verificationCode } from '../../training/index.ts';
import type { TDecision, TDecisionVersionInput } from '../decisions.schemas.ts';
import { decisionDocument } from './decision-document.ts';
import { renderDecisionPdf } from './decision-pdf.ts';
import { presentDecision, requireDecision, requireStatus } from './decision-view.ts';

export interface SignDecisionOptions {
  claimId: string;
  input: TDecisionVersionInput;
  /** Where the public verification page is served (the request's origin). */
  verifyBaseUrl: string;
}

/**
 * The authority's signatory signs the approved decision (ADR 030): the PDF is rendered once with
 * the signature and a verification code (60 random bits in Crockford base32, as certificates'
 * codes, ADR 016), stored with its SHA-256, and the claim takes `decide` in the same transaction —
 * whose safeguards (four eyes, no rejection without a signed interview record, no pending
 * guarantee, current COI for a negative decision…) may still refuse it, leaving nothing signed.
 * From then on the decision never changes.
 */
export async function signDecision(db: Database, ctx: RequestContext, options: SignDecisionOptions): Promise<TDecision> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'update', true);
    const row = await requireDecision(tx, claim.id);
    requireStatus(row, ['approved']);
    if (!maySignDecision(actor, claim) || !mayReadDecisionText(actor, claim, row)) throw new AppError('FORBIDDEN');
    if (row.version !== options.input.version) throw versionConflict(await presentDecision(tx, actor, claim, row.id));
    const signedAt = new Date();
    const code = verificationCode(randomBytes(CODE_LENGTH));
    const document = await decisionDocument(tx, row.id);
    const { rows } = await tx.query<{ full_name: string }>('SELECT full_name FROM users WHERE id = $1', [actor.userId]);
    const pdf = await renderDecisionPdf({
      ...document,
      signature: {
        signer: rows[0]!.full_name, signedOn: localDay(signedAt, claim.time_zone), verificationCode: code,
        verificationUrl: `${options.verifyBaseUrl}/verify-decision/${code}`,
      },
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await tx.query(
      `UPDATE decisions SET status = 'signed', signed_by = $2, signed_at = $3, verification_code = $4, pdf = $5, pdf_sha256 = $6,
              issued_office_id = $7, version = version + 1, updated_at = now() WHERE id = $1`,
      [row.id, actor.userId, signedAt, code, pdf, sha256, claim.office_id]);
    await performStep(tx, ctx, claim.id, 'decide', { version: claim.version }, { current: (q) => presentDecision(q, actor, claim, row.id) });
    return presentDecision(tx, actor, claim, row.id);
  });
}
