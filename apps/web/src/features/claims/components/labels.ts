// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const SEX_LABEL: Record<string, string> = {
  female: 'intake.sexes.female',
  male: 'intake.sexes.male',
  intersex: 'intake.sexes.intersex',
  unknown: 'intake.sexes.unknown',
};
export const DOCUMENT_TYPE_LABEL: Record<string, string> = {
  passport: 'intake.documentTypes.passport',
  national_id: 'intake.documentTypes.national_id',
  birth_certificate: 'intake.documentTypes.birth_certificate',
  travel_document: 'intake.documentTypes.travel_document',
  inm_document: 'intake.documentTypes.inm_document',
  other: 'intake.documentTypes.other',
};
export const STATUS_LABEL: Record<string, string> = {
  registered: 'intake.statuses.registered',
  admitted: 'intake.statuses.admitted',
  interview_scheduled: 'intake.statuses.interview_scheduled',
  interviewed: 'intake.statuses.interviewed',
  under_assessment: 'intake.statuses.under_assessment',
  decision_drafted: 'intake.statuses.decision_drafted',
  in_review: 'intake.statuses.in_review',
  decided: 'intake.statuses.decided',
  notified: 'intake.statuses.notified',
  closed: 'intake.statuses.closed',
  late_filing_review: 'intake.statuses.late_filing_review',
  abandoned: 'intake.statuses.abandoned',
  withdrawn: 'intake.statuses.withdrawn',
  transferred: 'intake.statuses.transferred',
};
export const CHANNEL_LABEL: Record<string, string> = {
  comar_office: 'intake.channels.comar_office',
  inm_referral: 'intake.channels.inm_referral',
  detention_centre: 'intake.channels.detention_centre',
  third_party: 'intake.channels.third_party',
};
export const MODALITY_LABEL: Record<string, string> = {
  regular: 'intake.modalities.regular',
  prioritised: 'intake.modalities.prioritised',
  accelerated: 'intake.modalities.accelerated',
};
export const RELATION_LABEL: Record<string, string> = {
  principal: 'intake.relations.principal',
  spouse: 'intake.relations.spouse',
  partner: 'intake.relations.partner',
  child: 'intake.relations.child',
  stepchild: 'intake.relations.stepchild',
  parent: 'intake.relations.parent',
  sibling: 'intake.relations.sibling',
  grandchild: 'intake.relations.grandchild',
  other_relative: 'intake.relations.other_relative',
  other: 'intake.relations.other',
};
export const CATEGORY_LABEL: Record<string, string> = {
  child: 'intake.categories.child',
  unaccompanied_child: 'intake.categories.unaccompanied_child',
  disability: 'intake.categories.disability',
  elderly: 'intake.categories.elderly',
  pregnant: 'intake.categories.pregnant',
  single_parent: 'intake.categories.single_parent',
  trafficking: 'intake.categories.trafficking',
  serious_illness: 'intake.categories.serious_illness',
  mental_disorder: 'intake.categories.mental_disorder',
  violence_survivor: 'intake.categories.violence_survivor',
  lgbtiq: 'intake.categories.lgbtiq',
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
  decide: 'intake.actions.decide',
  notify: 'intake.actions.notify',
  close: 'intake.actions.close',
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
export const REFERRAL_STATUS_LABEL: Record<string, string> = {
  pending: 'intake.referralStatuses.pending',
  accepted: 'intake.referralStatuses.accepted',
  returned: 'intake.referralStatuses.returned',
};
export const NOTICE_STATE_LABEL: Record<string, string> = {
  pending: 'intake.noticeStates.pending',
  overdue: 'intake.noticeStates.overdue',
  met: 'intake.noticeStates.met',
  missed: 'intake.noticeStates.missed',
};

/** The label key of a value, or the value itself when unknown (a newer server). */
export function labelKey(map: Record<string, string>, value: string): string {
  return map[value] ?? value;
}
