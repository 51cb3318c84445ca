import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { mayReadDecisionText } from '../../shared/policies/decision.policy.ts';
import { decisionDocument } from './decision-document.ts';
import { renderDecisionPdf } from './decision-pdf.ts';
import { requireDecision } from './decision-view.ts';

export interface DecisionPdfFileOptions {
  claimId: string;
}

/**
 * The decision's PDF: the signed document as stored (its bytes match the SHA-256 kept at
 * signature), or the draft rendered now and marked BORRADOR. Read under the field policy; audited.
 */
export async function decisionPdfFile(db: Database, ctx: RequestContext, options: DecisionPdfFileOptions)
  : Promise<{ fileName: string; pdf: Uint8Array; sha256: string | null }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const row = await requireDecision(tx, claim.id, false);
    if (!mayReadDecisionText(actor, claim, row)) throw new AppError('FORBIDDEN');
    let pdf: Uint8Array;
    if (row.pdf_sha256) {
      const { rows } = await tx.query<{ pdf: Uint8Array }>('SELECT pdf FROM decisions WHERE id = $1', [row.id]);
      pdf = rows[0]!.pdf;
    } else {
      pdf = await renderDecisionPdf({ ...(await decisionDocument(tx, row.id)), signature: null });
    }
    const { rows } = await tx.query<{ claim_number: string }>('SELECT claim_number FROM claims WHERE id = $1', [claim.id]);
    await recordAudit(tx, ctx, {
      action: 'decision.pdf_downloaded', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { decisionId: row.id, signed: row.pdf_sha256 !== null, sha256: row.pdf_sha256 },
    });
    return { fileName: `resolucion-${rows[0]!.claim_number}${row.pdf_sha256 ? '' : '-borrador'}.pdf`, pdf, sha256: row.pdf_sha256 };
  });
}
