import type { GRANT_SOURCES, GRANT_STATUSES, MATRIX_STATUSES } from '@refugio/domain';

type Status = (typeof GRANT_STATUSES)[number] | (typeof MATRIX_STATUSES)[number];

/** Colour and a symbol for every status, so the meaning never rests on colour alone. */
export const STATUS_STYLE: Record<Status, { color: string; symbol: string }> = {
  valid: { color: 'green', symbol: '✓' },
  expiring: { color: 'yellow', symbol: '!' },
  expired: { color: 'red', symbol: '✗' },
  missing: { color: 'gray', symbol: '–' },
  revoked: { color: 'dark', symbol: '⊘' },
  not_yet: { color: 'blue', symbol: '…' },
};

const STATUS_LABEL: Record<Status, string> = {
  valid: 'competencies.status.valid',
  expiring: 'competencies.status.expiring',
  expired: 'competencies.status.expired',
  missing: 'competencies.status.missing',
  revoked: 'competencies.status.revoked',
  not_yet: 'competencies.status.not_yet',
};
export const statusLabelKey = (status: Status) => STATUS_LABEL[status];

export const SOURCE_LABEL: Record<(typeof GRANT_SOURCES)[number], string> = {
  training: 'competencies.source.training',
  experience: 'competencies.source.experience',
  external_certificate: 'competencies.source.external_certificate',
};

/** Needs that are not a vulnerability flag category (those use the intake's category labels). */
export const NEED_LABEL: Record<string, string> = {
  exclusion_indicator: 'competencies.needs.exclusion_indicator',
  any_claim: 'competencies.needs.any_claim',
};
