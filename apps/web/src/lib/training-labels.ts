import type { MODULE_LEVELS, SESSION_FORMATS } from '@refugio/domain';

// A module's level and a session's format, shown by the curriculum, the sessions and the needs
// assessment. Catalog keys written out, so the catalog test sees each one used.
export const FORMAT_LABEL: Record<(typeof SESSION_FORMATS)[number], string> = {
  in_person: 'trainingSessions.formats.in_person',
  videoconference: 'trainingSessions.formats.videoconference',
  online: 'trainingSessions.formats.online',
  blended: 'trainingSessions.formats.blended',
};

export const LEVEL_LABEL: Record<(typeof MODULE_LEVELS)[number], string> = {
  first_line: 'trainingSessions.levels.first_line',
  core: 'trainingSessions.levels.core',
  advanced: 'trainingSessions.levels.advanced',
  specialised: 'trainingSessions.levels.specialised',
  trainer: 'trainingSessions.levels.trainer',
};
