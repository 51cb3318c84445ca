import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AUDIENCE_LABEL, TEMPLATE_STATUS_LABEL, type TTemplateSummary } from '@refugio/domain';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { installTemplates, TEMPLATES_KEY, useTemplates } from '../api/interview-templates.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

export function TemplateStatusBadge({ status }: { status: TTemplateSummary['status'] }) {
  const { t } = useTranslation();
  const tone = status === 'published' ? 'positive' : status === 'draft' ? 'info' : 'neutral';
  return <StateBadge tone={tone}>{t(TEMPLATE_STATUS_LABEL[status])}</StateBadge>;
}

/** The authority's questionnaires: the latest version of each, with how many interviews each version carries. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const install = useMutation({
    mutationFn: () => installTemplates(newIdempotencyKey()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
  if (templates.isPending) return <LoadingState />;
  if (!templates.data) return <ErrorAlert error={templates.error} />;
  const latest = templates.data.filter((x, i, all) => all.findIndex((y) => y.code === x.code) === i);
  return (
    <Stack>
      <PageHeader title={t('interviews.templates.title')} description={t('interviews.templates.description')} />
      {latest.length === 0 ? (
        <Card withBorder>
          <Stack gap="sm">
            <Text>{t('interviews.templates.empty')}</Text>
            <ErrorAlert error={install.error} />
            <Group><Button onClick={() => install.mutate()} loading={install.isPending}>{t('interviews.templates.install')}</Button></Group>
          </Stack>
        </Card>
      ) : (
        <DataTable caption={t('interviews.templates.title')} rows={latest} rowKey={(x) => x.id} columns={[
          { key: 'title', header: t('interviews.templates.questionnaire'), render: (x) => <Anchor component={Link} to={`/interview-templates/${x.id}`}>{x.title}</Anchor> },
          { key: 'audience', header: t('interviews.templates.audience'), render: (x) => t(AUDIENCE_LABEL[x.audience]) },
          { key: 'version', header: t('interviews.templates.version'), render: (x) => t('interviews.templates.versionNumber', { version: x.version }) },
          { key: 'status', header: t('interviews.templates.status'), render: (x) => <TemplateStatusBadge status={x.status} /> },
          { key: 'published', header: t('interviews.templates.publishedAt'), render: (x) => (x.publishedAt ? formatDate(x.publishedAt, language) : '—') },
          { key: 'questions', header: t('interviews.templates.questions'), render: (x) => x.questionCount },
        ]} />
      )}
    </Stack>
  );
}
