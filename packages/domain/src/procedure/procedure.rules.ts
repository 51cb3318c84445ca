/**
 * The claim's procedure as data: its statuses and its steps. Each step is declared once here
 * with the statuses it may be taken from, where it leads, the permission it needs and whether
 * the timeline must say why; what guards it (safeguards) and what it sets off in the same
 * transaction (effects) is registered by the features that own those facts (ADR 019).
 * Shared by the server and the web app.
 */

export const CLAIM_STATUSES = ['registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
  'decision_drafted', 'in_review', 'approved', 'decided', 'notified', 'appealed', 'closed', 'late_filing_review', 'abandoned',
  'withdrawn', 'transferred'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Statuses in which the decision clock matters and the claim sits in a work queue. The SQL list
 * (`OPEN_STATUS_SQL`) and the claims table's partial indexes are generated from or tested
 * against this one list.
 */
export const OPEN_STATUSES = ['registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
  'decision_drafted', 'in_review', 'approved', 'late_filing_review'] as const satisfies readonly ClaimStatus[];

/**
 * Decided, but an act of the authority is still due: the notification (LRPCPAP art. 24), or the
 * appeal's resolution (art. 25). Their deciding clock has stopped, so they are not open; the work
 * queue's "in progress" filter still lists them, because someone still has to act (ADR 051).
 */
export const AWAITING_ACT_STATUSES = ['decided', 'appealed'] as const satisfies readonly ClaimStatus[];

/**
 * Statuses whose file is closed: what it says is what the authority decided or recorded at its end,
 * so its people, needs and guarantees are no longer corrected in place (the screen shows it read-only).
 */
export const CLOSED_FILE_STATUSES = ['closed', 'abandoned', 'withdrawn', 'transferred'] as const satisfies readonly ClaimStatus[];

export function isClosedFile(status: string): boolean {
  return (CLOSED_FILE_STATUSES as readonly string[]).includes(status);
}

export function isOpenStatus(status: ClaimStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** What a step may do to the claim: move its status, or act on it where it stands (assignment). */
export interface StepDeclaration {
  /** Statuses the step may be taken from; empty for registration, which creates the claim. */
  from: readonly ClaimStatus[];
  /** Where the step leads; null when the status stays (assignment). */
  to: ClaimStatus | null;
  /** The action on `claim` the caller needs, in a scope that reaches the claim. */
  permission: 'register' | 'update' | 'assign' | 'reopen';
  /**
   * The step leads back to the status the file was closed from (`claims.closed_from_status`)
   * instead of a fixed one; `to` is then null in the declaration (reopening, ADR 050).
   */
  returnsToStatusBeforeClosing?: boolean;
  /** The timeline must say why: side exits, the prevención, sending a draft back. */
  needsReason: boolean;
  /** The kind of the timeline entry the step writes (`status_changed` names both statuses). */
  timeline: 'created' | 'status_changed' | 'assigned' | 'interview_started';
}

/**
 * The lifecycle (LRPCPAP arts. 11, 18, 22–25; Reglamento arts. 20–24). Every step but
 * `register`, `assign` and `start_interview` is a route `POST /api/claims/{id}/{step with dashes}`.
 */
export const STEPS = {
  register: { from: [], to: 'registered', permission: 'register', needsReason: false, timeline: 'created' },
  assign: { from: OPEN_STATUSES, to: null, permission: 'assign', needsReason: false, timeline: 'assigned' },
  admit: { from: ['registered', 'late_filing_review'], to: 'admitted', permission: 'update', needsReason: false, timeline: 'status_changed' },
  open_late_filing_review: { from: ['registered'], to: 'late_filing_review', permission: 'update', needsReason: true, timeline: 'status_changed' },
  schedule_interview: { from: ['admitted'], to: 'interview_scheduled', permission: 'update', needsReason: false, timeline: 'status_changed' },
  /** The interview begins (its record opens); the status stays until the record is signed. */
  start_interview: { from: ['interview_scheduled'], to: null, permission: 'update', needsReason: false, timeline: 'interview_started' },
  record_interview: { from: ['interview_scheduled'], to: 'interviewed', permission: 'update', needsReason: false, timeline: 'status_changed' },
  start_assessment: { from: ['interviewed'], to: 'under_assessment', permission: 'update', needsReason: false, timeline: 'status_changed' },
  draft_decision: { from: ['under_assessment'], to: 'decision_drafted', permission: 'update', needsReason: false, timeline: 'status_changed' },
  submit_for_review: { from: ['decision_drafted'], to: 'in_review', permission: 'update', needsReason: false, timeline: 'status_changed' },
  return_to_drafting: { from: ['in_review', 'approved'], to: 'decision_drafted', permission: 'update', needsReason: true, timeline: 'status_changed' },
  /** A second officer approves the reviewed draft. */
  approve: { from: ['in_review'], to: 'approved', permission: 'update', needsReason: false, timeline: 'status_changed' },
  /** The authority's signatory signs the approved decision: it is decided. */
  decide: { from: ['approved'], to: 'decided', permission: 'update', needsReason: false, timeline: 'status_changed' },
  notify: { from: ['decided'], to: 'notified', permission: 'update', needsReason: false, timeline: 'status_changed' },
  /** Recurso de revisión against a notified decision (LRPCPAP art. 25). */
  lodge_appeal: { from: ['notified'], to: 'appealed', permission: 'update', needsReason: false, timeline: 'status_changed' },
  /** The appeal is resolved (the decision confirmed or revoked): the file closes with its outcome. */
  resolve_appeal: { from: ['appealed'], to: 'closed', permission: 'update', needsReason: true, timeline: 'status_changed' },
  /** The appeal sends the claim back for a new decision. */
  send_back: { from: ['appealed'], to: 'under_assessment', permission: 'update', needsReason: true, timeline: 'status_changed' },
  close: { from: ['notified', 'abandoned', 'withdrawn', 'transferred'], to: 'closed', permission: 'update', needsReason: false, timeline: 'status_changed' },
  abandon: { from: OPEN_STATUSES, to: 'abandoned', permission: 'update', needsReason: true, timeline: 'status_changed' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', permission: 'update', needsReason: true, timeline: 'status_changed' },
  transfer: { from: OPEN_STATUSES, to: 'transferred', permission: 'update', needsReason: true, timeline: 'status_changed' },
  /**
   * A supervisor reopens a closed, abandoned or withdrawn file with a written reason: it returns to
   * the status it was closed from (ADR 050). A transferred file is the receiving office's.
   */
  reopen: {
    from: ['closed', 'abandoned', 'withdrawn'], to: null, returnsToStatusBeforeClosing: true, permission: 'reopen', needsReason: true,
    timeline: 'status_changed',
  },
} as const satisfies Record<string, StepDeclaration>;

export type StepCode = keyof typeof STEPS;

/** The shortest reason a reopening accepts: a sentence, not a word (ADR 050). */
export const REOPEN_REASON_MIN = 10;
export const STEP_CODES = Object.keys(STEPS) as StepCode[];

/** Steps taken through another feature's use case, not a lifecycle route of their own. */
const OWN_USE_CASE = ['register', 'assign', 'start_interview'] as const;

/** Steps that move the status and have a route of their own (the lifecycle actions). */
export type TransitionAction = Exclude<StepCode, (typeof OWN_USE_CASE)[number]>;
export const TRANSITION_ACTIONS = STEP_CODES.filter((code): code is TransitionAction => !(OWN_USE_CASE as readonly string[]).includes(code));

/** The step as the claim's state allows it, before permissions and safeguards. */
export function stepAllowedFrom(step: StepCode, status: ClaimStatus): boolean {
  return (STEPS[step].from as readonly ClaimStatus[]).includes(status);
}

/** The lifecycle actions the status allows (permissions and safeguards are checked apart). */
export function allowedActions(status: ClaimStatus): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => stepAllowedFrom(action, status));
}

/** Where a safeguard comes from, as the claim page and the administrator read it. */
export const SAFEGUARD_SOURCE_KINDS = ['law', 'regulation', 'euaa_guide', 'unhcr_standard', 'authority_policy'] as const;
export type SafeguardSourceKind = (typeof SAFEGUARD_SOURCE_KINDS)[number];

/** How one safeguard stands for one step on one claim. */
export const SAFEGUARD_STATES = ['met', 'unmet', 'on_input', 'switched_off'] as const;
export type SafeguardState = (typeof SAFEGUARD_STATES)[number];
