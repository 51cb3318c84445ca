/**
 * Who may read or change a personal interview's record (ADRs 012, 024, 025), in one place.
 * - the record: readers of its claim (the claim's read scope) read it; whoever may update the
 *   claim changes it. An interview of a claim out of the reader's scope answers 404 (another
 *   office's interviews do not exist for them), a readable one that they may not change 403.
 * - an interpreter (`read:interview:own`) who took part — the interview's interpreter from the
 *   roster, or a participant linked to their roster row — reads their participation (when, where,
 *   who, breaks, their signature), never the record's content nor the rest of the claim.
 * - answers to questions marked sensitive: the claim's field policy (`mayReadSensitive`).
 * - the officer's signature: the interview's own officer, from their own session.
 */
import type { Queryable } from '@refugio/db';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { mayActOnClaim, mayReadSensitive } from './claim.policy.ts';

export interface InterviewKey {
  id: string;
  claim_id: string;
  person_id: string;
  template_id: string;
  officer_id: string;
  interpreter_id: string | null;
  status: 'in_progress' | 'read_back' | 'signed';
  version: number;
  office_id: string;
  institution_id: string;
  assigned_officer_id: string | null;
  claim_status: string;
  time_zone: string;
}

export type InterviewAction = 'read' | 'write';

const KEY_SELECT = `SELECT i.id, i.claim_id, i.person_id, i.template_id, i.officer_id, i.interpreter_id, i.status, i.version,
       c.office_id, c.assigned_officer_id, c.status AS claim_status, o.institution_id, o.time_zone
  FROM interviews i JOIN claims c ON c.id = i.claim_id JOIN offices o ON o.id = c.office_id`;

/**
 * Row lock on the interview: `update` for a change of its status, `share` for a write of one of
 * its pieces (answers, checklist), so a read-back that starts meanwhile waits for it or is seen.
 */
export type InterviewLock = 'none' | 'share' | 'update';

/**
 * Loads an interview the actor may read or change through its claim. Out of the claim's read
 * scope: NOT_FOUND; readable, not writable: FORBIDDEN.
 */
export async function loadInterviewFor(
  tx: Queryable, actor: Actor, id: string, action: InterviewAction, lock: InterviewLock = 'none',
): Promise<InterviewKey> {
  const clause = lock === 'update' ? 'FOR UPDATE OF i' : lock === 'share' ? 'FOR SHARE OF i' : '';
  const { rows } = await tx.query<InterviewKey>(`${KEY_SELECT} WHERE i.id = $1 AND i.operation_id = $2 ${clause}`, [id, actor.operationId]);
  const interview = rows[0];
  if (!interview) throw new AppError('NOT_FOUND');
  const readable = mayActOnClaim(actor, 'read', interview);
  if (action === 'read') {
    if (!readable) throw new AppError('NOT_FOUND');
    return interview;
  }
  if (!mayActOnClaim(actor, 'update', interview)) throw new AppError(readable ? 'FORBIDDEN' : 'NOT_FOUND');
  return interview;
}

/** Whether the actor may change interviews of this claim (shown as `canWrite`). */
export function mayWriteInterview(actor: Actor, interview: Pick<InterviewKey, 'office_id' | 'institution_id' | 'assigned_officer_id'>): boolean {
  return mayActOnClaim(actor, 'update', interview);
}

/** The field policy on answers to sensitive questions: the claim's. */
export function mayReadSensitiveAnswers(actor: Actor, interview: Pick<InterviewKey, 'office_id' | 'assigned_officer_id'>): boolean {
  return mayReadSensitive(actor, interview);
}

/** Only the officer who conducts the interview signs as its officer. */
export function maySignAsOfficer(actor: Actor, interview: Pick<InterviewKey, 'officer_id'>): boolean {
  return actor.userId === interview.officer_id;
}

/**
 * SQL condition (on interviews alias `i`) for the interviews an interpreter took part in (params
 * appended); `false` without `read:interview:own`.
 */
export function participationCondition(actor: Actor, params: unknown[], alias = 'i'): string {
  if (!actor.permissions.has('read:interview:own')) return 'false';
  params.push(actor.userId);
  const me = `$${params.length}`;
  return `EXISTS (SELECT 1 FROM interpreters ip WHERE ip.user_id = ${me} AND (ip.id = ${alias}.interpreter_id
            OR EXISTS (SELECT 1 FROM interview_participants pp WHERE pp.interview_id = ${alias}.id AND pp.interpreter_id = ip.id)))`;
}

/** Loads an interview the actor interpreted, for their participation; NOT_FOUND otherwise. */
export async function loadParticipationFor(tx: Queryable, actor: Actor, id: string): Promise<InterviewKey> {
  const params: unknown[] = [id, actor.operationId];
  const condition = participationCondition(actor, params);
  const { rows } = await tx.query<InterviewKey>(`${KEY_SELECT} WHERE i.id = $1 AND i.operation_id = $2 AND ${condition}`, params);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}
