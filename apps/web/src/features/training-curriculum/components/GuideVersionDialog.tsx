import { useState, type FormEvent } from 'react';
import { Button, FileInput, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GUIDE_MAX_BYTES, LANGUAGES, type Language } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { addGuideLink, CURRICULUM_KEY, uploadGuideFile } from '../api/training-curriculum.ts';

const FIELDS = ['code', 'language', 'title', 'url', 'file', 'fileName'] as const;
const MAX_MIB = GUIDE_MAX_BYTES / 1024 / 1024;

export interface GuideVersionTarget { code: string; language: Language; title: string }

interface Props {
  /** The guide a new version is for; null adds a new guide. */
  target: GuideVersionTarget | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds a guide, or a new version of one in a language: a PDF to upload or a link. */
export function GuideVersionDialog({ target, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [meta, setMeta] = useState({ code: target?.code ?? '', language: target?.language ?? ('es-MX' as Language), title: target?.title ?? '' });
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > GUIDE_MAX_BYTES;
  const save = useMutation({
    mutationFn: () => {
      if (kind === 'link') {
        const body = { ...meta, url: url.trim() };
        return addGuideLink(body, keyFor(body));
      }
      const query = { ...meta, fileName: file?.name ?? '' };
      return uploadGuideFile(query, file ?? new Blob(), keyFor({ query, size: file?.size, lastModified: file?.lastModified }));
    },
    onSuccess: async (guide) => {
      notifySuccess(t('training.guides.added', { title: guide.title, version: guide.version }));
      await queryClient.invalidateQueries({ queryKey: CURRICULUM_KEY });
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  // The file's description travels in the query: its errors are named `querystring:<field>`.
  const errorOf = (field: string) => errors[field] ?? errors[`querystring:${field}`];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!tooLarge) save.mutate();
  }

  return (
    <FormModal opened={opened} onClose={onClose} title={target ? t('training.guides.newVersionOf', { code: target.code }) : t('training.guides.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} fields={[...FIELDS, ...FIELDS.map((f) => `querystring:${f}`)]} />
          <TextInput label={t('training.fields.guideCode')} description={t('training.guides.codeHint')} required disabled={target !== null}
            value={meta.code} error={errorOf('code')} onChange={(e) => setMeta({ ...meta, code: e.currentTarget.value.trim().toLowerCase() })} />
          <NativeSelect label={t('common.language')} required value={meta.language} error={errorOf('language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(LANGUAGE_LABEL[l]) }))}
            onChange={(e) => setMeta({ ...meta, language: e.currentTarget.value as Language })} />
          <TextInput label={t('training.fields.guideTitle')} required value={meta.title} error={errorOf('title')}
            onChange={(e) => setMeta({ ...meta, title: e.currentTarget.value })} />
          <Radio.Group label={t('training.guides.kind')} value={kind} onChange={(v) => setKind(v as 'file' | 'link')}>
            <Group mt={4}>
              <Radio value="file" label={t('training.guides.kindFile')} />
              <Radio value="link" label={t('training.guides.kindLink')} />
            </Group>
          </Radio.Group>
          {kind === 'file'
            ? (
              <FileInput label={t('training.guides.file')} description={t('training.guides.fileHint', { max: MAX_MIB })} required accept="application/pdf,.pdf"
                value={file} onChange={setFile} error={tooLarge ? t('training.guides.tooLarge', { max: MAX_MIB }) : (errorOf('file') ?? errorOf('fileName'))} />
            )
            : (
              <TextInput type="url" label={t('training.guides.url')} required placeholder="https://" value={url} error={errorOf('url')}
                onChange={(e) => setUrl(e.currentTarget.value)} />
            )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} disabled={tooLarge}>{t('training.guides.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
