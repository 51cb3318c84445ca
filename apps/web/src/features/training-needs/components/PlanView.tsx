import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCampaign } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { FORMAT_LABEL, LEVEL_LABEL } from '../../../lib/training-labels.ts';
import { useTrainingPlan } from '../api/training-needs.ts';
import { EnrolFromPlan } from './EnrolFromPlan.tsx';
import { PRIORITY_LABEL } from './labels.ts';
import { reasonText } from './reasons.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

const PRIORITY_TONE = { high: 'negative', medium: 'info', low: 'neutral' } as const satisfies Record<string, BadgeTone>;
const level = (code: string | null) => (code && code in LEVEL_LABEL ? LEVEL_LABEL[code as keyof typeof LEVEL_LABEL] : null);

/** The gap analysis: what it is based on, sessions to plan per module and format, and each proposal with its reasons. */
export function PlanView({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const plan = useTrainingPlan(campaign.id);
  if (plan.isPending) return <LoadingState />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const { basis, summary, items } = plan.data;
  const link = (format: 'csv' | 'xlsx') => `/api/training/campaigns/${campaign.id}/plan?format=${format}`;
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="plan-basis">
        <Title order={3} size="h5" id="plan-basis" mb="xs">{t('trainingNeeds.plan.basis')}</Title>
        <Text size="sm">{t('trainingNeeds.plan.basisText', {
          responded: basis.responded, staff: basis.staff, from: formatDate(basis.caseloadFrom, language), to: formatDate(basis.caseloadTo, language),
        })}</Text>
        <Table mt="xs" withTableBorder>
          <caption>{t('trainingNeeds.plan.caseloadCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingNeeds.plan.columns.office')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.plan.claims')}</Table.Th>
              <Table.Th scope="col">{t('trainingNeeds.plan.shares')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {basis.offices.map((o) => (
              <Table.Tr key={o.officeId}>
                <Table.Th scope="row">{o.officeName}</Table.Th>
                <Table.Td>{o.claims}</Table.Td>
                <Table.Td>{o.shares.length === 0 ? '—' : o.shares.map((s) => t('trainingNeeds.plan.share', {
                  competency: s.competency, share: Math.round(s.share * 100), claims: s.claims })).join(' · ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder component="section" aria-labelledby="plan-summary">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5" id="plan-summary">{t('trainingNeeds.plan.summary')}</Title>
          <Group gap="md">
            <Anchor href={link('csv')} size="sm">{t('trainingNeeds.plan.downloadCsv')}</Anchor>
            <Anchor href={link('xlsx')} size="sm">{t('trainingNeeds.plan.downloadXlsx')}</Anchor>
          </Group>
        </Group>
        {summary.length === 0 ? <Text size="sm">{t('trainingNeeds.plan.nothing')}</Text> : (
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.module')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.level')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.format')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.people')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.sessions')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.act')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.map((s) => (
                <Table.Tr key={`${s.moduleCode}-${s.format}`}>
                  <Table.Th scope="row">{s.moduleCode} · {s.moduleTitle}</Table.Th>
                  <Table.Td>{level(s.level) ? t(level(s.level)!) : s.level}</Table.Td>
                  <Table.Td>{t(FORMAT_LABEL[s.format])}</Table.Td>
                  <Table.Td>{s.people}</Table.Td>
                  <Table.Td>{s.suggestedSessions}</Table.Td>
                  <Table.Td>
                    <EnrolFromPlan moduleId={items.find((i) => i.moduleCode === s.moduleCode)!.moduleId!} moduleCode={s.moduleCode}
                      people={items.filter((i) => i.moduleCode === s.moduleCode && i.format === s.format)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <section aria-labelledby="plan-items">
        <Title order={3} size="h5" id="plan-items" mb="xs">{t('trainingNeeds.plan.items', { count: items.length })}</Title>
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.priority')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.person')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.module')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.format')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.step')}</Table.Th>
                <Table.Th scope="col">{t('trainingNeeds.plan.columns.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={`${i.userId}-${i.moduleCode ?? i.competencies[0]?.code}`}>
                  <Table.Td><StateBadge tone={PRIORITY_TONE[i.priority]}>{t(PRIORITY_LABEL[i.priority])}</StateBadge></Table.Td>
                  <Table.Th scope="row">{i.fullName}<Text size="xs">{i.officeName}</Text></Table.Th>
                  <Table.Td>
                    {i.moduleCode ? `${i.moduleCode} · ${i.moduleTitle}` : t('trainingNeeds.plan.noModule')}
                    <Text size="xs">{[level(i.level) ? t(level(i.level)!) : null, i.competencies.map((c) => c.title).join(', ')].filter(Boolean).join(' · ')}</Text>
                  </Table.Td>
                  <Table.Td>{i.format ? t(FORMAT_LABEL[i.format]) : '—'}{i.preferred && <Text size="xs">{t('trainingNeeds.plan.preferred')}</Text>}</Table.Td>
                  <Table.Td>{i.step === 1 ? t('trainingNeeds.plan.stepNow') : t('trainingNeeds.plan.stepAfter')}</Table.Td>
                  <Table.Td>{i.reasons.map((r) => reasonText(t, r)).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}
