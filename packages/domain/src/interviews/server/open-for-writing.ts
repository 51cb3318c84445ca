import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadInterviewFor, type InterviewKey, type InterviewLock } from '../../shared/policies/interview.policy.ts';
import type { InterviewStatus } from '../interviews.rules.ts';

/**
 * An interview the actor may change, in one of the statuses the change is allowed in; otherwise
 * 409 INVALID_STATE naming why: questioning ended (`interview_read_back`: only corrections now),
 * the record is locked (`interview_locked`: only annexes), or not read back yet (`interview_not_read_back`).
 */
export async function openForWriting(
  tx: Queryable, actor: Actor, id: string, allowed: readonly InterviewStatus[], lock: InterviewLock = 'share',
): Promise<InterviewKey> {
  const key = await loadInterviewFor(tx, actor, id, 'write', lock);
  if (!allowed.includes(key.status)) throw notAllowedIn(key.status);
  return key;
}

export function notAllowedIn(status: InterviewStatus): AppError {
  const reason = status === 'signed' ? 'interview_locked' : status === 'read_back' ? 'interview_read_back' : 'interview_not_read_back';
  return new AppError('INVALID_STATE', { extra: { reason, interviewStatus: status } });
}
