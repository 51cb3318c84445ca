import type { ENROLMENT_STATUSES, SESSION_STATUSES } from '@refugio/domain';

// Catalog keys written out, so the catalog test sees each one used.
export const SESSION_STATUS_LABEL: Record<(typeof SESSION_STATUSES)[number], string> = {
  planned: 'trainingSessions.statuses.planned',
  open: 'trainingSessions.statuses.open',
  in_progress: 'trainingSessions.statuses.in_progress',
  completed: 'trainingSessions.statuses.completed',
  cancelled: 'trainingSessions.statuses.cancelled',
};

export const ENROLMENT_STATUS_LABEL: Record<(typeof ENROLMENT_STATUSES)[number], string> = {
  requested: 'trainingSessions.enrolmentStatuses.requested',
  enrolled: 'trainingSessions.enrolmentStatuses.enrolled',
  waitlisted: 'trainingSessions.enrolmentStatuses.waitlisted',
  rejected: 'trainingSessions.enrolmentStatuses.rejected',
  cancelled: 'trainingSessions.enrolmentStatuses.cancelled',
};
