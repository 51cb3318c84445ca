import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INTERVIEW_STATUS_LABEL } from '@refugio/domain';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useMyInterviews } from '../api/interviews.ts';
import { languageLabel } from './language-label.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The interviews an interpreter took part in: their participation, not the claims (ADR 024). */
export function MyInterviewsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const mine = useMyInterviews();
  if (mine.isPending) return <LoadingState />;
  if (!mine.data) return <ErrorAlert error={mine.error} />;
  return (
    <Stack>
      <PageHeader title={t('interviews.mine.title')} description={t('interviews.mine.description')} />
      {mine.data.length === 0 ? <Card withBorder><Text c="dimmed">{t('interviews.mine.empty')}</Text></Card> : (
        <DataTable caption={t('interviews.mine.title')} rows={mine.data} rowKey={(i) => i.id} columns={[
          { key: 'when', header: t('interviews.mine.when'), render: (i) => <Anchor component={Link} to={`/interviews/mine/${i.id}`}>{formatDateTime(i.startedAt, language)}</Anchor> },
          { key: 'claim', header: t('interviews.mine.claim'), render: (i) => `${i.claimNumber} · ${i.applicantName}` },
          { key: 'office', header: t('interviews.mine.office'), render: (i) => i.officeName },
          { key: 'language', header: t('interviews.mine.language'), render: (i) => languageLabel(t, i.language, language) },
          { key: 'status', header: t('interviews.mine.status'), render: (i) => <StateBadge tone={i.status === 'signed' ? 'positive' : 'info'}>{t(INTERVIEW_STATUS_LABEL[i.status])}</StateBadge> },
        ]} />
      )}
    </Stack>
  );
}
