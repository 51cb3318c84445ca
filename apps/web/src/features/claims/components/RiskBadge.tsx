import { useTranslation } from 'react-i18next';
import { labelKey } from '../../../lib/label-key.ts';
import { RISK_BAND_LABEL, STATUS_LABEL } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

// Due soon on a light background with dark text: white on orange fails the contrast ratio.
const RISK_TONE: Record<string, BadgeTone> = { on_track: 'positive', due_soon: 'warning', overdue: 'negative' };

/** The risk band in words, not only by colour. */
export function RiskBadge({ band }: { band: string | null }) {
  const { t } = useTranslation();
  if (!band) return null;
  return <StateBadge tone={RISK_TONE[band] ?? 'neutral'}>{t(labelKey(RISK_BAND_LABEL, band))}</StateBadge>;
}

export function ClaimStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <StateBadge tone="info" look="outline">{t(labelKey(STATUS_LABEL, status))}</StateBadge>;
}
