import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { INTERVIEW_STATUS_LABEL, METHOD_LABEL, ROLE_LABEL } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useMyInterview } from '../api/interviews.ts';
import { languageLabel } from './language-label.ts';

/** One interview an interpreter took part in: when, where, who, breaks, their signature. */
export function MyInterviewPage() {
  const { interviewId } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = useMyInterview(interviewId);
  if (mine.isPending) return <LoadingState />;
  if (!mine.data) return <ErrorAlert error={mine.error} />;
  const i = mine.data;
  return (
    <Stack>
      <PageHeader title={t('interviews.mine.detailTitle', { claim: i.claimNumber })} description={`${i.officeName} · ${languageLabel(t, i.language, language)}`} />
      <Card withBorder>
        <Stack gap={4}>
          <Text size="sm">{t('interviews.mine.status')}: {t(INTERVIEW_STATUS_LABEL[i.status])}</Text>
          <Text size="sm">{t('interviews.mine.times', { start: formatDateTime(i.startedAt, language), end: i.endedAt ? formatDateTime(i.endedAt, language) : '—' })}</Text>
          <Text size="sm">{t('interviews.mine.officer', { name: i.officerName })}</Text>
          <Text size="sm">{i.mySignature
            ? t('interviews.mine.signed', { method: t(METHOD_LABEL[i.mySignature.method]), at: formatDateTime(i.mySignature.signedAt, language) })
            : t('interviews.mine.notSigned')}</Text>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="mine-participants">
        <Title order={2} size="h4" id="mine-participants" mb="xs">{t('interviews.participants.title')}</Title>
        <List size="sm">{i.participants.map((p) => <List.Item key={`${p.role}-${p.fullName}`}>{t(ROLE_LABEL[p.role])}: {p.fullName}</List.Item>)}</List>
      </Card>
      <Card withBorder component="section" aria-labelledby="mine-breaks">
        <Title order={2} size="h4" id="mine-breaks" mb="xs">{t('interviews.breaks.title')}</Title>
        {i.breaks.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.breaks.none')}</Text> : (
          <List size="sm">{i.breaks.map((b) => <List.Item key={b.id}>{formatDateTime(b.startedAt, language)} – {b.endedAt ? formatDateTime(b.endedAt, language) : t('interviews.breaks.ongoing')}</List.Item>)}</List>
        )}
      </Card>
    </Stack>
  );
}
