import { useTranslation } from 'react-i18next';
import type { TCampaign } from '@refugio/domain';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import { CAMPAIGN_STATUS_LABEL } from './labels.ts';

/** The status in words, in the interface's one badge. */
export function CampaignStatusBadge({ status }: { status: TCampaign['status'] }) {
  const { t } = useTranslation();
  return <StateBadge tone={status === 'open' ? 'positive' : 'neutral'}>{t(CAMPAIGN_STATUS_LABEL[status])}</StateBadge>;
}
