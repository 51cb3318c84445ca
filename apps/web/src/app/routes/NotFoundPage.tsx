import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('errors.NOT_FOUND.title')} />
      <Text mb="md">{t('shell.pageNotFound')}</Text>
      <Anchor component={Link} to="/">{t('shell.backHome')}</Anchor>
    </>
  );
}
