import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCampaign } from '@refugio/domain';
import { CAMPAIGN_STATUS_LABEL } from './labels.ts';

/** The status in words; dark fills keep the contrast on striped rows. */
export function CampaignStatusBadge({ status }: { status: TCampaign['status'] }) {
  const { t } = useTranslation();
  return <Badge variant="filled" tt="none" color={status === 'open' ? 'teal.9' : 'gray.7'}>{t(CAMPAIGN_STATUS_LABEL[status])}</Badge>;
}
