import type { Queryable } from '@refugio/db';
import { registerEffect } from '../../procedure/server/index.ts';

/** What the `start_interview` step carries to its effect: the record to open. */
export interface InterviewOpening {
  personId: string;
  personName: string;
  templateId: string;
  appointmentId: string | null;
  /** From the roster (with its id), or contracted for the day (by name only). */
  interpreter: { id: string | null; fullName: string; userId: string | null } | null;
  /** The interviewee's facts the step's safeguards weigh. */
  person: { needsInterpreter: boolean; isChild: boolean };
  templateAudience: string;
  language: string;
}

async function openRecord(tx: Queryable, claimId: string, officer: { id: string }, opening: InterviewOpening): Promise<string> {
  const { rows: [interview] } = await tx.query<{ id: string }>(
    `INSERT INTO interviews (claim_id, person_id, appointment_id, template_id, officer_id, interpreter_id, language)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [claimId, opening.personId, opening.appointmentId, opening.templateId, officer.id, opening.interpreter?.id ?? null, opening.language]);
  const id = interview!.id;
  // Those present from the start (EUAA guide, "opening": introductions and roles).
  await tx.query(
    `INSERT INTO interview_participants (interview_id, role, full_name, person_id) VALUES ($1, 'applicant', $2, $3)`,
    [id, opening.personName, opening.personId]);
  await tx.query(
    `INSERT INTO interview_participants (interview_id, role, full_name, user_id) SELECT $1, 'officer', full_name, id FROM users WHERE id = $2`,
    [id, officer.id]);
  if (opening.interpreter) {
    await tx.query(
      `INSERT INTO interview_participants (interview_id, role, full_name, interpreter_id, user_id) VALUES ($1, 'interpreter', $2, $3, $4)`,
      [id, opening.interpreter.fullName, opening.interpreter.id, opening.interpreter.userId]);
  }
  return id;
}

/**
 * The `start_interview` step opens the interview record in its own transaction (ADR 025), so a
 * refusal by any safeguard of the step (a pending guarantee, ADR 024) leaves no record behind.
 * Its id goes into the step's timeline entry and audit event. Called once from the domain's
 * composition root.
 */
export function registerInterviewRecordOpening(): void {
  registerEffect({
    code: 'interview_record_opened', feature: 'interviews', steps: ['start_interview'], order: 10,
    source: { kind: 'euaa_guide', citationKey: 'interviews.sources.euaaPersonalInterview' },
    async apply(run) {
      const opening = run.input.facts?.interview as InterviewOpening | undefined;
      if (!opening) throw new Error('start_interview needs the record to open (facts.interview)');
      const interviewId = await openRecord(run.tx, run.claim.id, { id: run.actor.userId }, opening);
      Object.assign(run.eventDetails, { interviewId, templateId: opening.templateId, language: opening.language });
      Object.assign(run.auditDetails, { interviewId, templateId: opening.templateId, appointmentId: opening.appointmentId });
      run.findings.set('interview_record_opened', { interviewId });
    },
  });
}
