/**
 * Who may read or change a personal interview's appointments (ADR 024, ADR 027), in one place.
 * An appointment belongs to its claim's office: another office's appointments are invisible.
 *
 * - read: whoever may read the claim (claim policy: office, institution or all scope, or the
 *   assigned officer), the officer booked to interview, and the interpreter booked
 *   (`read:interview:own` through the account linked to the roster), who sees the booking and
 *   nothing else of the claim;
 * - book, reschedule, record a no-show or a postponement: the claim's `update` (the assigned
 *   officer, or the office's supervisor and clerks), checked by the procedure's claim policy;
 * - an agenda: one's own, or an officer of one of the reader's offices for a reader of the
 *   office's claims (a supervisor planning the week).
 */
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { widestScope } from '../permissions.ts';
import { claimScopeCondition } from './claim.policy.ts';

/**
 * SQL condition on appointments `a` joined to claims `c` and interpreters `i` (LEFT JOIN): the
 * claims the reader can read, their own interviews as officer, their own bookings as interpreter.
 */
export function appointmentScopeCondition(actor: Actor, params: unknown[]): string {
  const parts: string[] = [];
  const scope = widestScope(actor.permissions, 'read', 'claim');
  if (scope) parts.push(claimScopeCondition(scope, actor, params));
  params.push(actor.userId);
  parts.push(`a.officer_id = $${params.length}`);
  if (actor.permissions.has('read:interview:own')) parts.push(`i.user_id = $${params.length}`);
  return `(${parts.join(' OR ')})`;
}

/** Whether the actor reaches an officer's agenda: their own, or an officer of their offices when they read the office's claims. */
export async function requireAgendaReach(
  actor: Actor, officerId: string, officerOffices: (id: string) => Promise<readonly string[]>,
): Promise<void> {
  if (officerId === actor.userId) return;
  const scope = widestScope(actor.permissions, 'read', 'claim');
  if (scope === 'all') return;
  if (scope === 'office' || scope === 'institution') {
    const offices = await officerOffices(officerId);
    if (offices.some((o) => actor.officeIds.includes(o))) return;
  }
  throw new AppError('NOT_FOUND');
}

/** An interpreter's own bookings: the `read:interview:own` permission. */
export function requireOwnBookings(actor: Actor): void {
  if (!actor.permissions.has('read:interview:own')) throw new AppError('FORBIDDEN');
}
