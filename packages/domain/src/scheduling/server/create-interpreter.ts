import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { fieldError } from '../../shared/errors.ts';
import { requireInterpreterManagement } from '../../shared/policies/interpreter.policy.ts';
import { withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TInterpreter, TInterpreterInput } from '../scheduling.schemas.ts';
import { interpreterById, isInterpreterAccount } from './interpreter-view.ts';

export interface CreateInterpreterOptions {
  input: TInterpreterInput;
}

/**
 * Adds an interpreter to the roster of the supervisor's offices (interpreter policy), in the
 * supervisor's institution. A staff interpreter may be linked to their sign-in account (role
 * interpreter), through which they see their own bookings; one account, one roster entry.
 */
export async function createInterpreter(db: Database, ctx: RequestContext, options: CreateInterpreterOptions): Promise<TInterpreter> {
  const actor = actorOf(ctx);
  const { input } = options;
  requireInterpreterManagement(actor, null, input.officeIds);
  return db.transaction(async (tx) => {
    if (input.userId && !await isInterpreterAccount(tx, input.userId, actor.institutionId)) throw fieldError('userId', 'validation.user_not_interpreter');
    const { rows } = await withUniqueFields(() => tx.query<{ id: string }>(
      `INSERT INTO interpreters (institution_id, user_id, full_name, kind, sex, languages, modalities, office_ids, availability, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [actor.institutionId, input.userId, input.fullName, input.kind, input.sex, [...new Set(input.languages)], [...new Set(input.modalities)],
        [...new Set(input.officeIds)], JSON.stringify(input.availability), input.notes]), 'userId');
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'interpreter.created', entityType: 'interpreter', entityId: id,
      details: { kind: input.kind, languages: input.languages, offices: input.officeIds, userId: input.userId },
    });
    return interpreterById(tx, id);
  });
}
