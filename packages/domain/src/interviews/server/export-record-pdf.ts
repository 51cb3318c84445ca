import type { Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import type { SignatureRole } from '../interviews.rules.ts';
import { renderRecordPdf } from './interview-pdf.ts';
import { readRecord } from './read-record.ts';

/**
 * The record (acta) as PDF for a reader of its claim, under the field policy (a sensitive answer
 * the reader may not see is printed as reserved). Every export is audited.
 */
export async function exportRecordPdf(db: Queryable, ctx: RequestContext, id: string): Promise<{ fileName: string; pdf: Uint8Array }> {
  const actor = actorOf(ctx);
  const key = await loadInterviewFor(db, actor, id, 'read');
  const record = await readRecord(db, actor, key);
  const { rows } = await db.query<{ role: SignatureRole; image: Uint8Array }>(
    `SELECT role, image FROM interview_signatures WHERE interview_id = $1 AND image IS NOT NULL`, [id]);
  const pdf = await renderRecordPdf({ record, timeZone: key.time_zone, images: Object.fromEntries(rows.map((r) => [r.role, r.image])) });
  await recordAudit(db, ctx, { action: 'interview.record_exported', entityType: 'interview', entityId: id, officeId: key.office_id,
    details: { claimId: key.claim_id, status: record.status, recordSha256: record.recordSha256 } });
  return { fileName: `acta-entrevista-${record.claimNumber.replaceAll('/', '-')}.pdf`, pdf };
}
