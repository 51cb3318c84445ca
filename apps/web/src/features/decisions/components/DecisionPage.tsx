import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DECISION_SECTIONS, isAppealable, isPositive, type TDecision } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { decisionPdfUrl, inmNoticeUrl, useDecisionPage } from '../api/decisions.ts';
import { AppealPanel } from './AppealPanel.tsx';
import { GenerateForm } from './GenerateForm.tsx';
import { METHOD_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels.ts';
import { NotificationForm } from './NotificationForm.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function Summary({ decision }: { decision: TDecision }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card withBorder component="section" aria-labelledby="summary-title">
      <Title order={2} size="h4" id="summary-title" mb="xs">{t('decisions.summary.title')}</Title>
      <Stack gap="xs">
        <Group gap="xs">
          <StateBadge tone="info" look="outline" size="lg">{t(STATUS_LABEL[decision.status])}</StateBadge>
          <Text fw={600}>{t(OUTCOME_LABEL[decision.outcome])}</Text>
        </Group>
        <Text size="sm">
          {t('decisions.summary.legalBasis')}: {decision.legalBasis.citation}
          {!decision.legalBasis.verified && <StateBadge tone="warning" look="outline" ml="xs">{t('decisions.summary.unverified')}</StateBadge>}
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">{t('decisions.summary.person')}</Table.Th><Table.Th scope="col">{t('decisions.summary.outcome')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decision.personOutcomes.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>{p.fullName}</Table.Td>
                <Table.Td>{t(OUTCOME_LABEL[p.outcome])}{p.derivative ? ` · ${t('decisions.summary.derivative')}` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {decision.drafter && <Text size="sm">{t('decisions.summary.drafter', { name: decision.drafter.fullName })}</Text>}
        {decision.approvedBy && decision.approvedAt && <Text size="sm">{t('decisions.summary.approved', { name: decision.approvedBy.fullName, at: formatDateTime(decision.approvedAt, language) })}</Text>}
        {decision.signedBy && decision.signedAt && <Text size="sm">{t('decisions.summary.signed', { name: decision.signedBy.fullName, at: formatDateTime(decision.signedAt, language) })}</Text>}
        {decision.verificationCode && (
          <Text size="sm">
            {t('decisions.summary.code')}: <strong>{decision.verificationCode}</strong>{' · '}
            <Anchor component={Link} to={`/verify-decision/${decision.verificationCode}`}>{t('decisions.summary.verifyLink')}</Anchor>
          </Text>
        )}
        {decision.pdfSha256 && <Text size="xs" c="dimmed">SHA-256 {decision.pdfSha256}</Text>}
        {decision.assessmentChanged && <Text size="sm" c="orange.9">{t('decisions.summary.assessmentChanged')}</Text>}
        {decision.redacted && <Text size="sm" c="dimmed">{t('decisions.redacted')}</Text>}
        <Group gap="md">
          {!decision.redacted && <Anchor href={decisionPdfUrl(decision.claimId)}>{decision.verificationCode ? t('decisions.summary.pdf') : t('decisions.summary.draftPdf')}</Anchor>}
          {decision.notification && isPositive(decision.outcome) && <Anchor href={inmNoticeUrl(decision.claimId)}>{t('decisions.summary.inmNotice')}</Anchor>}
        </Group>
        {decision.notification && (
          <Text size="sm">
            {t('decisions.summary.notified', {
              at: formatDateTime(decision.notification.notifiedAt, language), place: decision.notification.place,
              method: t(METHOD_LABEL[decision.notification.method]), language: decision.notification.language,
            })}
            {' '}{decision.notification.acknowledged ? t('decisions.summary.acknowledged') : t('decisions.summary.refused', { reason: decision.notification.refusalReason ?? '' })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * A claim's reasoned decision (ADR 030): generated from the assessment, its six sections edited
 * one by one, reviewed by a second officer, signed, notified, and appealed.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const page = useDecisionPage(id);
  usePageTitle(t('decisions.page.title', { claim: page.data?.claimNumber ?? '' }));
  if (page.isPending) return <LoadingState />;
  if (!page.data) return <ErrorAlert error={page.error} />;
  const p = page.data;
  const d = p.decision;
  return (
    <>
      <PageHeader title={t('decisions.page.title', { claim: p.claimNumber })} description={t('decisions.page.intro')}
        actions={(
          <Group gap="md">
            <Anchor component={Link} to={`/claims/${p.claimId}/assessment`}>{t('decisions.page.toAssessment')}</Anchor>
            <Anchor component={Link} to={`/claims/${p.claimId}`}>{t('decisions.page.backToClaim')}</Anchor>
          </Group>
        )} />
      <Stack>
        {!d && !p.canGenerate && <Text c="dimmed">{t('decisions.page.none')}</Text>}
        {!d && p.canGenerate && <GenerateForm page={p} />}
        {d && (
          <>
            <Summary decision={d} />
            {(d.can.submit || d.can.review || d.can.sign || d.comments.length > 0 || d.reviewer) && <ReviewPanel decision={d} />}
            {d.can.notify && <NotificationForm decision={d} />}
            {(d.notification && isAppealable(d.outcome)) && <AppealPanel decision={d} />}
            {DECISION_SECTIONS.map((s) => <SectionEditor key={`${s}-${d.status}`} decision={d} section={s} />)}
          </>
        )}
      </Stack>
    </>
  );
}
