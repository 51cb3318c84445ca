import { useState } from 'react';
import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BOD_CONDITIONS, CREDIBILITY_INDICATORS, type TAssessment, type TMaterialFact } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { removeFact } from '../api/assessment.ts';
import { BOD_LABEL, CONCLUSION_TONE, CONCLUSION_LABEL, FACT_KIND_LABEL, INDICATOR_LABEL, INDICATOR_VALUE_LABEL } from '../labels.ts';
import { EvidenceForm } from './EvidenceForm.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { FactForm } from './FactForm.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

interface Props {
  claimId: string;
  assessment: TAssessment;
  fact: TMaterialFact;
  number: number;
  country?: string | undefined;
  onMove: (direction: -1 | 1) => void;
  moving: boolean;
}

/** One material fact: what is stated, how credible, the conclusion with its reasons, and the evidence for it. */
export function FactCard({ claimId, assessment, fact, number, country, onMove, moving }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [addingEvidence, setAddingEvidence] = useState(false);
  const remove = useMutation({
    mutationFn: () => removeFact(claimId, fact.id, fact.version),
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  const editable = assessment.editable && !fact.redacted;
  const headingId = `fact-${fact.id}-title`;
  const kind = t(labelKey(FACT_KIND_LABEL, fact.kind));
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-fact={number} data-conclusion={fact.conclusion ?? 'none'}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h5" id={headingId}>{t('assessment.facts.heading', { number, kind })}</Title>
            <StateBadge tone={CONCLUSION_TONE[fact.conclusion ?? 'none']}>
              {fact.conclusion ? t(CONCLUSION_LABEL[fact.conclusion]) : t('assessment.conclusions.none')}
            </StateBadge>
            {fact.sensitive && <StateBadge tone="sensitive" look="outline">{t('assessment.facts.sensitiveBadge')}</StateBadge>}
          </Group>
          {editable && !editing && (
            <Group gap={4}>
              <Button size="compact-sm" variant="default" disabled={number === 1 || moving} onClick={() => onMove(-1)}
                aria-label={t('assessment.facts.moveUp', { number })}>↑</Button>
              <Button size="compact-sm" variant="default" disabled={number === assessment.facts.length || moving} onClick={() => onMove(1)}
                aria-label={t('assessment.facts.moveDown', { number })}>↓</Button>
              <Button size="compact-sm" onClick={() => setEditing(true)} aria-label={t('assessment.facts.editFor', { number })}>{t('assessment.facts.edit')}</Button>
              <Button size="compact-sm" variant="default" loading={remove.isPending} onClick={() => remove.mutate()}
                aria-label={t('assessment.facts.removeFor', { number })}>{t('assessment.facts.remove')}</Button>
            </Group>
          )}
        </Group>
        <ErrorAlert error={remove.error} />
        {fact.redacted ? <Text size="sm" c="dimmed">{t('assessment.facts.redacted')}</Text> : editing
          ? <FactForm claimId={claimId} fact={fact} number={number} canReadSensitive={assessment.canReadSensitive} onDone={() => setEditing(false)} />
          : (
            <>
              <Text>{fact.statement}</Text>
              <Stack gap={2}>
                {CREDIBILITY_INDICATORS.map((indicator) => {
                  const value = fact[indicator];
                  const notes = fact[`${indicator}Notes`];
                  return (
                    <Text size="sm" key={indicator}>
                      <strong>{t(INDICATOR_LABEL[indicator])}:</strong> {value ? t(INDICATOR_VALUE_LABEL[value]) : t('assessment.indicatorValues.none')}
                      {notes ? ` — ${notes}` : ''}
                    </Text>
                  );
                })}
                {fact.chanceToExplain !== null && (
                  <Text size="sm">
                    <strong>{t('assessment.facts.chanceToExplain')}:</strong> {fact.chanceToExplain ? t('assessment.facts.chanceGiven') : t('assessment.facts.chanceNotGiven')}
                    {fact.explanation ? ` — ${fact.explanation}` : ''}
                  </Text>
                )}
                {fact.conclusion === 'benefit_of_doubt' && (
                  <Text size="sm"><strong>{t('assessment.bod.legend')}:</strong> {BOD_CONDITIONS.filter((c) => fact[c]).map((c) => t(BOD_LABEL[c])).join('; ')}</Text>
                )}
                {fact.reasons && <Text size="sm"><strong>{t('assessment.facts.reasons')}:</strong> {fact.reasons}</Text>}
              </Stack>
            </>
          )}
        {!fact.redacted && (
          <>
            <Divider label={t('assessment.evidence.title')} labelPosition="left" />
            <EvidenceList claimId={claimId} evidence={fact.evidence} interviews={assessment.signedInterviews} maxAgeYears={assessment.coiMaxAgeYears} editable={editable} />
            {editable && (addingEvidence
              ? <EvidenceForm claimId={claimId} factId={fact.id} number={number} interviews={assessment.signedInterviews} country={country} onDone={() => setAddingEvidence(false)} />
              : <Group><Button size="compact-sm" variant="light" onClick={() => setAddingEvidence(true)} aria-label={t('assessment.evidence.addFor', { number })}>{t('assessment.evidence.add')}</Button></Group>)}
          </>
        )}
      </Stack>
    </Card>
  );
}
