import type { TPublicCertificate } from '@refugio/domain';

type Status = TPublicCertificate['status'];

export const STATUS_LABEL: Record<Status, string> = {
  valid: 'trainingRecords.verify.statusValid',
  expired: 'trainingRecords.verify.statusExpired',
  revoked: 'trainingRecords.verify.statusRevoked',
};

export const STATUS_COLOR: Record<Status, string> = { valid: 'teal.9', expired: 'orange.9', revoked: 'red.9' };
