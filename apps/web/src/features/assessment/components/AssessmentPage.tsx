import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAssessment } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { canAny, useMe } from '../../auth/index.ts';
import { openAssessment, reorderFacts, useAssessedClaim, useAssessment } from '../api/assessment.ts';
import { AddFactForm } from './AddFactForm.tsx';
import { AnalysisForm } from './AnalysisForm.tsx';
import { ExclusionReview } from './ExclusionReview.tsx';
import { FactCard } from './FactCard.tsx';

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={intro ? 2 : 'sm'}>{title}</Title>
      {intro && <Text size="sm" c="dimmed" mb="sm">{intro}</Text>}
      {children}
    </Card>
  );
}

function Facts({ claimId, assessment, country }: { claimId: string; assessment: TAssessment; country?: string | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const move = useMutation({
    mutationFn: ({ index, direction }: { index: number; direction: -1 | 1 }) => {
      const ids = assessment.facts.map((f) => f.id);
      const [moved] = ids.splice(index, 1);
      ids.splice(index + direction, 0, moved!);
      return reorderFacts(claimId, { version: assessment.version, factIds: ids });
    },
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  return (
    <Stack gap="md">
      <ErrorAlert error={move.error} />
      {assessment.facts.length === 0 && <Text size="sm" c="dimmed">{t('assessment.facts.none')}</Text>}
      {assessment.facts.map((fact, index) => (
        <FactCard key={fact.id} claimId={claimId} assessment={assessment} fact={fact} number={index + 1} country={country}
          moving={move.isPending} onMove={(direction) => move.mutate({ index, direction })} />
      ))}
      {assessment.editable && (adding
        ? <AddFactForm claimId={claimId} canReadSensitive={assessment.canReadSensitive} onDone={() => setAdding(false)} />
        : <Group><Button onClick={() => setAdding(true)}>{t('assessment.facts.add')}</Button></Group>)}
    </Stack>
  );
}

/**
 * A claim's evidence assessment (ADR 029; EUAA practical guide on evidence assessment): its
 * material facts in order, each with its evidence, credibility and reasoned conclusion; then the
 * risk assessment and the legal analysis; the exclusion's supervisor review when it was considered.
 */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const claim = useAssessedClaim(id);
  const assessment = useAssessment(id);
  const start = useMutation({
    mutationFn: () => openAssessment(id, claim.data!.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['claims', id] }),
  });
  if (claim.isPending || assessment.isPending) return <LoadingState />;
  if (!claim.data) return <ErrorAlert error={claim.error} />;
  const c = claim.data;
  const principal = c.members.find((m) => m.relation === 'principal')?.person;
  const header = (
    <PageHeader title={t('assessment.page.title', { claim: c.claimNumber })} description={t('assessment.page.intro')}
      actions={<Anchor component={Link} to={`/claims/${c.id}`}>{t('assessment.page.backToClaim')}</Anchor>} />
  );
  if (!assessment.data) {
    const notOpened = isApiError(assessment.error, 'NOT_FOUND') && assessment.error.body.reason === 'assessment_not_opened';
    if (!notOpened) return <>{header}<ErrorAlert error={assessment.error} /></>;
    const mayStart = c.status === 'interviewed' && (me.data ? canAny(me.data, 'update', 'claim') : false);
    return (
      <>
        {header}
        <Card withBorder>
          <Stack gap="sm">
            <Text>{t('assessment.page.notOpened')}</Text>
            <ErrorAlert error={start.error} />
            {mayStart && <Group><Button loading={start.isPending} onClick={() => start.mutate()}>{t('assessment.page.open')}</Button></Group>}
          </Stack>
        </Card>
      </>
    );
  }
  const a = assessment.data;
  return (
    <>
      {header}
      <Stack>
        {!a.editable && <Alert color="gray" role="status">{t('assessment.page.closed', { status: t(`intake.statuses.${a.claimStatus}`) })}</Alert>}
        {!a.canReadSensitive && <Alert color="gray">{t('assessment.page.sensitiveHidden')}</Alert>}
        <Section id="facts-title" title={t('assessment.facts.title')} intro={t('assessment.facts.intro')}>
          <Facts claimId={c.id} assessment={a} country={principal?.nationalities[0]} />
        </Section>
        <Section id="analysis-title" title={t('assessment.analysis.title')} intro={t('assessment.analysis.intro')}>
          {a.analysisRedacted
            ? <Text size="sm" c="dimmed">{t('assessment.analysis.redacted')}</Text>
            : <AnalysisForm key={a.version} claimId={c.id} assessment={a} />}
        </Section>
        {a.exclusionConsidered && (
          <Section id="exclusion-title" title={t('assessment.exclusion.title')}>
            <ExclusionReview claimId={c.id} assessment={a} />
          </Section>
        )}
      </Stack>
    </>
  );
}
