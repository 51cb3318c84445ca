/**
 * Reading a claim's current decision and presenting it (the presenter of every decision route):
 * sections with their versions, each person's outcome, review comments, the notification and
 * appeals, what the reader may do now. Texts follow the field policy (decision.policy.ts).
 */
import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { ClaimKey } from '../../shared/policies/claim.policy.ts';
import { mayDraftDecision, mayReadDecisionText, mayReviewDecision, maySignDecision } from '../../shared/policies/decision.policy.ts';
import {
  DECISION_SECTIONS, isAppealable, isDecisionEditable, LEGAL_BASIS, type DecisionSection, type DecisionStatus, type Outcome,
} from '../decisions.rules.ts';
import type { TAppeal, TDecision, TDecisionPage, TReviewComment } from '../decisions.schemas.ts';
import { claimPersons } from './claim-facts.ts';

/** An instant as ISO 8601 in UTC, the same from both drivers. */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export interface DecisionRow {
  id: string;
  claim_id: string;
  outcome: Outcome;
  status: DecisionStatus;
  drafted_by: string | null;
  submitted_by: string | null;
  reviewer_id: string | null;
  approved_by: string | null;
  signed_by: string | null;
  sensitive: boolean;
  version: number;
  review_round: number;
  verification_code: string | null;
  pdf_sha256: string | null;
  assessment_version: number | null;
}

const ROW_COLUMNS = `d.id, d.claim_id, d.outcome, d.status, d.drafted_by, d.submitted_by, d.reviewer_id, d.approved_by, d.signed_by, d.sensitive,
  d.version, d.review_round, d.verification_code, d.pdf_sha256, d.assessment_version`;

/** The claim's decision under way or signed (not superseded), locked for a write when asked. */
export async function currentDecisionRow(db: Queryable, claimId: string, lock = false): Promise<DecisionRow | undefined> {
  const { rows } = await db.query<DecisionRow>(
    `SELECT ${ROW_COLUMNS} FROM decisions d WHERE d.claim_id = $1 AND d.status <> 'superseded' ${lock ? 'FOR UPDATE' : ''}`, [claimId]);
  return rows[0];
}

/** The current decision, or INVALID_STATE naming why there is none to act on. */
export async function requireDecision(db: Queryable, claimId: string, lock = true): Promise<DecisionRow> {
  const row = await currentDecisionRow(db, claimId, lock);
  if (!row || row.status === 'recorded') throw new AppError('INVALID_STATE', { extra: { reason: 'no_decision' } });
  return row;
}

/** Refuses a write on a decision that is not in one of these statuses (a signed decision never changes). */
export function requireStatus(row: DecisionRow, statuses: readonly DecisionStatus[]): void {
  if (!statuses.includes(row.status)) {
    throw new AppError('INVALID_STATE', { extra: { reason: row.status === 'signed' ? 'decision_signed' : 'decision_status', decisionStatus: row.status, allowedFrom: statuses } });
  }
}

interface FullRow extends DecisionRow {
  claim_number: string;
  claim_status: string;
  claim_version: number;
  drafter_name: string | null;
  reviewer_name: string | null;
  approver_name: string | null;
  signer_name: string | null;
  drafted_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  signed_at: string | null;
  issued_office: string | null;
  current_assessment_version: number | null;
  [section: string]: unknown;
}

const ref = (id: string | null, name: string | null) => (id && name ? { id, fullName: name } : null);

