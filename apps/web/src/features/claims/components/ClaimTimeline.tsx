import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { useClaimTimeline } from '../api/claims.ts';
import { EVENT_KIND_LABEL, STATUS_LABEL } from './labels.ts';

/** What happened to the claim, oldest first. */
export function ClaimTimeline({ claimId }: { claimId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const events = useClaimTimeline(claimId);
  return (
    <Card withBorder component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">{t('intake.timeline.title')}</Title>
      <ErrorAlert error={events.error} />
      <Timeline bulletSize={14} lineWidth={2}>
        {events.data?.map((e) => {
          const category = typeof e.details.category === 'string' ? t(labelKey(CATEGORY_LABEL, e.details.category)) : null;
          return (
            <Timeline.Item key={e.id} title={t(labelKey(EVENT_KIND_LABEL, e.kind))}>
              {e.toStatus && (
                <Text size="sm">{e.fromStatus ? `${t(labelKey(STATUS_LABEL, e.fromStatus))} → ` : ''}{t(labelKey(STATUS_LABEL, e.toStatus))}</Text>
              )}
              {e.kind.startsWith('flag_') && <Text size="sm">{category ?? t('intake.flags.sensitive')}</Text>}
              {/* Who, whom and what: the officer given the claim, and who held it before. */}
              {e.kind === 'assigned' && (
                <Text size="sm">
                  {e.assignedTo ? t('intake.timeline.assignedTo', { name: e.assignedTo }) : t('intake.timeline.unassigned')}
                  {e.assignedFrom && ` ${t('intake.timeline.previously', { name: e.assignedFrom })}`}
                </Text>
              )}
              {e.reason && <Text size="sm">{t('intake.timeline.reason')}: {e.reason}</Text>}
              <Text size="xs" c="dimmed">{formatDateTime(e.occurredAt, language)}{e.actor ? ` · ${t('intake.timeline.by', { name: e.actor })}` : ''}</Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
