import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { decodeImportFile, IMPORT_MAX_CHARS, type ImportKind, type TImportResult, type TParticipantRecords } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { importFile } from '../api/training-records.ts';
import { ImportReview } from './ImportReview.tsx';

const TITLE: Record<ImportKind, string> = {
  lms_completion: 'trainingRecords.import.lmsTitle',
  videoconference_attendance: 'trainingRecords.import.videoTitle',
};
const HELP: Record<ImportKind, string> = {
  lms_completion: 'trainingRecords.import.lmsHelp',
  videoconference_attendance: 'trainingRecords.import.videoHelp',
};

interface ImportDialogProps {
  sessionId: string;
  kind: ImportKind;
  participants: readonly TParticipantRecords[];
  /** A file held for review earlier, to settle now instead of uploading one. */
  held?: TImportResult;
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}

/**
 * Upload one file as the tool exported it (read here in its own encoding: Teams writes UTF-16);
 * a rejected file lists each bad line, a held one its rows to match or ignore, an accepted one
 * how many records it wrote.
 */
export function ImportDialog({ sessionId, kind, participants, held, opened, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [settled, setSettled] = useState<TImportResult | null>(null);
  const upload = useMutation({
    mutationFn: () => {
      const body = { kind, fileName: file!.name, content: file!.content };
      return importFile(sessionId, body, keyFor(body));
    },
    onSuccess: (result) => { if (result.accepted) onImported(); },
  });
  const choose = async (chosen: File | null) => {
    upload.reset();
    setSettled(null);
    if (!chosen) { setFile(null); setTooLarge(false); return; }
    const content = decodeImportFile(new Uint8Array(await chosen.arrayBuffer()));
    setTooLarge(content.length > IMPORT_MAX_CHARS);
    setFile({ name: chosen.name, content });
  };
  const verdict: TImportResult | undefined = settled ?? upload.data ?? held;
  const close = () => { upload.reset(); setFile(null); setSettled(null); onClose(); };
  return (
    <FormModal opened={opened} onClose={close} title={t(TITLE[kind])} size="xl">
      <Stack>
        {!held && <Text size="sm">{t(HELP[kind])}</Text>}
        {!held && (
          <FileInput label={t('trainingRecords.import.file')} accept=".csv,.txt,text/csv,text/plain,text/tab-separated-values"
            error={tooLarge ? t('trainingRecords.import.tooLarge') : undefined}
            onChange={(f) => void choose(f)} />
        )}
        <ErrorAlert error={upload.error} />
        {verdict?.status === 'rejected' && (
          <Alert color="red" role="alert" title={t('trainingRecords.import.rejected', { n: verdict.errors.length })}>
            <List size="sm">{verdict.errors.map((e) => <List.Item key={`${e.line}-${e.field}-${e.code}`}>{e.message}</List.Item>)}</List>
          </Alert>
        )}
        {verdict?.status === 'needs_review' && (
          <ImportReview key={verdict.id} sessionId={sessionId} verdict={verdict} participants={participants}
            onSettled={(result) => { setSettled(result); if (result.accepted) onImported(); }} />
        )}
        {verdict?.accepted && (
          <Alert color="teal" role="status">
            {verdict.alreadyImported ? t('trainingRecords.import.already') : t('trainingRecords.import.accepted', { n: verdict.recordsWritten })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('common.close')}</Button>
          {!held && (
            <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={!file || tooLarge}>{t('trainingRecords.import.submit')}</Button>
          )}
        </Group>
      </Stack>
    </FormModal>
  );
}
