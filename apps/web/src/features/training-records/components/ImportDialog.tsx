import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_CHARS, type ImportKind, type TImportResult } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { importFile } from '../api/training-records.ts';

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
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}

/** Upload one CSV; a rejected file lists each bad line, an accepted one says how many records it wrote. */
export function ImportDialog({ sessionId, kind, opened, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useMutation({
    mutationFn: async () => {
      const content = await file!.text();
      const body = { kind, fileName: file!.name, content };
      return importFile(sessionId, body, keyFor(body));
    },
    onSuccess: (result) => { if (result.accepted) onImported(); },
  });
  const verdict: TImportResult | undefined = upload.data;
  const close = () => { upload.reset(); setFile(null); onClose(); };
  return (
    <FormModal opened={opened} onClose={close} title={t(TITLE[kind])}>
      <Stack>
        <Text size="sm">{t(HELP[kind])}</Text>
        <FileInput label={t('trainingRecords.import.file')} accept=".csv,text/csv" value={file}
          error={tooLarge ? t('trainingRecords.import.tooLarge') : undefined}
          onChange={(f) => { upload.reset(); setFile(f); setTooLarge(f !== null && f.size > IMPORT_MAX_CHARS); }} />
        <ErrorAlert error={upload.error} />
        {verdict && !verdict.accepted && (
          <Alert color="red" role="alert" title={t('trainingRecords.import.rejected', { n: verdict.errors.length })}>
            <List size="sm">{verdict.errors.map((e) => <List.Item key={`${e.line}-${e.field}-${e.code}`}>{e.message}</List.Item>)}</List>
          </Alert>
        )}
        {verdict?.accepted && (
          <Alert color="teal" role="status">
            {verdict.alreadyImported ? t('trainingRecords.import.already') : t('trainingRecords.import.accepted', { n: verdict.recordsWritten })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>{t('common.close')}</Button>
          <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={!file || tooLarge}>{t('trainingRecords.import.submit')}</Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
