// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const STATUS_LABEL: Record<string, string> = {
  registered: 'intake.statuses.registered',
  admitted: 'intake.statuses.admitted',
  interview_scheduled: 'intake.statuses.interview_scheduled',
  interviewed: 'intake.statuses.interviewed',
  under_assessment: 'intake.statuses.under_assessment',
  decision_drafted: 'intake.statuses.decision_drafted',
  in_review: 'intake.statuses.in_review',
  approved: 'intake.statuses.approved',
  decided: 'intake.statuses.decided',
  notified: 'intake.statuses.notified',
  appealed: 'intake.statuses.appealed',
  closed: 'intake.statuses.closed',
  late_filing_review: 'intake.statuses.late_filing_review',
  abandoned: 'intake.statuses.abandoned',
  withdrawn: 'intake.statuses.withdrawn',
  transferred: 'intake.statuses.transferred',
};
export const MODALITY_LABEL: Record<string, string> = {
  regular: 'intake.modalities.regular',
  prioritised: 'intake.modalities.prioritised',
  accelerated: 'intake.modalities.accelerated',
};
export const ACTION_LABEL: Record<string, string> = {
  admit: 'intake.actions.admit',
  open_late_filing_review: 'intake.actions.open_late_filing_review',
  schedule_interview: 'intake.actions.schedule_interview',
  record_interview: 'intake.actions.record_interview',
  start_assessment: 'intake.actions.start_assessment',
  draft_decision: 'intake.actions.draft_decision',
  submit_for_review: 'intake.actions.submit_for_review',
  return_to_drafting: 'intake.actions.return_to_drafting',
  approve: 'intake.actions.approve',
  decide: 'intake.actions.decide',
  notify: 'intake.actions.notify',
  lodge_appeal: 'intake.actions.lodge_appeal',
  resolve_appeal: 'intake.actions.resolve_appeal',
  send_back: 'intake.actions.send_back',
  close: 'intake.actions.close',
  reopen: 'intake.actions.reopen',
  abandon: 'intake.actions.abandon',
  withdraw: 'intake.actions.withdraw',
  transfer: 'intake.actions.transfer',
};
export const RISK_BAND_LABEL: Record<string, string> = {
  on_track: 'intake.riskBands.on_track',
  due_soon: 'intake.riskBands.due_soon',
  overdue: 'intake.riskBands.overdue',
};
export const CLOCK_KIND_LABEL: Record<string, string> = {
  decision: 'intake.clockKinds.decision',
  filing_limit: 'intake.clockKinds.filing_limit',
  appeal: 'intake.clockKinds.appeal',
  ratification: 'intake.clockKinds.ratification',
  inm_notice: 'intake.clockKinds.inm_notice',
};
export const CLOCK_STATE_LABEL: Record<string, string> = {
  running: 'intake.clockStates.running',
  paused: 'intake.clockStates.paused',
  stopped: 'intake.clockStates.stopped',
};
export const EVENT_KIND_LABEL: Record<string, string> = {
  created: 'intake.eventKinds.created',
  status_changed: 'intake.eventKinds.status_changed',
  assigned: 'intake.eventKinds.assigned',
  flag_recorded: 'intake.eventKinds.flag_recorded',
  flag_withdrawn: 'intake.eventKinds.flag_withdrawn',
  updated: 'intake.eventKinds.updated',
  person_updated: 'intake.eventKinds.person_updated',
  interview_started: 'intake.eventKinds.interview_started',
  interview_read_back: 'intake.eventKinds.interview_read_back',
  interview_signed: 'intake.eventKinds.interview_signed',
  interview_annex_added: 'intake.eventKinds.interview_annex_added',
  interview_audio_attached: 'intake.eventKinds.interview_audio_attached',
};
