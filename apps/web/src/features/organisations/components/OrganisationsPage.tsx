import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { can, useMe } from '../../auth/index.ts';
import { InstitutionsPanel } from './InstitutionsPanel.tsx';
import { OfficesPanel } from './OfficesPanel.tsx';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.data ? can(me.data, 'manage:organisation:all') : false;
  return (
    <>
      <PageHeader title={t('organisations.title')} description={t('organisations.description')} />
      <Tabs defaultValue="institutions" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="institutions">{t('organisations.institutions')}</Tabs.Tab>
          <Tabs.Tab value="offices">{t('organisations.offices')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="institutions"><InstitutionsPanel canManage={canManage} /></Tabs.Panel>
        <Tabs.Panel value="offices"><OfficesPanel canManage={canManage} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
