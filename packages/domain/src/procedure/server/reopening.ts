import { AppError, fieldError } from '../../shared/errors.ts';
import { REOPEN_REASON_MIN } from '../procedure.rules.ts';
import { registerEffect, registerInputCheck, registerSafeguard } from './registry.ts';

const standards = { kind: 'unhcr_standard' as const, citationKey: 'procedure.sources.unhcr_procedural_standards_reopening' };

/**
 * Reopening a closed file (ADR 050; UNHCR Procedural Standards for RSD, closing and reopening of
 * files): a supervisor's act with a written reason, which returns the claim to the status it was
 * closed from. A file that was transferred is refused: the receiving office holds the claim now.
 * Called once from the domain's composition root.
 */
export function registerReopening(): void {
  registerInputCheck({
    steps: ['reopen'],
    async check(run) {
      if ((run.input.reason ?? '').trim().length < REOPEN_REASON_MIN) {
        throw fieldError('reason', 'validation.reopen_reason_required', { minimum: REOPEN_REASON_MIN });
      }
      // A file closed before its closing status was kept, with no timeline to tell it: nowhere to return to.
      if (run.to === null) throw new AppError('INVALID_STATE', { extra: { reason: 'no_status_before_closing', currentStatus: run.from } });
    },
  });
  registerSafeguard({
    code: 'not_transferred', feature: 'procedure', steps: ['reopen'], switchable: false,
    source: { kind: 'regulation', citationKey: 'procedure.sources.transfer_policy' },
    async check(run) {
      const { rows } = await run.tx.query<{ transferred: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM claim_events WHERE claim_id = $1 AND kind = 'status_changed' AND to_status = 'transferred') AS transferred`,
        [run.claim.id]);
      return rows[0]?.transferred ? { met: false } : { met: true };
    },
  });
  registerEffect({
    code: 'status_restored', feature: 'procedure', steps: ['reopen'], order: 0, source: standards,
    async apply(run) {
      Object.assign(run.eventDetails, { restoredStatus: run.to });
      Object.assign(run.auditDetails, { restoredStatus: run.to });
    },
  });
}
