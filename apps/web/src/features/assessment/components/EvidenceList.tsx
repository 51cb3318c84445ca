import { Anchor, Blockquote, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAssessment, TEvidence } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { evidenceFileUrl, removeEvidence } from '../api/assessment.ts';
import { EVIDENCE_KIND_LABEL } from '../labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function EvidenceItem({ claimId, item, interviews, maxAgeYears, editable }: {
  claimId: string; item: TEvidence; interviews: TAssessment['signedInterviews']; maxAgeYears: number; editable: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeEvidence(claimId, item.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['claims', claimId] }),
  });
  const interview = interviews.find((i) => i.id === item.interviewId);
  return (
    <Stack gap={2} data-evidence={item.kind}>
      <Group gap="xs" wrap="wrap">
        <StateBadge tone="info" look="outline">{t(EVIDENCE_KIND_LABEL[item.kind])}</StateBadge>
        <Text size="sm" fw={500}>{item.description}</Text>
        {item.coiSource?.outdated && <StateBadge tone="warning">{t('coi.outdated', { years: maxAgeYears })}</StateBadge>}
        {item.coiSource?.status === 'retired' && <StateBadge tone="neutral">{t('coi.retired')}</StateBadge>}
      </Group>
      {item.kind === 'statement' && (
        <Text size="xs" c="dimmed">
          {t('assessment.evidence.fromInterview', { date: interview?.signedAt ? formatDateTime(interview.signedAt, language) : '—' })}
          {item.questionCode ? ` · ${t('assessment.evidence.question', { code: item.questionCode })}` : ''}
        </Text>
      )}
      {item.quote && <Blockquote p="xs" fz="sm">{item.quote}</Blockquote>}
      {item.coiSource && (
        <>
          {item.coiPassage && <Blockquote p="xs" fz="sm">{item.coiPassage}</Blockquote>}
          <Text size="xs">{item.coiSource.citation}</Text>
        </>
      )}
      {item.file && <Anchor size="sm" href={evidenceFileUrl(claimId, item.id)}>{t('assessment.evidence.download', { name: item.file.fileName })}</Anchor>}
      {item.sha256 && <Text size="xs" c="dimmed" ff="monospace">SHA-256 {item.sha256}</Text>}
      <ErrorAlert error={remove.error} />
      {editable && (
        <Group>
          <Button size="compact-xs" variant="default" loading={remove.isPending} onClick={() => remove.mutate()}
            aria-label={t('assessment.evidence.removeFor', { description: item.description })}>{t('assessment.evidence.remove')}</Button>
        </Group>
      )}
    </Stack>
  );
}

/** A fact's evidence, each item with what it quotes or cites and its hash. */
export function EvidenceList({ claimId, evidence, interviews, maxAgeYears, editable }: {
  claimId: string; evidence: TEvidence[]; interviews: TAssessment['signedInterviews']; maxAgeYears: number; editable: boolean;
}) {
  const { t } = useTranslation();
  if (evidence.length === 0) return <Text size="sm" c="dimmed">{t('assessment.evidence.none')}</Text>;
  return (
    <Stack gap="sm">
      {evidence.map((item) => <EvidenceItem key={item.id} claimId={claimId} item={item} interviews={interviews} maxAgeYears={maxAgeYears} editable={editable} />)}
    </Stack>
  );
}
