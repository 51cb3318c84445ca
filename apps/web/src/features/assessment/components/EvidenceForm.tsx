import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_TEXT_MAX, EVIDENCE_FILE_MAX_BYTES, EVIDENCE_KINDS, LIMITS, type EvidenceKind, type TAssessment, type TEvidenceInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { CoiSourcePicker } from '../../coi/index.ts';
import { addEvidence, uploadEvidenceDocument } from '../api/assessment.ts';
import { EVIDENCE_KIND_LABEL } from '../labels.ts';

const FIELDS = ['kind', 'description', 'interviewId', 'questionCode', 'quote', 'coiSourceId', 'coiPassage', 'file', 'querystring:description', 'querystring:fileName'];
const MAX_MIB = EVIDENCE_FILE_MAX_BYTES / 1024 / 1024;
const text = (value: string) => value.trim() || null;

/**
 * Adds evidence to a fact (EUAA guide on evidence assessment, step 2): the applicant's words quoted
 * from a signed interview record, a document (uploaded, or its text typed), a witness's or
 * relative's statement, or a passage of a library source.
 */
export function EvidenceForm({ claimId, factId, number, interviews, country, onDone }: {
  claimId: string; factId: string; number: number; interviews: TAssessment['signedInterviews']; country?: string | undefined; onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [kind, setKind] = useState<EvidenceKind>('coi');
  const [documentMode, setDocumentMode] = useState<'upload' | 'typed'>('upload');
  const [values, setValues] = useState({ description: '', interviewId: interviews[0]?.id ?? '', questionCode: '', quote: '', coiSourceId: null as string | null, coiPassage: '' });
  const [file, setFile] = useState<File | null>(null);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const tooLarge = file !== null && file.size > EVIDENCE_FILE_MAX_BYTES;
  const save = useMutation({
    mutationFn: () => {
      if (kind === 'document' && documentMode === 'upload') {
        const meta = { description: values.description, fileName: file?.name ?? '' };
        return uploadEvidenceDocument(claimId, factId, meta, file ?? new File([], ''), keyFor({ meta, size: file?.size, lastModified: file?.lastModified }));
      }
      const body: TEvidenceInput = {
        kind, description: values.description,
        interviewId: kind === 'statement' ? text(values.interviewId) : null,
        questionCode: kind === 'statement' ? text(values.questionCode) : null,
        quote: kind === 'coi' ? null : text(values.quote),
        coiSourceId: kind === 'coi' ? values.coiSourceId : null,
        coiPassage: kind === 'coi' ? text(values.coiPassage) : null,
      };
      return addEvidence(claimId, factId, body, keyFor(body));
    },
    onSuccess: async () => {
      notifySuccess(t('assessment.evidence.added', { number }));
      await queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
      onDone();
    },
  });
  const error = useFieldErrorMap(save.error);
  const descriptionError = error('description') ?? error('querystring:description');
  const submit = (e: FormEvent) => { e.preventDefault(); if (!tooLarge) save.mutate(); };
  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.evidence.addFor', { number })}>
      <Stack gap="xs">
        <ErrorAlert error={save.error} fields={FIELDS} />
        <NativeSelect label={t('assessment.evidence.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as EvidenceKind)}
          data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(EVIDENCE_KIND_LABEL[k]) }))} />
        {kind === 'statement' && (interviews.length === 0
          ? <Alert color="gray">{t('assessment.evidence.noSignedInterview')}</Alert>
          : (
            <>
              <NativeSelect label={t('assessment.evidence.interview')} required value={values.interviewId} error={error('interviewId')}
                data={interviews.map((i) => ({ value: i.id, label: t('assessment.evidence.interviewOption', {
                  name: i.personName, date: i.signedAt ? formatDateTime(i.signedAt, language) : '—' }) }))}
                onChange={(e) => set('interviewId', e.currentTarget.value)} />
              <TextInput label={t('assessment.evidence.questionCode')} description={t('assessment.evidence.questionCodeHint')} maxLength={120}
                value={values.questionCode} error={error('questionCode')} onChange={(e) => set('questionCode', e.currentTarget.value)} />
            </>
          ))}
        {kind === 'document' && (
          <Radio.Group label={t('assessment.evidence.documentMode')} value={documentMode} onChange={(v) => setDocumentMode(v as 'upload' | 'typed')}>
            <Group mt={4}>
              <Radio value="upload" label={t('assessment.evidence.upload')} />
              <Radio value="typed" label={t('assessment.evidence.typed')} />
            </Group>
          </Radio.Group>
        )}
        {kind === 'document' && documentMode === 'upload' && (
          <FileInput label={t('assessment.evidence.file')} description={t('assessment.evidence.fileHint', { max: MAX_MIB })} required
            accept="application/pdf,image/png,image/jpeg" value={file} onChange={setFile}
            error={tooLarge ? t('assessment.evidence.tooLarge', { max: MAX_MIB }) : (error('file') ?? error('querystring:fileName'))} />
        )}
        {kind === 'coi' && (
          <>
            <CoiSourcePicker value={values.coiSourceId} onChange={(id) => set('coiSourceId', id)} error={error('coiSourceId')} country={country} />
            <Textarea label={t('assessment.evidence.passage')} description={t('assessment.evidence.passageHint')} required autosize minRows={2}
              maxLength={ASSESSMENT_TEXT_MAX} value={values.coiPassage} error={error('coiPassage')} onChange={(e) => set('coiPassage', e.currentTarget.value)} />
          </>
        )}
        {kind !== 'coi' && !(kind === 'document' && documentMode === 'upload') && (
          <Textarea label={t(kind === 'statement' ? 'assessment.evidence.quoteStatement' : kind === 'witness' ? 'assessment.evidence.quoteWitness' : 'assessment.evidence.quoteDocument')}
            required autosize minRows={2} maxLength={ASSESSMENT_TEXT_MAX} value={values.quote} error={error('quote')}
            onChange={(e) => set('quote', e.currentTarget.value)} />
        )}
        <Textarea label={t(kind === 'witness' ? 'assessment.evidence.descriptionWitness' : 'assessment.evidence.description')} required autosize minRows={1}
          maxLength={LIMITS.reasonMax} value={values.description} error={descriptionError} onChange={(e) => set('description', e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending} disabled={tooLarge}>{t('assessment.evidence.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
