import { useState } from 'react';
import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInterview } from '@refugio/domain';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { addAnnex, attachAudio, audioUrl } from '../api/interviews.ts';
import { InterviewErrorAlert } from './InterviewErrorAlert.tsx';

/** The signed record: locked, its digest, and what may still be added — annexes, audio. */
export function LockedCard({ record, onChanged }: { record: TInterview; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const keyFor = useIdempotencyKey();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const annex = useMutation({ mutationFn: () => addAnnex(record.id, text.trim(), keyFor({ annex: text.trim() })), onSuccess: () => { setText(''); onChanged(); } });
  const audio = useMutation({
    mutationFn: () => attachAudio(record.id, file!, keyFor({ audio: file!.name, size: file!.size, modified: file!.lastModified })),
    onSuccess: () => { setFile(null); onChanged(); },
  });
  return (
    <Stack>
      {record.status === 'signed' && (
        <Alert color="teal" title={t('interviews.locked.title')}>
          <Text size="sm">{t('interviews.locked.body', { at: record.signedAt ? formatDateTime(record.signedAt, language) : '' })}</Text>
          {record.claimStatus === 'interviewed' && <Text size="sm">{t('interviews.locked.claimInterviewed')}</Text>}
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{t('interviews.locked.digest', { sha256: record.recordSha256 ?? '' })}</Text>
        </Alert>
      )}
      {record.status === 'signed' && (
        <Card withBorder component="section" aria-labelledby="annexes-title">
          <Title order={2} size="h4" id="annexes-title" mb="sm">{t('interviews.annexes.title')}</Title>
          {record.annexes.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.annexes.none')}</Text> : (
            <List spacing="xs" listStyleType="none">
              {record.annexes.map((x) => (
                <List.Item key={x.id}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{x.text}</Text>
                  <Text size="xs" c="dimmed">{x.addedBy} · {formatDateTime(x.createdAt, language)}</Text>
                </List.Item>
              ))}
            </List>
          )}
          {record.canWrite && (
            <form onSubmit={(e) => { e.preventDefault(); annex.mutate(); }}>
              <Stack gap="xs" mt="sm">
                <InterviewErrorAlert error={annex.error} />
                <Textarea label={t('interviews.annexes.text')} description={t('interviews.annexes.hint')} autosize minRows={2} value={text}
                  onChange={(e) => setText(e.currentTarget.value)} />
                <Group justify="flex-end"><Button type="submit" variant="default" disabled={!text.trim()} loading={annex.isPending}>{t('interviews.annexes.add')}</Button></Group>
              </Stack>
            </form>
          )}
        </Card>
      )}
      <Card withBorder component="section" aria-labelledby="audio-title">
        <Title order={2} size="h4" id="audio-title" mb="sm">{t('interviews.audio.title')}</Title>
        {record.audio.length === 0 ? <Text size="sm" c="dimmed">{t('interviews.audio.none')}</Text> : (
          <List spacing="xs" listStyleType="none">
            {record.audio.map((a) => (
              <List.Item key={a.id}>
                <Anchor href={audioUrl(record.id, a.id)} download size="sm">{t('interviews.audio.download', { at: formatDateTime(a.createdAt, language) })}</Anchor>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{a.contentType} · {Math.round(a.byteSize / 1024)} KB · SHA-256 {a.sha256}</Text>
              </List.Item>
            ))}
          </List>
        )}
        {record.canWrite && (
          <Stack gap="xs" mt="sm">
            <InterviewErrorAlert error={audio.error} />
            <Group align="flex-end" gap="xs">
              <FileInput label={t('interviews.audio.file')} description={t('interviews.audio.hint')} accept="audio/*" value={file} onChange={setFile} clearable w={320} />
              <Button variant="default" disabled={!file} loading={audio.isPending} onClick={() => audio.mutate()}>{t('interviews.audio.upload')}</Button>
            </Group>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
