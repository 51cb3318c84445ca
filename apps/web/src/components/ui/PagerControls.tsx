import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerControlsProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next with the range in words; simpler to operate than a row of numbers. */
export function PagerControls({ page, pageSize, total, onPage }: PagerControlsProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('common.pagination')}>
      <Text size="sm" aria-live="polite">{t('common.range', { from, to, total })}</Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('common.previous')}</Button>
        <Text size="sm">{t('common.pageOf', { page, pages })}</Text>
        <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('common.next')}</Button>
      </Group>
    </Group>
  );
}
