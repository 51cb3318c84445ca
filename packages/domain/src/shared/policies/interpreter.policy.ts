/**
 * Who may read or change the interpreter roster (ADR 024, ADR 027), in one place.
 * - read: `read:interpreter:office`, interpreters working for one of the reader's offices;
 * - manage: `manage:interpreter:office`, the same reach, and every office given to an
 *   interpreter must be one of the manager's (a supervisor runs the roster of their own office);
 * - an interpreter's own row: the account linked to it (`read:interview:own`), for their bookings.
 */
import type { Actor } from '../context.ts';
import { AppError, FieldErrors } from '../errors.ts';

/** SQL condition on interpreters `i`: interpreters working for one of the reader's offices (params appended). */
export function interpreterScopeCondition(actor: Actor, params: unknown[], alias = 'i'): string {
  if (!actor.permissions.has('read:interpreter:office')) return 'false';
  params.push(actor.officeIds);
  return `${alias}.office_ids && $${params.length}::uuid[]`;
}

/** Whether the interpreter works for one of the actor's offices. */
export function mayReadInterpreter(actor: Actor, interpreter: { office_ids: readonly string[] }): boolean {
  return actor.permissions.has('read:interpreter:office') && interpreter.office_ids.some((o) => actor.officeIds.includes(o));
}

/**
 * A manager changes an interpreter of one of their offices, and gives them only offices they
 * manage: FORBIDDEN without the permission, NOT_FOUND for another office's interpreter, a field
 * error on each office that is not theirs.
 */
export function requireInterpreterManagement(actor: Actor, current: { office_ids: readonly string[] } | null, officeIds: readonly string[]): void {
  if (!actor.permissions.has('manage:interpreter:office')) throw new AppError('FORBIDDEN');
  if (current && !current.office_ids.some((o) => actor.officeIds.includes(o))) throw new AppError('NOT_FOUND');
  const errors = new FieldErrors();
  officeIds.forEach((id, i) => {
    if (!actor.officeIds.includes(id)) errors.add(`officeIds.${i}`, 'validation.office_not_managed');
  });
  errors.throwIfAny();
}
