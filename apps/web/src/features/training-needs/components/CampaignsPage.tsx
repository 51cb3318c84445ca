import { useState } from 'react';
import { Anchor, Button, Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useCampaigns } from '../api/training-needs.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';

/** The coordinator's needs-assessment campaigns: who they address, how many answered. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const language = currentLanguage();
  if (campaigns.isPending) return <LoadingState />;
  if (!campaigns.data) return <ErrorAlert error={campaigns.error} />;
  return (
    <Stack>
      <PageHeader title={t('trainingNeeds.campaigns.title')} description={t('trainingNeeds.campaigns.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('trainingNeeds.campaigns.new')}</Button>} />
      {campaigns.data.length === 0 ? <Card withBorder><Text c="dimmed">{t('trainingNeeds.campaigns.empty')}</Text></Card> : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainingNeeds.campaigns.campaign')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.campaigns.scope')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.campaigns.dates')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.campaigns.status')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.campaigns.answered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row"><Anchor component={Link} to={`/training/campaigns/${c.id}`}>{c.title}</Anchor></Table.Th>
                  <Table.Td>{c.officeName ?? c.institutionName}</Table.Td>
                  <Table.Td>{t('trainingNeeds.campaigns.range', { from: formatDate(c.opensOn, language), to: formatDate(c.closesOn, language) })}</Table.Td>
                  <Table.Td><CampaignStatusBadge status={c.status} /></Table.Td>
                  <Table.Td><Text size="sm">{t('trainingNeeds.campaigns.answeredCount', { answered: c.responseCount, staff: c.staffCount })}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal opened={creating} title={t('trainingNeeds.campaigns.new')} onClose={() => setCreating(false)}>
        <CampaignForm campaign={null} onDone={(saved) => { setCreating(false); void navigate(`/training/campaigns/${saved.id}`); }} />
      </FormModal>
    </Stack>
  );
}
