import { useTranslation } from 'react-i18next';
import { StateBadge } from './StateBadge.tsx';

/** Active or inactive in words, not only by colour. */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <StateBadge tone={active ? 'positive' : 'neutral'}>{active ? t('common.active') : t('common.inactive')}</StateBadge>;
}
