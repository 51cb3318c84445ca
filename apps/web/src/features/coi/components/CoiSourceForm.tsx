import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Group, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  COI_EXCERPT_MAX, COI_FILE_MAX_BYTES, COI_LANGUAGES, COI_TITLE_MAX, COI_TOPICS, LIMITS, todayIn, type CoiTopic, type TCoiSource,
  type TCoiSourceInput,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { countryOptions } from '../../../lib/countries.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { attachCoiFile, COI_KEY, createCoiSource } from '../api/coi.ts';
import { COI_LANGUAGE_LABEL, COI_TOPIC_LABEL } from '../labels.ts';

const FIELDS = ['title', 'publisher', 'publishedOn', 'accessedOn', 'url', 'language', 'countries', 'topics', 'excerpt', 'file', 'querystring:fileName'];
const MAX_MIB = COI_FILE_MAX_BYTES / 1024 / 1024;

/**
 * Adds a source to the library: what identifies it (the citation's parts), what it is about, an
 * excerpt or summary the search reads, and its PDF, attached right after (ADR 029). A PDF refused
 * after the source was created is retried alone, never creating the source twice.
 */
export function CoiSourceForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [values, setValues] = useState({
    title: '', publisher: '', publishedOn: '', accessedOn: todayIn(), url: '', language: 'es', countries: [] as string[], topics: [] as string[], excerpt: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [created, setCreated] = useState<TCoiSource | null>(null);
  const [missingContent, setMissingContent] = useState(false);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const tooLarge = file !== null && file.size > COI_FILE_MAX_BYTES;
  const save = useMutation({
    mutationFn: async () => {
      let source = created;
      if (!source) {
        const body: TCoiSourceInput = {
          ...values, url: values.url.trim() || null, language: values.language as TCoiSourceInput['language'], topics: values.topics as CoiTopic[],
        };
        source = await createCoiSource(body, keyFor(body));
        setCreated(source);
      }
      return file ? attachCoiFile(source.id, file, file.name) : source;
    },
    onSuccess: async (source) => {
      notifySuccess(t('coi.form.added', { title: source.title }));
      await queryClient.invalidateQueries({ queryKey: COI_KEY });
      onClose();
    },
  });
  const fieldError = useFieldErrorMap(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The search reads the excerpt, not the PDF's text: a source needs one or the other to be found and cited.
    const empty = !values.excerpt.trim() && !file;
    setMissingContent(empty);
    if (!empty && !tooLarge) save.mutate();
  };
  const locked = created !== null;
  return (
    <FormModal opened title={t('coi.form.title')} onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label={t('coi.form.title')}>
        <Stack gap="sm">
          <ErrorAlert error={save.error} fields={FIELDS} />
          {locked && <Alert color="blue" role="status">{t('coi.form.createdAwaitingFile')}</Alert>}
          <TextInput label={t('coi.fields.title')} required maxLength={COI_TITLE_MAX} disabled={locked} value={values.title}
            error={fieldError('title')} onChange={(e) => set('title', e.currentTarget.value)} />
          <TextInput label={t('coi.fields.publisher')} description={t('coi.form.publisherHint')} required maxLength={LIMITS.nameMax} disabled={locked}
            value={values.publisher} error={fieldError('publisher')} onChange={(e) => set('publisher', e.currentTarget.value)} />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('coi.fields.publishedOn')} required disabled={locked} value={values.publishedOn}
              error={fieldError('publishedOn')} onChange={(e) => set('publishedOn', e.currentTarget.value)} />
            <TextInput type="date" label={t('coi.fields.accessedOn')} required disabled={locked} value={values.accessedOn}
              error={fieldError('accessedOn')} onChange={(e) => set('accessedOn', e.currentTarget.value)} />
          </Group>
          <TextInput type="url" label={t('coi.fields.url')} placeholder="https://" disabled={locked} value={values.url}
            error={fieldError('url')} onChange={(e) => set('url', e.currentTarget.value)} />
          <NativeSelect label={t('coi.fields.language')} required disabled={locked} value={values.language} error={fieldError('language')}
            data={COI_LANGUAGES.map((l) => ({ value: l, label: t(labelKey(COI_LANGUAGE_LABEL, l)) }))}
            onChange={(e) => set('language', e.currentTarget.value)} />
          <MultiSelect label={t('coi.fields.countries')} required searchable disabled={locked} data={countryOptions(language)} value={values.countries}
            error={fieldError('countries')} onChange={(v) => set('countries', v)} />
          <MultiSelect label={t('coi.fields.topics')} searchable disabled={locked} value={values.topics} error={fieldError('topics')}
            data={COI_TOPICS.map((topic) => ({ value: topic, label: t(labelKey(COI_TOPIC_LABEL, topic)) }))} onChange={(v) => set('topics', v)} />
          <Textarea label={t('coi.fields.excerpt')} description={t('coi.form.excerptHint')} autosize minRows={3} maxLength={COI_EXCERPT_MAX}
            disabled={locked} value={values.excerpt} onChange={(e) => set('excerpt', e.currentTarget.value)}
            error={fieldError('excerpt') ?? (missingContent ? t('coi.form.excerptOrFile') : undefined)} />
          <FileInput label={t('coi.fields.file')} description={t('coi.form.fileHint', { max: MAX_MIB })} accept="application/pdf,.pdf" clearable
            value={file} onChange={setFile}
            error={tooLarge ? t('coi.form.tooLarge', { max: MAX_MIB }) : (fieldError('file') ?? fieldError('querystring:fileName'))} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} disabled={tooLarge}>{locked ? t('coi.form.retryFile') : t('coi.form.save')}</Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
