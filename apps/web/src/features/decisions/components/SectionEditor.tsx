import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZDecision, type DecisionSection, type TDecision } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { decisionKey, saveSection } from '../api/decisions.ts';
import { SECTION_LABEL } from './labels.ts';

/**
 * One section of the decision: read, or edited and saved on its own with the version it was
 * read at. Someone else's newer save is shown beside the officer's text; they keep theirs (saved
 * over the newer version) or take the saved one — never overwritten silently (ADR 008).
 */
export function SectionEditor({ decision, section }: { decision: TDecision; section: DecisionSection }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = decision.sections[section]!;
  const [text, setText] = useState(saved.text);
  const [base, setBase] = useState(saved.version);
  const [conflict, setConflict] = useState<{ text: string; version: number } | null>(null);
  // A newer save read from the server replaces the text only while the officer has not changed it.
  const [seen, setSeen] = useState(saved);
  if (seen.version !== saved.version) {
    setSeen(saved);
    if (text === seen.text) { setText(saved.text); setBase(saved.version); }
  }
  const id = `section-${section}`;
  const save = useMutation({
    mutationFn: (version: number) => saveSection(decision.claimId, section, { version, text }),
    onSuccess: (next) => {
      setConflict(null);
      setBase(next.sections[section]!.version);
      queryClient.setQueryData(decisionKey(decision.claimId), (page: { decision: TDecision } | undefined) => (page ? { ...page, decision: next } : page));
    },
    onError: (error) => {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        const current = ZDecision.safeParse(error.body.current).data;
        if (current) setConflict(current.sections[section]!);
      }
    },
  });
  if (!decision.can.edit) {
    return (
      <Card withBorder component="section" aria-labelledby={id}>
        <Title order={2} size="h4" id={id} mb="xs">{t(SECTION_LABEL[section])}</Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} size="sm">{decision.redacted ? t('decisions.redacted') : saved.text}</Text>
      </Card>
    );
  }
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">{t(SECTION_LABEL[section])}</Title>
      <Stack gap="xs">
        {conflict ? (
          <Alert color="orange" role="alert" title={t('decisions.conflict.title')}>
            <Text size="sm" mb="xs">{t('decisions.conflict.detail')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mb="xs">{conflict.text}</Text>
            <Group>
              <Button size="xs" onClick={() => save.mutate(conflict.version)}>{t('decisions.conflict.keepMine')}</Button>
              <Button size="xs" variant="default" onClick={() => { setText(conflict.text); setBase(conflict.version); setConflict(null); }}>{t('decisions.conflict.takeSaved')}</Button>
            </Group>
          </Alert>
        ) : <ErrorAlert error={save.error} fields={['text']} />}
        <Textarea label={t('decisions.sectionText', { section: t(SECTION_LABEL[section]) })} autosize minRows={4} maxRows={24} value={text}
          onChange={(e) => setText(e.currentTarget.value)} />
        <Group>
          <Button size="sm" variant="default" loading={save.isPending} disabled={text === saved.text && base === saved.version}
            onClick={() => save.mutate(base)}>{t('decisions.saveSection', { section: t(SECTION_LABEL[section]) })}</Button>
          {save.isSuccess && !conflict && <Text size="sm" c="teal.9" role="status">{t('decisions.saved')}</Text>}
        </Group>
      </Stack>
    </Card>
  );
}
