import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active or inactive in words, not only by colour. */
export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
