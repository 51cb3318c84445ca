import type { ENROLMENT_STATUSES, MODULE_LEVELS, SESSION_FORMATS, SESSION_STATUSES } from '@refugio/domain';

// Catalog keys written out, so the catalog test sees each one used.
export const FORMAT_LABEL: Record<(typeof SESSION_FORMATS)[number], string> = {
  in_person: 'trainingSessions.formats.in_person',
  videoconference: 'trainingSessions.formats.videoconference',
  online: 'trainingSessions.formats.online',
  blended: 'trainingSessions.formats.blended',
};

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

export const LEVEL_LABEL: Record<(typeof MODULE_LEVELS)[number], string> = {
  first_line: 'trainingSessions.levels.first_line',
  core: 'trainingSessions.levels.core',
  advanced: 'trainingSessions.levels.advanced',
  specialised: 'trainingSessions.levels.specialised',
  trainer: 'trainingSessions.levels.trainer',
};

export const LANGUAGE_LABEL = { 'es-MX': 'common.languages.es-MX', en: 'common.languages.en', fr: 'common.languages.fr' } as const;
