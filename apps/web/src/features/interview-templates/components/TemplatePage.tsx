import { useState } from 'react';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AUDIENCE_LABEL, QUESTION_TYPE_LABEL, STAGE_LABEL, type TInterviewTemplate } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { publishTemplate, TEMPLATES_KEY, useTemplate, useTemplates } from '../api/interview-templates.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import { TemplateStatusBadge } from './TemplatesPage.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function TemplateView({ template }: { template: TInterviewTemplate }) {
  const { t } = useTranslation();
  return (
    <Stack>
      {template.content.stages.map((stage) => (
        <Card key={stage.stage} withBorder component="section" aria-labelledby={`view-${stage.stage}`}>
          <Title order={2} size="h4" id={`view-${stage.stage}`} mb={4}>{t(STAGE_LABEL[stage.stage])}</Title>
          {stage.guidance && <Text size="sm" c="dimmed" mb="xs">{stage.guidance}</Text>}
          {stage.checklist.length > 0 && (
            <>
              <Title order={3} size="h5" mt="xs">{t('interviews.editor.checklist')}</Title>
              <List size="sm" spacing={2}>{stage.checklist.map((c) => <List.Item key={c.id}>{c.text}</List.Item>)}</List>
            </>
          )}
          {stage.questions.length > 0 && (
            <>
              <Title order={3} size="h5" mt="xs">{t('interviews.editor.questions')}</Title>
              <List size="sm" spacing={4} type="ordered">
                {stage.questions.map((q) => (
                  <List.Item key={q.id}>
                    {q.text} <Text span size="xs" c="dimmed">· {t(QUESTION_TYPE_LABEL[q.type])}{q.options.length > 0 ? `: ${q.options.map((o) => o.label).join(', ')}` : ''}</Text>
                    {q.sensitive && <StateBadge tone="sensitive" ml="xs" size="xs">{t('interviews.editor.sensitiveBadge')}</StateBadge>}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** One questionnaire version: its content, its other versions, and (for managers) edit and publish. */
export function TemplatePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const template = useTemplate(id);
  const all = useTemplates();
  const [editing, setEditing] = useState(false);
  const publish = useMutation({
    mutationFn: (x: TInterviewTemplate) => publishTemplate(x.id, x.rowVersion),
    onSuccess: (x) => { notifySuccess(t('interviews.template.publishedNotice', { version: x.version })); void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }); },
  });
  if (template.isPending) return <LoadingState />;
  if (!template.data) return <ErrorAlert error={template.error} />;
  const x = template.data;
  const versions = (all.data ?? []).filter((v) => v.code === x.code);
  const saved = (next: TInterviewTemplate) => {
    setEditing(false);
    void queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY });
    notifySuccess(next.id === x.id ? t('interviews.template.savedNotice') : t('interviews.template.newVersionNotice', { version: next.version }));
    if (next.id !== x.id) void navigate(`/interview-templates/${next.id}`);
  };
  return (
    <Stack>
      <PageHeader title={x.title} description={`${t(AUDIENCE_LABEL[x.audience])} · ${t('interviews.templates.versionNumber', { version: x.version })}`}
        actions={!editing && (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>{x.status === 'draft' ? t('interviews.template.editDraft') : t('interviews.template.edit')}</Button>
            {x.status === 'draft' && <Button onClick={() => publish.mutate(x)} loading={publish.isPending}>{t('interviews.template.publish')}</Button>}
          </>
        )} />
      <Group gap="sm">
        <TemplateStatusBadge status={x.status} />
        {x.publishedAt && <Text size="sm">{t('interviews.template.publishedOn', { date: formatDate(x.publishedAt, language) })}</Text>}
        <Text size="sm">{t('interviews.template.usedBy', { count: x.interviewCount })}</Text>
      </Group>
      {x.status !== 'draft' && !editing && <Text size="sm" c="dimmed">{t('interviews.template.immutable')}</Text>}
      <ErrorAlert error={publish.error} />
      {versions.length > 1 && (
        <Card withBorder component="nav" aria-label={t('interviews.template.versions')}>
          <Title order={2} size="h5" mb={4}>{t('interviews.template.versions')}</Title>
          <Group gap="md">
            {versions.map((v) => (v.id === x.id
              ? <Text key={v.id} size="sm" fw={700} aria-current="page">{t('interviews.templates.versionNumber', { version: v.version })}</Text>
              : <Anchor key={v.id} component={Link} to={`/interview-templates/${v.id}`} size="sm">{t('interviews.templates.versionNumber', { version: v.version })}</Anchor>))}
          </Group>
        </Card>
      )}
      {editing ? <TemplateEditor template={x} onSaved={saved} onCancel={() => setEditing(false)} /> : <TemplateView template={x} />}
    </Stack>
  );
}
