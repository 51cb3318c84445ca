import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPresenceAnswer } from '@refugio/domain';

/** Another tab or device has this interview open: said plainly, with what it means for saving. */
export function PresenceBanner({ others, otherTab }: { others: TPresenceAnswer['others']; otherTab: boolean }) {
  const { t } = useTranslation();
  if (others.length === 0 && !otherTab) return null;
  const names = [...new Set(others.map((o) => o.userName))].join(', ');
  return (
    <Alert color="orange" title={t('interviews.presence.title')} role="alert">
      {names ? t('interviews.presence.others', { names }) : t('interviews.presence.otherTab')} {t('interviews.presence.safe')}
    </Alert>
  );
}
