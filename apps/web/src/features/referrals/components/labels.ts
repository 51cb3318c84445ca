// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
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
