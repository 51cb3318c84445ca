import type { TPublicCertificate } from '@refugio/domain';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

type Status = TPublicCertificate['status'];

export const STATUS_LABEL: Record<Status, string> = {
  valid: 'trainingRecords.verify.statusValid',
  expired: 'trainingRecords.verify.statusExpired',
  revoked: 'trainingRecords.verify.statusRevoked',
};

export const STATUS_TONE: Record<Status, BadgeTone> = { valid: 'positive', expired: 'warning', revoked: 'negative' };
