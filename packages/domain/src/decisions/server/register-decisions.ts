import type { Queryable } from '@refugio/db';
import { startClock, stopClock } from '../../calendars/server/index.ts';
import { signedInterviewRecords } from '../../interviews/server/index.ts';
import type { StepCode } from '../../procedure/index.ts';
import { registerEffect, registerSafeguard, type StepRun } from '../../procedure/server/index.ts';
import { toLanguage639_3 } from '../../scheduling/index.ts';
import { pendingGuarantees } from '../../screening/server/index.ts';
import { localDay } from '../../shared/time.ts';
import { isAppealable, isNegative, type DecisionStatus, type Outcome } from '../decisions.rules.ts';
import { currentDecisionRow, iso } from './decision-view.ts';

const feature = 'decisions';
/** The decision's status each step of the decision feature leaves it in. */
const DECISION_STATUS_AFTER: Partial<Record<StepCode, DecisionStatus>> = {
  draft_decision: 'draft', submit_for_review: 'in_review', return_to_drafting: 'returned', approve: 'approved', decide: 'signed',
};

/**
 * The checklist weighs steps without a caller's input (no version): there the decision's own
 * record is the input still to come from the decision page, "checked when you act". A caller
 * taking the step always names the version it read, and then the record must be there.
 */
const weighingOnly = (run: StepRun) => run.input.version === undefined;

async function personsOutcomes(tx: Queryable, decisionId: string) {
  return (await tx.query<{ person_id: string; full_name: string; relation: string; outcome: Outcome; derivative: boolean }>(
    `SELECT o.person_id, concat_ws(' ', p.given_names, p.first_surname) AS full_name, coalesce(m.relation, 'other') AS relation, o.outcome, o.derivative
       FROM decision_person_outcomes o JOIN persons p ON p.id = o.person_id JOIN decisions d ON d.id = o.decision_id
       LEFT JOIN claim_members m ON m.claim_id = d.claim_id AND m.person_id = o.person_id
      WHERE o.decision_id = $1`, [decisionId])).rows;
}

/**
 * What the decision feature adds to the procedure (ADR 030), called once from the composition root.
 * The steps of the decision's life are taken by its use cases, which write the decision's records
 * and then take the step in the same transaction; the "record" safeguards below refuse the bare
 * lifecycle route (`POST /api/claims/{id}/decide`…) that would move the claim without them.
 */
