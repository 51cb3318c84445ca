import { registerSafeguard, type StepRun } from '../../procedure/server/index.ts';
import type { InterviewOpening } from './open-record-effect.ts';

const openingOf = (run: StepRun) => run.input.facts?.interview as InterviewOpening | undefined;

/**
 * Safeguards of `start_interview` that rest on the interview's own facts (ADR 025); the
 * screening feature adds the guarantees that govern the interview (ADR 024). Both depend on the
 * choices made when starting, so the claim's checklist shows them as "checked when you choose".
 * - An applicant who needs an interpreter is not interviewed without one (LRPCPAP art. 23: an
 *   interpreter is provided; EUAA guide: check the applicant and the interpreter understand each
 *   other). The law's: it cannot be switched off.
 * - A child is interviewed on a questionnaire adapted to children (EUAA practical guide on
 *   interviewing children). An authority policy on which form to use: it may be switched off.
 */
export function registerInterviewStartSafeguards(): void {
  registerSafeguard({
    code: 'interpreter_for_interview', feature: 'interviews', steps: ['start_interview'], switchable: false,
    source: { kind: 'law', citationKey: 'interviews.sources.interpreter' },
    async check(run) {
      const opening = openingOf(run);
      if (!opening) return { met: 'on_input' };
      if (!opening.person.needsInterpreter || opening.interpreter) return { met: true };
      return { met: false, field: { name: 'interpreterId', code: 'interviews.validation.interpreterNeeded' } };
    },
  });
  registerSafeguard({
    code: 'child_adapted_questionnaire', feature: 'interviews', steps: ['start_interview'], switchable: true,
    source: { kind: 'euaa_guide', citationKey: 'interviews.sources.euaaChildren' },
    async check(run) {
      const opening = openingOf(run);
      if (!opening) return { met: 'on_input' };
      if (!opening.person.isChild || opening.templateAudience === 'child') return { met: true };
      return { met: false, field: { name: 'templateId', code: 'interviews.validation.childQuestionnaire' } };
    },
  });
}
