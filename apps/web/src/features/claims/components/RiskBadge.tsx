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

/**
 * The working days left on the deciding clock, in the tone of its risk band: the list's order (by
 * due date) and colour tell the same story as the claim's badge.
 */
export function WorkingDaysBadge({ band, daysLeft }: { band: string | null; daysLeft: number | null }) {
  const { t } = useTranslation();
  if (!band) return null;
  if (daysLeft === null) return <RiskBadge band={band} />;
  const text = daysLeft > 1 ? t('intake.list.daysLeft', { count: daysLeft })
    : daysLeft === 1 ? t('intake.list.oneDayLeft')
      : daysLeft === 0 ? t('intake.list.dueToday')
        : daysLeft === -1 ? t('intake.list.overdueByOne') : t('intake.list.overdueBy', { count: -daysLeft });
  return <StateBadge tone={RISK_TONE[band] ?? 'neutral'}>{text}</StateBadge>;
}
