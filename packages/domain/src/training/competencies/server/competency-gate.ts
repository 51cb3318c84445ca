import type { Queryable } from '@refugio/db';
import type { z } from 'zod';
import type { ZAssignableOfficer } from '../../../intake/index.ts';
import { COMPETENCY_GATE, registerAttention } from '../../../intake/server/index.ts';
import { registerEffect, registerSafeguard } from '../../../procedure/server/index.ts';
import { actorOf, type RequestContext } from '../../../shared/context.ts';
import { loadClaimFor } from '../../../shared/policies/claim.policy.ts';
import { checkGating, competencyGapCondition, competencyTitles, rankOfficersForClaim } from './gating.ts';

/** Shortest written reason for assigning without a required competency (it is read in reports). */
export const OVERRIDE_REASON_MIN = 10;

/**
 * The competency gate (ADR 014, ADR 019): a claim goes only to an officer holding, that day,
 * every competency its identified needs require (an unaccompanied child: "Interviewing
 * children"). A supervisor may assign anyway with a written reason; the assignment keeps what was
 * required and missing. Authority policy, so an authority may switch it off with a reason.
 * Also registers the supervisor's "lost a competency" queue filter. Called once from the
 * domain's composition root.
 */
export function registerCompetencyGate(): void {
  registerSafeguard({
    // The interviewer of an appointment is held to the same gate as the assigned officer (ADR 024,
    // ADR 027): scheduling passes the appointment's officer as `officerId`.
    code: COMPETENCY_GATE, feature: 'training', steps: ['assign', 'schedule_interview'], switchable: true, refusal: 'COMPETENCY_REQUIRED',
    override: { permission: 'override:gating:office', reasonMin: OVERRIDE_REASON_MIN },
    source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_training_gating' },
    async check(run) {
      if (run.input.officerId === undefined) return { met: 'on_input' };
      if (run.input.officerId === null) return { met: true };
      const gating = await checkGating(run.tx, run.claim.id, run.input.officerId, run.today);
      if (gating.missing.length === 0) return { met: true, findings: { ...gating } };
      const names = (await competencyTitles(run.tx, gating.missing, run.actor.language)).join(', ');
      return {
        met: false, params: { missing: names }, findings: { ...gating },
        field: { name: 'officerId', code: 'validation.competency_missing' },
      };
    },
  });
  registerEffect({
    code: 'competencies_recorded', feature: 'training', steps: ['assign'], order: 20,
    source: { kind: 'authority_policy', citationKey: 'procedure.sources.euaa_training_gating' },
    async apply(run) {
      const officerId = run.input.officerId ?? null;
      const gating = (run.findings.get(COMPETENCY_GATE) ?? { required: [], missing: [] }) as { required: string[]; missing: string[] };
      const overridden = run.overridden.includes(COMPETENCY_GATE);
      if (officerId) {
        await run.tx.query(
          `UPDATE claim_assignments SET required_competencies = $2, missing_competencies = $3, override_reason = $4
            WHERE claim_id = $1 AND unassigned_at IS NULL`,
          [run.claim.id, gating.required, gating.missing, overridden ? run.input.reason : null]);
      }
      if (overridden) Object.assign(run.eventDetails, { missingCompetencies: gating.missing });
      Object.assign(run.auditDetails, {
        requiredCompetencies: gating.required,
        ...(overridden ? { gatingOverridden: true, missingCompetencies: gating.missing } : {}),
      });
    },
  });
  registerAttention('competency_gap', competencyGapCondition);
}

/**
 * "Who can take this claim": the office's eligibility officers ranked by the gate, then by
 * caseload and the soonest due date, each with what they lack, named in the reader's language.
 */
export async function listAssignableOfficers(db: Queryable, ctx: RequestContext, id: string): Promise<Array<z.infer<typeof ZAssignableOfficer>>> {
  const actor = actorOf(ctx);
  const claim = await loadClaimFor(db, actor, id, 'assign');
  const ranked = await rankOfficersForClaim(db, id, claim.office_id);
  const codes = [...new Set(ranked.flatMap((o) => o.missing))];
  const titles = new Map(codes.map((c, i) => [c, i] as const));
  const names = await competencyTitles(db, codes, actor.language);
  return ranked.map((o) => ({ ...o, missing: o.missing.map((code) => ({ code, title: names[titles.get(code) ?? 0] ?? code })) }));
}
