import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AUDIENCE_LABEL, ZSafeguardCheck, type TStartInterview } from '@refugio/domain';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { languageName } from '../../../lib/language-name.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { languageOptions } from '../../../lib/countries.ts';
import { SafeguardLine } from '../../procedure/index.ts';
import { startInterview, useInterviewOptions } from '../api/interviews.ts';
import { InterviewErrorAlert } from './InterviewErrorAlert.tsx';

const OTHER_INTERPRETER = 'other';

/**
 * Starts an interview (the claim's start_interview step): who is interviewed, on which published
 * questionnaire, with which interpreter, from which appointment, in which language. A refusal
 * lists every unmet safeguard with what would satisfy it and its source.
 */
export function StartInterviewDialog({ claimId, onClose }: { claimId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKey();
  const options = useInterviewOptions(claimId, true);
  const [personId, setPersonId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [interpreter, setInterpreter] = useState('');
  const [interpreterName, setInterpreterName] = useState('');
  const [appointmentId, setAppointmentId] = useState('');
  const [spoken, setSpoken] = useState('es');
  const start = useMutation({
    mutationFn: () => {
      const body: TStartInterview = {
        personId, templateId, language: spoken, appointmentId: appointmentId || null,
        interpreterId: interpreter && interpreter !== OTHER_INTERPRETER ? interpreter : null,
        interpreterName: interpreter === OTHER_INTERPRETER ? interpreterName.trim() || null : null,
      };
      return startInterview(claimId, body, keyFor(body));
    },
    onSuccess: (record) => void navigate(`/claims/${claimId}/interviews/${record.id}`),
  });
  const errors = useFieldErrors(start.error);
  const unmet = isApiError(start.error) && Array.isArray(start.error.body.unmet)
    ? ZSafeguardCheck.array().safeParse(start.error.body.unmet).data ?? []
    : [];
  const data = options.data;
  return (
    <FormModal opened title={t('interviews.start.title')} onClose={onClose}>
      {!data ? <InterviewErrorAlert error={options.error} /> : (
        <form onSubmit={(e) => { e.preventDefault(); start.mutate(); }}>
          <Stack>
            {unmet.length > 0 ? (
              <Alert color="red" title={t('interviews.start.refused')} role="alert">
                <Stack gap="xs">{unmet.map((s) => <SafeguardLine key={s.code} safeguard={s} />)}</Stack>
              </Alert>
            ) : <InterviewErrorAlert error={start.error} fields={['personId', 'templateId', 'interpreterId', 'interpreterName', 'appointmentId', 'language']} />}
            {data.templates.length === 0 && <Text size="sm" c="red.9">{t('interviews.start.noTemplates')}</Text>}
            <NativeSelect label={t('interviews.start.person')} required value={personId} error={errors.personId}
              data={[{ value: '', label: t('common.choose') }, ...data.persons.map((p) => ({
                value: p.id, label: `${p.name}${p.isChild ? ` · ${t('interviews.start.child')}` : ''}`,
              }))]} onChange={(e) => setPersonId(e.currentTarget.value)} />
            <NativeSelect label={t('interviews.start.template')} required value={templateId} error={errors.templateId}
              data={[{ value: '', label: t('common.choose') }, ...data.templates.map((x) => ({
                value: x.id, label: t('interviews.start.templateOption', { title: x.title, version: x.version, audience: t(AUDIENCE_LABEL[x.audience]) }),
              }))]} onChange={(e) => setTemplateId(e.currentTarget.value)} />
            <NativeSelect label={t('interviews.start.language')} value={spoken} error={errors.language}
              data={languageOptions(t, language)} onChange={(e) => setSpoken(e.currentTarget.value)} />
            <NativeSelect label={t('interviews.start.interpreter')} value={interpreter} error={errors.interpreterId}
              data={[{ value: '', label: t('interviews.start.noInterpreter') }, ...data.interpreters.map((i) => ({
                value: i.id, label: `${i.fullName} (${i.languages.map((code) => languageName(t, code, language)).join(', ')})`,
              })), { value: OTHER_INTERPRETER, label: t('interviews.start.otherInterpreter') }]}
              onChange={(e) => setInterpreter(e.currentTarget.value)} />
            {interpreter === OTHER_INTERPRETER && (
              <TextInput label={t('interviews.start.interpreterName')} required value={interpreterName} error={errors.interpreterName}
                onChange={(e) => setInterpreterName(e.currentTarget.value)} />
            )}
            <NativeSelect label={t('interviews.start.appointment')} value={appointmentId} error={errors.appointmentId}
              data={[{ value: '', label: t('interviews.start.noAppointment') }, ...data.appointments.map((a) => ({
                value: a.id, label: t('interviews.start.appointmentOption', { at: formatDateTime(a.startsAt, language), officer: a.officerName }),
              }))]} onChange={(e) => setAppointmentId(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit" loading={start.isPending}>{t('interviews.start.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </FormModal>
  );
}
