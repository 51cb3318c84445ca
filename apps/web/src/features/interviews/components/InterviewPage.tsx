import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { INTERVIEW_STATUS_LABEL, type TInterview } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useMe } from '../../auth/index.ts';
import { interviewKey, INTERVIEWS_KEY, pdfUrl, useInterview } from '../api/interviews.ts';
import { useAutosave, useSaveSummary } from '../autosave/use-autosave.ts';
import { usePresence } from '../autosave/use-presence.ts';
import { BreaksCard } from './BreaksCard.tsx';
import { languageLabel } from './language-label.ts';
import { LockedCard } from './LockedCard.tsx';
import { ParticipantsCard } from './ParticipantsCard.tsx';
import { PresenceBanner } from './PresenceBanner.tsx';
import { ReadBackCard } from './ReadBackCard.tsx';
import { RecordReview } from './RecordReview.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SignaturesCard } from './SignaturesCard.tsx';
import { StageSection } from './StageSection.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/**
 * The officer's working screen for one interview (ADR 025): who is present, each stage of the
 * EUAA method with its checklist and questions, the narrative, breaks — saved as typed — then the
 * read-back with corrections, the signatures, and the locked record with its PDF.
 */
export function InterviewPage() {
  const { id: claimId, interviewId } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const interview = useInterview(interviewId);
  const record = interview.data;
  const { store, restored } = useAutosave(record, me.data?.id);
  const summary = useSaveSummary(store);
  const presence = usePresence(record?.id, Boolean(record?.canWrite && record.status !== 'signed'));
  if (interview.isPending) return <LoadingState />;
  if (!record) return <ErrorAlert error={interview.error} />;

  const replace = (next: TInterview) => {
    queryClient.setQueryData(interviewKey(next.id), next);
    void queryClient.invalidateQueries({ queryKey: [...INTERVIEWS_KEY, 'claim'] });
    // The claim's status and timeline move when the record locks.
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
  };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: interviewKey(record.id) });
  const writing = record.canWrite && record.status === 'in_progress';
  const beforeSigning = record.canWrite && record.status !== 'signed' && record.signatures.length === 0;

  return (
    <Stack>
      <PageHeader title={t('interviews.page.title', { claim: record.claimNumber, person: record.personName })}
        description={t('interviews.page.description', { template: record.template.title, version: record.template.version, language: languageLabel(t, record.language, language) })}
        actions={<Anchor href={pdfUrl(record.id)} download>{record.status === 'signed' ? t('interviews.page.pdf') : t('interviews.page.pdfDraft')}</Anchor>} />
      <Group gap="sm" wrap="wrap">
        <StateBadge tone={record.status === 'signed' ? 'positive' : 'info'}>{t(INTERVIEW_STATUS_LABEL[record.status])}</StateBadge>
        {store && record.status !== 'signed' && record.canWrite && <SaveStatus summary={summary} restored={restored} />}
        <Text size="sm">{t('interviews.page.started', { at: formatDateTime(record.startedAt, language), officer: record.officerName })}</Text>
        {claimId && <Anchor component={Link} to={`/claims/${claimId}`} size="sm">{t('interviews.page.backToClaim')}</Anchor>}
      </Group>
      <PresenceBanner others={presence.others} otherTab={presence.otherTab} />
      {!store ? <LoadingState /> : (
        <>
          <ParticipantsCard record={record} editable={beforeSigning} onChanged={refresh} />
          {record.status === 'in_progress' ? (
            record.template.content.stages.map((stage) => (
              <StageSection key={stage.stage} store={store} stage={stage} record={record} questionsEditable={writing} checklistEditable={writing} />
            ))
          ) : <RecordReview record={record} store={store} onChanged={replace} />}
          <BreaksCard record={record} editable={record.canWrite && record.status !== 'signed'} onChanged={refresh} />
          {record.status === 'in_progress' && record.canWrite && <ReadBackCard record={record} summary={summary} onDone={replace} />}
          {record.status !== 'in_progress' && <SignaturesCard record={record} meId={me.data?.id} onSigned={replace} />}
          <LockedCard record={record} onChanged={refresh} />
        </>
      )}
    </Stack>
  );
}
