import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { requireInterpreterManagement } from '../../shared/policies/interpreter.policy.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TInterpreter, TInterpreterUpdate } from '../scheduling.schemas.ts';
import { interpreterById, isInterpreterAccount } from './interpreter-view.ts';

export interface UpdateInterpreterOptions {
  interpreterId: string;
  input: TInterpreterUpdate;
}

const COMPARED = ['fullName', 'kind', 'sex', 'languages', 'modalities', 'officeIds', 'availability', 'userId', 'active', 'notes'] as const;

/**
 * Changes an interpreter of the supervisor's offices (interpreter policy) at the version read
 * (409 with the current entry). Deactivating keeps past and booked appointments as they are:
 * new bookings refuse an inactive interpreter. Audited with each changed field.
 */
export async function updateInterpreter(db: Database, ctx: RequestContext, options: UpdateInterpreterOptions): Promise<TInterpreter> {
  const actor = actorOf(ctx);
  const { input } = options;
  return db.transaction(async (tx) => {
    const current = (await tx.query<{ office_ids: string[]; institution_id: string }>(
      'SELECT office_ids, institution_id FROM interpreters WHERE id = $1 FOR UPDATE', [options.interpreterId])).rows[0];
    if (!current) throw new AppError('NOT_FOUND');
    requireInterpreterManagement(actor, current, input.officeIds);
    const before = await interpreterById(tx, options.interpreterId);
    if (before.version !== input.version) throw versionConflict(before);
    if (input.userId && input.userId !== before.userId && !await isInterpreterAccount(tx, input.userId, current.institution_id)) {
      throw fieldError('userId', 'validation.user_not_interpreter');
    }
    await withUniqueFields(() => tx.query(
      `UPDATE interpreters SET full_name = $2, kind = $3, sex = $4, languages = $5, modalities = $6, office_ids = $7, availability = $8,
              user_id = $9, active = $10, notes = $11, version = version + 1, updated_at = now() WHERE id = $1`,
      [options.interpreterId, input.fullName, input.kind, input.sex, [...new Set(input.languages)], [...new Set(input.modalities)],
        [...new Set(input.officeIds)], JSON.stringify(input.availability), input.userId, input.active, input.notes]), 'userId');
    const after = await interpreterById(tx, options.interpreterId);
    const changes = Object.fromEntries(COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => [k, { before: before[k], after: after[k] }]));
    await recordAudit(tx, ctx, { action: 'interpreter.updated', entityType: 'interpreter', entityId: options.interpreterId, details: { changes } });
    return after;
  });
}
