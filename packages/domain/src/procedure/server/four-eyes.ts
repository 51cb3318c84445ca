import { registerSafeguard } from './registry.ts';

/**
 * Four eyes: whoever submitted the draft for review neither approves nor signs it (UNHCR Procedural
 * Standards for RSD, review of first-instance decisions; EUAA Quality Assurance Tool). The law's
 * requirement of a reasoned decision is not met by one person alone, so it cannot be switched off.
 */
export function registerFourEyes(): void {
  registerSafeguard({
    code: 'four_eyes', feature: 'procedure', steps: ['approve', 'decide'], switchable: false,
    source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.unhcr_procedural_standards_review' },
    async check(run) {
      const { rows } = await run.tx.query<{ actor_user_id: string | null }>(
        `SELECT actor_user_id FROM claim_events WHERE claim_id = $1 AND kind = 'status_changed' AND to_status = 'in_review'
          ORDER BY occurred_at DESC, id DESC LIMIT 1`, [run.claim.id]);
      const submitter = rows[0]?.actor_user_id;
      return submitter && submitter === run.actor.userId ? { met: false } : { met: true };
    },
  });
}
