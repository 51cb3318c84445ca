/**
 * Who may read or change an authority's interview questionnaires (ADRs 024, 025): holders of
 * `manage:template:institution`, for their own institution only; another institution's
 * questionnaires answer 404. Officers starting an interview read the published versions of their
 * claim's institution through the interview's own use cases, not these.
 */
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

export function mayManageTemplates(actor: Actor, institutionId: string): boolean {
  return actor.permissions.has('manage:template:institution') && actor.institutionId === institutionId;
}

/** The institution whose questionnaires the actor manages; FORBIDDEN without the permission. */
export function requireTemplateInstitution(actor: Actor): string {
  if (!actor.permissions.has('manage:template:institution')) throw new AppError('FORBIDDEN');
  return actor.institutionId;
}
