import { useState } from 'react';
import { Anchor, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TSessionGuide, TTrainingSession } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { assignSessionGuide, guideHref, removeSessionGuide, useGuideLibrary } from '../api/training-sessions.ts';

/** A guide to open (a link, in a new tab) or download (a PDF), with its language and version. */
export function SessionGuideLink({ guide }: { guide: Pick<TSessionGuide, 'kind' | 'guideId' | 'url' | 'title' | 'language' | 'version'> }) {
  const { t } = useTranslation();
  const meta = t('training.guides.versionMeta', { language: t(LANGUAGE_LABEL[guide.language]), version: guide.version });
  return (
    <Text size="sm" component="span">
      {guide.kind === 'file'
        ? <Anchor href={guideHref(guide)} download>{t('training.guides.downloadPdf', { title: guide.title })}</Anchor>
        : <Anchor href={guideHref(guide)} target="_blank" rel="noopener noreferrer">{t('training.guides.openLink', { title: guide.title })}</Anchor>}
      {' '}({meta})
    </Text>
  );
}

/** The coordinator picks a guide of the library (by code: every language and version follows). */
function AssignGuide({ session }: { session: TTrainingSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const library = useGuideLibrary(true);
  const [code, setCode] = useState('');
  const assigned = new Set(session.guides.map((g) => g.code));
  // One entry per code, titled in Spanish when there is a Spanish version.
  const options = [...new Map((library.data ?? []).filter((g) => !assigned.has(g.code))
    .toSorted((a, b) => Number(b.language === 'es-MX') - Number(a.language === 'es-MX'))
    .map((g) => [g.code, g.title])).entries()]
    .toSorted((a, b) => a[1].localeCompare(b[1]));
  const assign = useMutation({
    mutationFn: () => assignSessionGuide(session.id, code),
    onSuccess: async () => { setCode(''); await queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); },
  });
  const errorOf = useFieldErrorMap(assign.error);
  return (
    <Group align="flex-end" gap="xs" mt="sm">
      <NativeSelect label={t('trainingSessions.guides.add')} value={code} error={errorOf('code')}
        data={[{ value: '', label: t('common.choose') }, ...options.map(([value, label]) => ({ value, label: `${label} (${value})` }))]}
        onChange={(e) => setCode(e.currentTarget.value)} style={{ flexGrow: 1 }} />
      <Button variant="default" disabled={!code} loading={assign.isPending} onClick={() => assign.mutate()}>{t('trainingSessions.guides.assign')}</Button>
      {!errorOf('code') && <ErrorAlert error={assign.error} />}
    </Group>
  );
}

/** Pre-reading: each guide; for the coordinator and trainers, who of those enrolled has read it. */
export function GuidesCard({ session }: { session: TTrainingSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const open = session.status !== 'completed' && session.status !== 'cancelled';
  const remove = useMutation({
    mutationFn: (code: string) => removeSessionGuide(session.id, code),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="guides-title">
      <Title order={2} size="h4" id="guides-title" mb="sm">{t('trainingSessions.guides.title')}</Title>
      <ErrorAlert error={remove.error} />
      {session.guides.length === 0 ? <Text size="sm">{t('trainingSessions.guides.empty')}</Text> : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {session.guides.map((g) => (
            <li key={g.code}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <SessionGuideLink guide={g} />
                  {g.progress && (
                    <>
                      <Text size="sm">{t('trainingSessions.guides.progress', { acknowledged: g.progress.acknowledged, enrolled: g.progress.enrolled })}</Text>
                      {g.progress.pending.length > 0 && (
                        <Text size="sm">{t('trainingSessions.guides.pending', { names: g.progress.pending.map((p) => p.fullName).join(', ') })}</Text>
                      )}
                    </>
                  )}
                </Stack>
                {session.canManage && open && (
                  <Button size="compact-sm" variant="default" loading={remove.isPending && remove.variables === g.code}
                    aria-label={t('trainingSessions.guides.removeNamed', { title: g.title })} onClick={() => remove.mutate(g.code)}>
                    {t('trainingSessions.form.remove')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {session.canManage && open && <AssignGuide session={session} />}
    </Card>
  );
}
