import { useState } from 'react';
import { Button, Card, Group, List, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TCampaign } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_NEEDS_KEY, updateCampaign, useCampaign, useCampaignResponses } from '../api/training-needs.ts';
import { CampaignForm } from './CampaignForm.tsx';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';
import { PlanView } from './PlanView.tsx';

const NEXT_STATUS = { draft: 'open', open: 'closed', closed: 'open' } as const;
const NEXT_STATUS_LABEL = {
  draft: 'trainingNeeds.campaign.open', open: 'trainingNeeds.campaign.close', closed: 'trainingNeeds.campaign.reopen',
} as const;

function Responses({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const responses = useCampaignResponses(campaign.id);
  if (responses.isPending) return <LoadingState />;
  if (!responses.data) return <ErrorAlert error={responses.error} />;
  const { responses: answered, pending } = responses.data;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <caption>{t('trainingNeeds.responses.caption', { count: answered.length })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingNeeds.responses.person')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.responses.years')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.responses.format')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.responses.languages')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.responses.comments')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.responses.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {answered.map((r) => (
              <Table.Tr key={r.userId}>
                <Table.Th scope="row">{r.fullName}<Text size="xs">{[r.officeName, t(`roles.names.${r.roleCode}`)].filter(Boolean).join(' · ')}</Text></Table.Th>
                <Table.Td>{r.yearsExperience}</Table.Td>
                <Table.Td>{t(FORMAT_LABEL[r.preferredFormat])}</Table.Td>
                <Table.Td>{r.languages.map((l) => t(`common.languages.${l}`)).join(', ')}</Table.Td>
                <Table.Td>{r.comments ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(r.submittedAt, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder component="section" aria-labelledby="pending-title">
        <Title order={3} size="h5" id="pending-title" mb="xs">{t('trainingNeeds.responses.pending', { count: pending.length })}</Title>
        {pending.length === 0 ? <Text size="sm">{t('trainingNeeds.responses.allAnswered')}</Text> : (
          <List size="sm">{pending.map((p) => <List.Item key={p.userId}>{p.fullName}{p.officeName ? ` · ${p.officeName}` : ''}</List.Item>)}</List>
        )}
      </Card>
    </Stack>
  );
}

/** One campaign: open or close it, follow the answers, read and export the proposed plan. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const campaign = useCampaign(id);
  const [editing, setEditing] = useState(false);
  const move = useMutation({
    mutationFn: (c: TCampaign) => updateCampaign(c.id, {
      title: c.title, description: c.description, officeId: c.officeId, opensOn: c.opensOn, closesOn: c.closesOn,
      caseloadMonths: c.caseloadMonths, status: NEXT_STATUS[c.status], version: c.version,
    }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TRAINING_NEEDS_KEY }),
  });
  if (campaign.isPending) return <LoadingState />;
  if (!campaign.data) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  return (
    <Stack>
      <PageHeader title={c.title} description={c.description ?? undefined} actions={(
        <>
          <Button variant="default" onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          <Button loading={move.isPending} onClick={() => move.mutate(c)}>{t(NEXT_STATUS_LABEL[c.status])}</Button>
        </>
      )} />
      <ErrorAlert error={move.error} />
      <Group gap="lg">
        <CampaignStatusBadge status={c.status} />
        <Text size="sm">{c.officeName ?? c.institutionName}</Text>
        <Text size="sm">{t('trainingNeeds.campaigns.range', { from: formatDate(c.opensOn, language), to: formatDate(c.closesOn, language) })}</Text>
        <Text size="sm">{t('trainingNeeds.campaigns.answeredCount', { answered: c.responseCount, staff: c.staffCount })}</Text>
      </Group>
      <Tabs defaultValue="plan" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan">{t('trainingNeeds.campaign.planTab')}</Tabs.Tab>
          <Tabs.Tab value="responses">{t('trainingNeeds.campaign.responsesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md"><PlanView campaign={c} /></Tabs.Panel>
        <Tabs.Panel value="responses" pt="md"><Responses campaign={c} /></Tabs.Panel>
      </Tabs>
      <FormModal opened={editing} title={t('trainingNeeds.campaign.edit')} onClose={() => setEditing(false)}>
        <CampaignForm campaign={c} onDone={() => setEditing(false)} />
      </FormModal>
    </Stack>
  );
}
