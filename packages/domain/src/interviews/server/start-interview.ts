import type { Database, Queryable } from '@refugio/db';
import { performStep } from '../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { loadClaimFor, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import { loadInterviewFor } from '../../shared/policies/interview.policy.ts';
import type { TInterview, TStartInterview } from '../interviews.schemas.ts';
import type { InterviewOpening } from './open-record-effect.ts';
import { readRecord } from './read-record.ts';

export interface StartInterviewOptions {
  claimId: string;
  input: TStartInterview;
}

/** Checks every choice of the caller against the claim, naming each bad field at once. */
async function openingFor(tx: Queryable, claim: ClaimKey, input: TStartInterview): Promise<InterviewOpening> {
  const errors = new FieldErrors();
  const { rows: [person] } = await tx.query<{ name: string; needs_interpreter: boolean; is_child: boolean }>(
    `SELECT concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS name, p.needs_interpreter,
            COALESCE(p.birth_date > local_today($3) - interval '18 years', false) AS is_child
       FROM claim_members m JOIN persons p ON p.id = m.person_id WHERE m.claim_id = $1 AND m.person_id = $2`, [claim.id, input.personId, claim.time_zone]);
  if (!person) errors.add('personId', 'validation.unknown_reference');
  const { rows: [template] } = await tx.query<{ audience: string }>(
    `SELECT audience FROM interview_templates WHERE id = $1 AND institution_id = $2 AND status = 'published'`, [input.templateId, claim.institution_id]);
  if (!template) errors.add('templateId', 'interviews.validation.templateNotPublished');
  if (input.interpreterId && input.interpreterName) errors.add('interpreterName', 'validation.not_applicable');
  if (input.appointmentId) {
    const appointment = await tx.query(
      `SELECT 1 FROM interview_appointments WHERE id = $1 AND claim_id = $2 AND status IN ('scheduled', 'held')`, [input.appointmentId, claim.id]);
    if (appointment.rowCount === 0) errors.add('appointmentId', 'validation.unknown_reference');
  }
  let interpreter: InterviewOpening['interpreter'] = null;
  if (input.interpreterId) {
    const { rows: [row] } = await tx.query<{ id: string; full_name: string; user_id: string | null }>(
      'SELECT id, full_name, user_id FROM interpreters WHERE id = $1 AND institution_id = $2 AND active', [input.interpreterId, claim.institution_id]);
    if (!row) errors.add('interpreterId', 'validation.unknown_reference');
    else interpreter = { id: row.id, fullName: row.full_name, userId: row.user_id };
  }
  errors.throwIfAny();
  if (input.interpreterName) interpreter = { id: null, fullName: input.interpreterName, userId: null };
  return {
    personId: input.personId, personName: person!.name, templateId: input.templateId, appointmentId: input.appointmentId, interpreter,
    language: input.language, person: { needsInterpreter: person!.needs_interpreter, isChild: person!.is_child }, templateAudience: template!.audience,
  };
}

/**
 * Starts a personal interview: the claim's `start_interview` step (ADR 019) — permission on the
 * claim, its status (an interview is scheduled), then every safeguard registered on the step,
 * which refuses once naming each unmet one — and, in the same transaction, the record opened on
 * the chosen questionnaire version. One open interview per person at a time: a second start (a
 * retry without its Idempotency-Key) answers 409 `interview_open` naming the first.
 */
export async function startInterview(db: Database, ctx: RequestContext, { claimId, input }: StartInterviewOptions): Promise<TInterview> {
  const actor = actorOf(ctx);
  const interviewId = await db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, claimId, 'update', true);
    const opening = await openingFor(tx, claim, input);
    const { rows: [open] } = await tx.query<{ id: string }>(
      `SELECT id FROM interviews WHERE claim_id = $1 AND person_id = $2 AND status <> 'signed'`, [claimId, input.personId]);
    if (open) throw new AppError('INVALID_STATE', { extra: { reason: 'interview_open', interviewId: open.id } });
    const run = await performStep(tx, ctx, claimId, 'start_interview', { facts: { interview: opening } },
      { current: (q) => loadClaimFor(q, actor, claimId, 'read') });
    return String(run.findings.get('interview_record_opened')?.interviewId);
  });
  return readRecord(db, actor, await loadInterviewFor(db, actor, interviewId, 'read'));
}