export function registerDecisions(): void {
  registerSafeguard({
    code: 'decision_record', feature, switchable: false, steps: ['draft_decision', 'submit_for_review', 'return_to_drafting', 'approve'],
    source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_24' },
    async check(run) {
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (row && row.status === DECISION_STATUS_AFTER[run.step]) return { met: true, findings: { decisionId: row.id } };
      return weighingOnly(run) ? { met: 'on_input' } : { met: false };
    },
  });

  registerSafeguard({
    code: 'signed_decision_document', feature, switchable: false, steps: ['decide'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_24' },
    async check(run) {
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (row?.status === 'signed' && row.pdf_sha256 && row.verification_code) return { met: true, findings: { decisionId: row.id } };
      return weighingOnly(run) ? { met: 'on_input' } : { met: false };
    },
  });

  registerSafeguard({
    code: 'notification_recorded', feature, switchable: false, steps: ['notify'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_25_notification' },
    async check(run) {
      const { rows } = await run.tx.query<{ id: string }>(
        `SELECT n.id FROM decision_notifications n JOIN decisions d ON d.id = n.decision_id
          WHERE d.claim_id = $1 AND d.status = 'signed'`, [run.claim.id]);
      if (rows[0]) return { met: true };
      return weighingOnly(run) ? { met: 'on_input' } : { met: false };
    },
  });

  registerSafeguard({
    code: 'appeal_recorded', feature, switchable: false, steps: ['lodge_appeal', 'resolve_appeal', 'send_back'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_25' },
    async check(run) {
      const { rows } = await run.tx.query<{ status: string; outcome: string | null }>(
        `SELECT status, outcome FROM appeals WHERE claim_id = $1 ORDER BY (status = 'lodged') DESC, updated_at DESC LIMIT 1`, [run.claim.id]);
      const appeal = rows[0];
      const met = run.step === 'lodge_appeal' ? appeal?.status === 'lodged'
        : run.step === 'send_back' ? appeal?.status === 'resolved' && appeal.outcome === 'sent_back'
          : appeal?.status === 'resolved' && appeal.outcome !== 'sent_back';
      if (met) return { met: true };
      return weighingOnly(run) ? { met: 'on_input' } : { met: false };
    },
  });

  // No rejection without a personal interview record (LRPCPAP art. 24; EUAA practical guide on the
  // personal interview; UNHCR Procedural Standards 4.3): a person who did not come is not rejected —
  // the route is abandonment. A dependant whose refusal derives from the principal's rests on the principal's record.
  registerSafeguard({
    code: 'rejection_needs_interview_record', feature, switchable: false, steps: ['draft_decision', 'decide'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_24_interview' },
    async check(run) {
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (!row) return weighingOnly(run) ? { met: 'on_input' } : { met: true };
      const persons = await personsOutcomes(run.tx, row.id);
      const refused = persons.filter((p) => isNegative(p.outcome));
      if (refused.length === 0) return { met: true };
      const records = await signedInterviewRecords(run.tx, run.claim.id);
      const interviewed = new Set(records.map((r) => r.personId));
      const principal = persons.find((p) => p.relation === 'principal');
      const missing = refused.filter((p) => !(p.derivative && principal ? interviewed.has(principal.person_id) : interviewed.has(p.person_id)));
      if (missing.length === 0) return { met: true };
      return { met: false, params: { persons: missing.map((p) => p.full_name).join(', ') }, findings: { uninterviewedPersons: missing.map((p) => p.person_id) } };
    },
  });

  // No decision while a procedural guarantee is pending (EUAA IPSN tool; UNHCR Guidelines No. 8 on
  // children): whatever a need calls for is secured before the claim is decided.
  registerSafeguard({
    code: 'no_pending_guarantee', feature, switchable: false, steps: ['decide'], source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_ipsn_decision' },
    async check(run) {
      const pending = await pendingGuarantees(run.tx, run.claim.id, run.actor.language, run.mayReadSensitive);
      if (pending.count === 0) return { met: true };
      return { met: false, params: { pending: [...pending.named, ...(pending.hidden > 0 ? [`+${pending.hidden}`] : [])].join(', ') } };
    },
  });

  // Four eyes, the drafter's side (UNHCR Procedural Standards for RSD 4.7; EUAA Quality Assurance
  // Tool): whoever drafted the decision neither reviews, approves nor signs it. The procedure's
  // four_eyes safeguard guards the same steps against whoever submitted it.
  registerSafeguard({
    code: 'reviewer_not_drafter', feature, switchable: false, steps: ['submit_for_review', 'approve', 'decide'],
    source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.unhcr_procedural_standards_review' },
    async check(run) {
      // Without a drafted decision the decision_record safeguard refuses the step; this one waits for it.
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (!row?.drafted_by) return { met: 'on_input' };
      if (run.step !== 'submit_for_review') return run.actor.userId === row.drafted_by ? { met: false } : { met: true };
      if (!row.reviewer_id) return { met: 'on_input' };
      return row.reviewer_id === row.drafted_by ? { met: false, field: { name: 'reviewerId', code: 'validation.reviewer_is_drafter' } } : { met: true };
    },
  });

  // The reviewer holds the drafting competency today (EUAA curriculum module "Drafting and
  // decision-making"; the authority's policy, as for the competency gate of ADR 014).
  registerSafeguard({
    code: 'reviewer_competency', feature, switchable: true, steps: ['submit_for_review', 'approve'], source: { kind: 'euaa_guide', citationKey: 'procedure.sources.euaa_drafting_module' },
    async check(run) {
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (!row?.reviewer_id) return { met: 'on_input' };
      const { rows } = await run.tx.query<{ held: boolean; name: string; competency: string }>(
        `SELECT u.full_name AS name, (SELECT coalesce(k.title ->> $3, k.title ->> 'es-MX') FROM competencies k WHERE k.code = 'drafting_decisions') AS competency,
                EXISTS (SELECT 1 FROM competency_grants g WHERE g.user_id = u.id AND g.competency_code = 'drafting_decisions'
                  AND grant_valid_on(g.revoked_at, g.granted_on, g.expires_on, $2::date)) AS held
           FROM users u WHERE u.id = $1`, [row.reviewer_id, run.today, run.actor.language]);
      const reviewer = rows[0];
      if (reviewer?.held) return { met: true };
      return { met: false, params: { reviewer: reviewer?.name ?? '', missing: reviewer?.competency ?? 'drafting_decisions' }, field: { name: 'reviewerId', code: 'validation.competency_missing' } };
    },
  });

  // Exclusion only after a supervisor's review (1951 Convention art. 1F; UNHCR Guidelines No. 5:
  // read restrictively). The assessment's safeguard holds a considered exclusion to its review;
  // this one holds an excluding outcome to a considered, reviewed exclusion.
  registerSafeguard({
    code: 'exclusion_outcome_reviewed', feature, switchable: false, steps: ['draft_decision', 'decide'], source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.convention_art_1f_exclusion' },
    async check(run) {
      const row = await currentDecisionRow(run.tx, run.claim.id);
      if (!row) return weighingOnly(run) ? { met: 'on_input' } : { met: true };
      const excluded = row.outcome === 'excluded' || (await personsOutcomes(run.tx, row.id)).some((p) => p.outcome === 'excluded');
      if (!excluded) return { met: true };
      const { rows } = await run.tx.query<{ reviewed: boolean }>(
        'SELECT exclusion_considered AND exclusion_reviewed_at IS NOT NULL AS reviewed FROM claim_assessments WHERE claim_id = $1', [run.claim.id]);
      return rows[0]?.reviewed ? { met: true } : { met: false };
    },
  });

  // Notified in a language the person understands (LRPCPAP art. 23; UNHCR Procedural Standards 7.2):
  // the notification's language (ISO 639-3) is one the principal applicant speaks, as recorded at
  // intake in two- or three-letter codes, compared on the same ISO 639-3 code.
  registerSafeguard({
    code: 'notification_language_understood', feature, switchable: false, steps: ['notify'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_23_language' },
    async check(run) {
      const { rows } = await run.tx.query<{ language: string; languages: string[] }>(
        `SELECT n.language, p.languages FROM decision_notifications n JOIN decisions d ON d.id = n.decision_id AND d.status = 'signed'
           JOIN claims c ON c.id = d.claim_id JOIN persons p ON p.id = c.principal_person_id WHERE d.claim_id = $1`, [run.claim.id]);
      const row = rows[0];
      if (!row) return { met: 'on_input' };
      const notified = toLanguage639_3(row.language);
      const spoken = row.languages.map(toLanguage639_3);
      if (notified && spoken.includes(notified)) return { met: true };
      return { met: false, params: { language: row.language, languages: row.languages.join(', ') || '—' }, field: { name: 'language', code: 'validation.language_not_understood' } };
    },
  });

  registerEffect({
    code: 'decision_linked', feature, order: 20, source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_24' },
    steps: ['draft_decision', 'submit_for_review', 'return_to_drafting', 'approve', 'decide', 'notify', 'lodge_appeal', 'resolve_appeal', 'send_back'],
    async apply(run) {
      const { rows } = await run.tx.query<{ id: string; outcome: string; status: string }>(
        `SELECT id, outcome, status FROM decisions WHERE claim_id = $1 ORDER BY (status <> 'superseded') DESC, updated_at DESC LIMIT 1`, [run.claim.id]);
      if (!rows[0]) return;
      const details = { decisionId: rows[0].id, outcome: rows[0].outcome, decisionStatus: rows[0].status };
      Object.assign(run.eventDetails, details);
      Object.assign(run.auditDetails, details);
    },
  });

  // The recurso de revisión's 15 working days run from notification (LRPCPAP art. 25; ADR 009),
  // on the claim's calendar, for every decision on the merits (see isAppealable).
  registerEffect({
    code: 'appeal_clock_started', feature, order: 10, steps: ['notify'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_25' },
    async apply(run) {
      const { rows } = await run.tx.query<{ outcome: Outcome; notified_at: string }>(
        `SELECT d.outcome, ${iso('n.notified_at')} AS notified_at FROM decisions d JOIN decision_notifications n ON n.decision_id = d.id
          WHERE d.claim_id = $1 AND d.status = 'signed'`, [run.claim.id]);
      const row = rows[0];
      if (!row || !isAppealable(row.outcome)) return;
      // A decision sent back on appeal had its own appeal clock: the new decision's term replaces it.
      const previous = await run.tx.query<{ started_on: string }>(
        `DELETE FROM claim_clocks WHERE claim_id = $1 AND kind = 'appeal' RETURNING started_on::text AS started_on`, [run.claim.id]);
      const started = await startClock(run.tx, run.ctx, { claimId: run.claim.id, kind: 'appeal', startedOn: localDay(new Date(row.notified_at), run.claim.time_zone) });
      Object.assign(run.auditDetails, { appealDueOn: started.dueOn, ...(previous.rows[0] ? { replacedAppealClockFrom: previous.rows[0].started_on } : {}) });
    },
  });

  registerEffect({
    code: 'appeal_clock_stopped', feature, order: 10, steps: ['lodge_appeal'], source: { kind: 'law', citationKey: 'procedure.sources.lrpcpap_art_25' },
    async apply(run) {
      const { rows } = await run.tx.query<{ state: string }>(`SELECT state FROM claim_clocks WHERE claim_id = $1 AND kind = 'appeal'`, [run.claim.id]);
      if (rows[0] && rows[0].state !== 'stopped') await stopClock(run.tx, run.ctx, { claimId: run.claim.id, kind: 'appeal', reason: 'Recurso de revisión interpuesto' });
    },
  });

  // Abandonment and withdrawal end the claim without a decision on the merits: recorded as such for
  // the statistics (UNHCR RSD statistics, "otherwise closed"), with a draft under way superseded.
  registerEffect({
    code: 'closure_recorded', feature, order: 30, steps: ['abandon', 'withdraw'], source: { kind: 'unhcr_standard', citationKey: 'procedure.sources.unhcr_rsd_statistics' },
    async apply(run) {
      const outcome = run.step === 'abandon' ? 'abandoned' : 'withdrawn';
      await run.tx.query(`UPDATE decisions SET status = 'superseded', superseded_at = now(), version = version + 1, updated_at = now()
                            WHERE claim_id = $1 AND status NOT IN ('superseded', 'signed', 'recorded')`, [run.claim.id]);
      const { rows } = await run.tx.query<{ id: string }>(
        `INSERT INTO decisions (operation_id, claim_id, outcome, status, outcome_text, drafted_by, drafted_at, signed_at, issued_office_id)
         SELECT operation_id, id, $2, 'recorded', $3, $4, now(), now(), office_id FROM claims WHERE id = $1 RETURNING id`,
        [run.claim.id, outcome, run.input.reason ?? '', run.actor.userId]);
      await run.tx.query(
        `INSERT INTO decision_person_outcomes (decision_id, person_id, outcome, derivative)
         SELECT $1, person_id, $2, relation <> 'principal' FROM claim_members WHERE claim_id = $3`, [rows[0]!.id, outcome, run.claim.id]);
      Object.assign(run.auditDetails, { closureRecorded: outcome });
    },
  });
}
