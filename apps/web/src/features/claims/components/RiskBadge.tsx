import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { labelKey } from '../../../lib/label-key.ts';
import { RISK_BAND_LABEL, STATUS_LABEL } from './labels.ts';

// Due soon on a light background with dark text: white on orange fails the contrast ratio.
const RISK_COLOR: Record<string, string> = { on_track: 'teal.9', due_soon: 'yellow.3', overdue: 'red.9' };

/** The risk band in words, not only by colour. */
export function RiskBadge({ band }: { band: string | null }) {
  const { t } = useTranslation();
  if (!band) return null;
  return <Badge color={RISK_COLOR[band] ?? 'gray.7'} c={band === 'due_soon' ? 'dark.9' : undefined} variant="filled" tt="none">{t(labelKey(RISK_BAND_LABEL, band))}</Badge>;
}

export function ClaimStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge color="indigo.9" variant="light" tt="none">{t(labelKey(STATUS_LABEL, status))}</Badge>;
}