/** Presents the claim's current decision to this reader (null when none is drafted). */
export async function presentDecision(db: Queryable, actor: Actor, claim: ClaimKey, decisionId: string): Promise<TDecision> {
  const sectionColumns = DECISION_SECTIONS.map((s) => `d.${s}, d.${s}_version`).join(', ');
  const [main, persons, comments, notification, appeals, superseded] = await Promise.all([
    db.query<FullRow>(
      `SELECT ${ROW_COLUMNS}, ${sectionColumns}, c.claim_number, c.status AS claim_status, c.version AS claim_version,
              ud.full_name AS drafter_name, ur.full_name AS reviewer_name, ua.full_name AS approver_name, us.full_name AS signer_name,
              ${iso('d.drafted_at')} AS drafted_at, ${iso('d.submitted_at')} AS submitted_at, ${iso('d.approved_at')} AS approved_at,
              ${iso('d.signed_at')} AS signed_at, o.name AS issued_office,
              (SELECT a.version FROM claim_assessments a WHERE a.claim_id = d.claim_id) AS current_assessment_version
         FROM decisions d JOIN claims c ON c.id = d.claim_id
         LEFT JOIN users ud ON ud.id = d.drafted_by LEFT JOIN users ur ON ur.id = d.reviewer_id
         LEFT JOIN users ua ON ua.id = d.approved_by LEFT JOIN users us ON us.id = d.signed_by
         LEFT JOIN offices o ON o.id = d.issued_office_id
        WHERE d.id = $1`, [decisionId]),
    db.query<{ person_id: string; full_name: string; relation: string; outcome: Outcome; derivative: boolean }>(
      `SELECT p.person_id, concat_ws(' ', pe.given_names, pe.first_surname, pe.second_surname) AS full_name, m.relation, p.outcome, p.derivative
         FROM decision_person_outcomes p JOIN persons pe ON pe.id = p.person_id
         LEFT JOIN claim_members m ON m.person_id = p.person_id AND m.claim_id = $2
        WHERE p.decision_id = $1 ORDER BY (m.relation = 'principal') DESC, pe.birth_date NULLS LAST, pe.given_names`, [decisionId, claim.id]),
    db.query<{ id: string; section: TReviewComment['section']; rating: TReviewComment['rating']; comment: string; round: number; author_id: string | null;
      author_name: string | null; created_at: string; resolved_at: string | null; resolved_by: string | null; resolver_name: string | null }>(
      `SELECT r.id, r.section, r.rating, r.comment, r.round, r.author_id, ua.full_name AS author_name, ${iso('r.created_at')} AS created_at,
              ${iso('r.resolved_at')} AS resolved_at, r.resolved_by, ub.full_name AS resolver_name
         FROM decision_review_comments r LEFT JOIN users ua ON ua.id = r.author_id LEFT JOIN users ub ON ub.id = r.resolved_by
        WHERE r.decision_id = $1 ORDER BY r.created_at, r.id`, [decisionId]),
    db.query<{ id: string; notified_at: string; place: string; method: 'in_person' | 'by_mail' | 'electronic'; language: string; interpreter_id: string | null;
      interpreter_name: string | null; acknowledged: boolean; refusal_reason: string | null; recorded_by: string | null; recorder_name: string | null; created_at: string }>(
      `SELECT n.id, ${iso('n.notified_at')} AS notified_at, n.place, n.method, n.language, n.interpreter_id,
              coalesce(n.interpreter_name, i.full_name) AS interpreter_name, n.acknowledged, n.refusal_reason, n.recorded_by, u.full_name AS recorder_name,
              ${iso('n.created_at')} AS created_at
         FROM decision_notifications n LEFT JOIN users u ON u.id = n.recorded_by LEFT JOIN interpreters i ON i.id = n.interpreter_id
        WHERE n.decision_id = $1`, [decisionId]),
    db.query<{ id: string; decision_id: string; lodged_on: string; office_id: string | null; office_name: string | null; grounds: string;
      status: TAppeal['status']; outcome: TAppeal['outcome']; resolved_on: string | null; resolution: string | null; version: number }>(
      `SELECT a.id, a.decision_id, a.lodged_on::text AS lodged_on, a.lodged_at_office_id AS office_id, o.name AS office_name, a.grounds, a.status,
              a.outcome, a.resolved_on::text AS resolved_on, a.resolution, a.version
         FROM appeals a LEFT JOIN offices o ON o.id = a.lodged_at_office_id WHERE a.claim_id = $1 ORDER BY a.created_at DESC, a.id`, [claim.id]),
    db.query<{ id: string; outcome: Outcome; signed_at: string | null; superseded_at: string | null }>(
      `SELECT id, outcome, ${iso('signed_at')} AS signed_at, ${iso('superseded_at')} AS superseded_at FROM decisions
        WHERE claim_id = $1 AND status = 'superseded' ORDER BY superseded_at DESC NULLS LAST, created_at DESC`, [claim.id]),
  ]);
  const row = main.rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  const readable = mayReadDecisionText(actor, claim, row);
  const sections = Object.fromEntries(DECISION_SECTIONS.map((s: DecisionSection) => [s, {
    text: readable ? String(row[s] ?? '') : '', version: Number(row[`${s}_version`]),
  }])) as TDecision['sections'];
  const mayUpdate = mayDraftDecision(actor, claim);
  const claimStatus = row.claim_status;
  return {
    id: row.id, claimId: claim.id, claimNumber: row.claim_number, claimStatus, claimVersion: row.claim_version, outcome: row.outcome,
    status: row.status, legalBasis: LEGAL_BASIS[row.outcome], redacted: !readable, sections,
    personOutcomes: persons.rows.map((p) => ({ personId: p.person_id, fullName: p.full_name, relation: p.relation ?? 'other', outcome: p.outcome, derivative: p.derivative })),
    drafter: ref(row.drafted_by, row.drafter_name), draftedAt: row.drafted_at, submittedAt: row.submitted_at,
    reviewer: ref(row.reviewer_id, row.reviewer_name), reviewRound: row.review_round,
    approvedBy: ref(row.approved_by, row.approver_name), approvedAt: row.approved_at,
    signedBy: ref(row.signed_by, row.signer_name), signedAt: row.signed_at,
    verificationCode: row.verification_code, pdfSha256: row.pdf_sha256, issuedOffice: row.issued_office,
    assessmentChanged: row.assessment_version !== null && row.current_assessment_version !== null && row.assessment_version !== row.current_assessment_version,
    comments: comments.rows.map((r) => ({
      id: r.id, section: r.section, rating: r.rating, comment: readable ? r.comment : '', round: r.round, author: ref(r.author_id, r.author_name),
      createdAt: r.created_at, resolvedAt: r.resolved_at, resolvedBy: ref(r.resolved_by, r.resolver_name),
    })),
    notification: notification.rows[0] ? (({ id, notified_at, place, method, language, interpreter_id, interpreter_name, acknowledged, refusal_reason, recorded_by, recorder_name, created_at }) => ({
      id, notifiedAt: notified_at, place, method, language, interpreterId: interpreter_id, interpreterName: interpreter_name, acknowledged,
      refusalReason: refusal_reason, recordedBy: ref(recorded_by, recorder_name), createdAt: created_at,
    }))(notification.rows[0]) : null,
    appeals: appeals.rows.map((a) => ({
      id: a.id, decisionId: a.decision_id, lodgedOn: a.lodged_on, lodgedAtOffice: a.office_id && a.office_name ? { id: a.office_id, name: a.office_name } : null,
      grounds: readable ? a.grounds : '', status: a.status, outcome: a.outcome, resolvedOn: a.resolved_on, resolution: a.resolution && readable ? a.resolution : a.resolution === null ? null : '',
      version: a.version,
    })),
    superseded: superseded.rows.map((s) => ({ id: s.id, outcome: s.outcome, signedAt: s.signed_at, supersededAt: s.superseded_at })),
    can: {
      edit: mayUpdate && readable && isDecisionEditable(row.status) && claimStatus === 'decision_drafted',
      submit: mayUpdate && isDecisionEditable(row.status) && claimStatus === 'decision_drafted',
      review: row.status === 'in_review' && claimStatus === 'in_review' && mayReviewDecision(actor, claim, row),
      sign: row.status === 'approved' && claimStatus === 'approved' && maySignDecision(actor, claim),
      notify: row.status === 'signed' && claimStatus === 'decided' && mayUpdate,
      lodgeAppeal: row.status === 'signed' && claimStatus === 'notified' && isAppealable(row.outcome) && mayUpdate,
      resolveAppeal: claimStatus === 'appealed' && mayUpdate,
    },
    version: row.version,
  };
}

/** The claim's decision page for this reader, unaudited (the caller audits its read, or sends it as a 409's current state). */
export async function decisionPage(db: Queryable, actor: Actor, claim: ClaimKey): Promise<TDecisionPage> {
  const [heading, persons, row] = await Promise.all([
    db.query<{ claim_number: string; status: string; version: number }>('SELECT claim_number, status, version FROM claims WHERE id = $1', [claim.id]),
    claimPersons(db, claim.id),
    currentDecisionRow(db, claim.id),
  ]);
  const c = heading.rows[0]!;
  return {
    claimId: claim.id, claimNumber: c.claim_number, claimStatus: c.status, claimVersion: c.version, persons,
    canGenerate: c.status === 'under_assessment' && mayDraftDecision(actor, claim) && !row,
    decision: row && row.status !== 'recorded' ? await presentDecision(db, actor, claim, row.id) : null,
  };
}
