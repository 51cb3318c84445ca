import { registerNeedEffect } from '../../intake/server/index.ts';
import { registerSafeguard } from '../../procedure/server/index.ts';
import { applyNeedToGuarantees } from './guarantees.ts';

/**
 * What screening adds to the procedure (ADR 026): the guarantees and priority that follow from
 * an identified need, and the safeguard that the interview does not start while a guarantee that
 * governs it is pending (EUAA IPSN tool; EUAA practical guide on the personal interview:
 * special needs are addressed before the interview). Called once from the composition root.
 */
export function registerScreening(): void {
  registerNeedEffect(applyNeedToGuarantees);
  registerSafeguard({
    code: 'guarantees_before_interview', feature: 'screening', steps: ['start_interview'], switchable: false,
    source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_ipsn_interview' },
    async check(run) {
      const { rows } = await run.tx.query<{ title: string; sensitive: boolean }>(
        `SELECT coalesce(t.title ->> $2, t.title ->> 'es-MX') AS title, g.sensitive
           FROM claim_guarantees g JOIN guarantee_types t ON t.code = g.guarantee_code
          WHERE g.claim_id = $1 AND g.status = 'pending' AND t.governs_interview ORDER BY t.sort`,
        [run.claim.id, run.actor.language]);
      if (rows.length === 0) return { met: true };
      // A guarantee named after a sensitive need (SOGI, trauma) is counted, not named, for readers outside the field policy.
      const named = rows.filter((r) => run.mayReadSensitive || !r.sensitive).map((r) => r.title);
      const hidden = rows.length - named.length;
      return { met: false, params: { pending: [...named, ...(hidden > 0 ? [`+${hidden}`] : [])].join(', ') } };
    },
  });
}
