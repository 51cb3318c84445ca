import { useState } from 'react';
import { Anchor, Button, Card, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INTERVIEW_STATUS_LABEL } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useClaimInterviews } from '../api/interviews.ts';
import { StartInterviewDialog } from './StartInterviewDialog.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** A claim's personal interviews, and the start of a new one when an interview is scheduled. */
export function ClaimInterviewsCard({ claim, mayUpdate }: { claim: { id: string; status: string }; mayUpdate: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const interviews = useClaimInterviews(claim.id);
  const [starting, setStarting] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="interviews-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="interviews-title">{t('interviews.card.title')}</Title>
        {mayUpdate && claim.status === 'interview_scheduled' && <Button size="xs" onClick={() => setStarting(true)}>{t('interviews.card.start')}</Button>}
      </Group>
      <ErrorAlert error={interviews.error} />
      {interviews.data && (interviews.data.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.card.none')}</Text> : (
        <List spacing="xs" listStyleType="none">
          {interviews.data.map((i) => (
            <List.Item key={i.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/claims/${claim.id}/interviews/${i.id}`} size="sm">
                  {t('interviews.card.item', { person: i.personName, at: formatDateTime(i.startedAt, language) })}
                </Anchor>
                <StateBadge tone={i.status === "signed" ? 'positive' : 'info'} size="sm">{t(INTERVIEW_STATUS_LABEL[i.status])}</StateBadge>
              </Group>
              <Text size="xs" c="dimmed">{t('interviews.card.details', { template: i.templateTitle, version: i.templateVersion, officer: i.officerName })}</Text>
            </List.Item>
          ))}
        </List>
      ))}
      {starting && <StartInterviewDialog claimId={claim.id} onClose={() => setStarting(false)} />}
    </Card>
  );
}
