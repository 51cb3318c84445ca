import type { Queryable } from '@refugio/db';
import { FieldErrors } from '../../shared/errors.ts';
import type { SubstantiveOutcome } from '../decisions.rules.ts';
import type { TGenerateDecisionInput } from '../decisions.schemas.ts';
import { claimPersons, type ClaimPerson } from './claim-facts.ts';

export interface ResolvedPersonOutcome extends ClaimPerson {
  outcome: SubstantiveOutcome;
  derivative: boolean;
}

/**
 * Each person's outcome (family unity, UNHCR Handbook paras. 181–188): the principal takes the
 * decision's outcome; a member the officer does not list takes it too, as a dependant whose status
 * derives from the principal's; a member listed has their own outcome, derived only when it is the
 * principal's. Every bad entry is named by its position.
 */
export async function resolvePersonOutcomes(
  db: Queryable, claimId: string, outcome: SubstantiveOutcome, listed: TGenerateDecisionInput['personOutcomes'],
): Promise<ResolvedPersonOutcome[]> {
  const persons = await claimPersons(db, claimId);
  const errors = new FieldErrors();
  const seen = new Set<string>();
  listed.forEach((entry, i) => {
    const person = persons.find((p) => p.personId === entry.personId);
    if (!person || seen.has(entry.personId)) errors.add(`personOutcomes.${i}.personId`, 'validation.invalid_option');
    else if (person.relation === 'principal' && (entry.outcome !== outcome || entry.derivative)) errors.add(`personOutcomes.${i}.outcome`, 'validation.invalid_value');
    else if (entry.derivative && entry.outcome !== outcome) errors.add(`personOutcomes.${i}.derivative`, 'validation.invalid_value');
    seen.add(entry.personId);
  });
  errors.throwIfAny();
  return persons.map((p) => {
    const entry = listed.find((e) => e.personId === p.personId);
    if (p.relation === 'principal') return { ...p, outcome, derivative: false };
    return entry ? { ...p, outcome: entry.outcome, derivative: entry.derivative } : { ...p, outcome, derivative: true };
  });
}

export async function writePersonOutcomes(db: Queryable, decisionId: string, persons: ResolvedPersonOutcome[]): Promise<void> {
  await db.query('DELETE FROM decision_person_outcomes WHERE decision_id = $1', [decisionId]);
  await db.query(
    `INSERT INTO decision_person_outcomes (decision_id, person_id, outcome, derivative)
     SELECT $1, unnest($2::uuid[]), unnest($3::text[]), unnest($4::boolean[])`,
    [decisionId, persons.map((p) => p.personId), persons.map((p) => p.outcome), persons.map((p) => p.derivative)]);
}
