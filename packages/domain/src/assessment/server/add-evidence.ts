import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { FieldErrors, fieldError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/time.ts';
import type { TEvidence, TEvidenceInput } from '../assessment.schemas.ts';
import { EVIDENCE_SELECT, presentEvidence, type EvidenceRow } from './assessment-view.ts';
import { coiMaxAgeYears } from './coi-settings.ts';
import { requireSignedInterview } from './editable-assessment.ts';
import { loadEvidenceTarget } from './evidence-target.ts';

export interface AddEvidenceOptions {
  claimId: string;
  factId: string;
  input: TEvidenceInput;
}

type Member = 'interviewId' | 'questionCode' | 'quote' | 'coiSourceId' | 'coiPassage';

/** What each kind of evidence is made of; the other members do not apply to it. */
const MEMBERS: Record<TEvidenceInput['kind'], { required: Member[]; optional: Member[] }> = {
  statement: { required: ['interviewId', 'quote'], optional: ['questionCode'] },
  document: { required: ['quote'], optional: [] },
  witness: { required: ['quote'], optional: [] },
  coi: { required: ['coiSourceId', 'coiPassage'], optional: [] },
};

function checkMembers(input: TEvidenceInput): void {
  const errors = new FieldErrors();
  const { required, optional } = MEMBERS[input.kind];
  for (const member of ['interviewId', 'questionCode', 'quote', 'coiSourceId', 'coiPassage'] as const) {
    if (required.includes(member) && input[member] === null) errors.add(member, 'validation.required');
    if (!required.includes(member) && !optional.includes(member) && input[member] !== null) errors.add(member, 'validation.not_applicable');
  }
  errors.throwIfAny();
}

/** A cited source is one of the library's, still in it. */
async function requireActiveSource(tx: Queryable, operationId: number, sourceId: string): Promise<void> {
  const { rows } = await tx.query<{ status: string }>('SELECT status FROM coi_sources WHERE id = $1 AND operation_id = $2', [sourceId, operationId]);
  if (!rows[0]) throw fieldError('coiSourceId', 'validation.unknown_reference');
  if (rows[0].status !== 'active') throw fieldError('coiSourceId', 'validation.coi_source_retired');
}

/**
 * Adds typed evidence to a material fact (EUAA guide on evidence assessment, step 2): the
 * applicant's statement quoted from a signed interview record of this claim (the question it
 * answers and its words), a document transcribed (its text hashed, so the decision can show what
 * was relied on), a witness's or relative's statement, or a passage of a library source.
 */
export async function addEvidence(db: Database, ctx: RequestContext, options: AddEvidenceOptions): Promise<TEvidence> {
  const actor = actorOf(ctx);
  const { input } = options;
  checkMembers(input);
  return db.transaction(async (tx) => {
    const { claim } = await loadEvidenceTarget(tx, actor, options.claimId, options.factId);
    if (input.kind === 'statement') await requireSignedInterview(tx, claim.id, input.interviewId!);
    if (input.kind === 'coi') await requireActiveSource(tx, actor.operationId, input.coiSourceId!);
    const sha256 = input.kind === 'document' ? createHash('sha256').update(input.quote!, 'utf8').digest('hex') : null;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO fact_evidence (operation_id, fact_id, kind, description, interview_id, question_code, quote, sha256, coi_source_id,
         coi_passage, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [actor.operationId, options.factId, input.kind, input.description, input.interviewId, input.questionCode, input.quote, sha256,
        input.coiSourceId, input.coiPassage, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'claim.evidence_added', entityType: 'claim', entityId: claim.id, officeId: claim.office_id,
      details: { factId: options.factId, evidenceId: id, kind: input.kind, interviewId: input.interviewId, coiSourceId: input.coiSourceId, sha256 },
    });
    const row = (await tx.query<EvidenceRow>(`${EVIDENCE_SELECT} WHERE e.id = $1`, [id])).rows[0]!;
    return presentEvidence(row, { language: actor.language, today: todayIn(claim.time_zone), maxAgeYears: await coiMaxAgeYears(tx, claim.institution_id) });
  });
}
