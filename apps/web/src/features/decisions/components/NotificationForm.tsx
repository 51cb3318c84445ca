import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES_639_3, LANGUAGE_NAME_KEYS, NOTIFICATION_METHODS, type NotificationMethod, type TDecision } from '@refugio/domain';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifyDecision } from '../api/decisions.ts';
import { METHOD_LABEL } from './labels.ts';
import { StepError } from './UnmetSafeguards.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';

/** "YYYY-MM-DDTHH:mm" of this computer's clock, as a datetime-local input holds it. */
function localNow(): string {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Records how the signed decision reached the person (the notify step), in a language they understand. */
export function NotificationForm({ decision }: { decision: TDecision }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [at, setAt] = useState(localNow());
  const [place, setPlace] = useState('');
  const [method, setMethod] = useState<NotificationMethod>('in_person');
  const [language, setLanguage] = useState('spa');
  const [interpreterName, setInterpreterName] = useState('');
  const [acknowledged, setAcknowledged] = useState(true);
  const [refusalReason, setRefusalReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const notify = useMutation({
    mutationFn: () => {
      const body = {
        version: decision.version, notifiedAt: new Date(at).toISOString(), place, method, language, interpreterId: null,
        interpreterName: interpreterName.trim() || null, acknowledged, refusalReason: acknowledged ? null : refusalReason.trim() || null,
      };
      return notifyDecision(decision.claimId, body, keyFor(body));
    },
    onSuccess: () => { setConfirming(false); return queryClient.invalidateQueries({ queryKey: ['claims', decision.claimId] }); },
    // A refused notification shows its reasons under the form, where the fields are.
    onError: () => setConfirming(false),
  });
  const errors = useFieldErrors(notify.error);
  return (
    <Card withBorder component="section" aria-labelledby="notify-title">
      <Title order={2} size="h4" id="notify-title" mb={4}>{t('decisions.notify.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('decisions.notify.intro')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); notify.reset(); setConfirming(true); }}>
        <Stack gap="xs">
          <StepError error={notify.error} fields={['notifiedAt', 'place', 'method', 'language', 'interpreterName', 'refusalReason']} />
          <TextInput type="datetime-local" label={t('decisions.notify.at')} required value={at} error={errors.notifiedAt} onChange={(e) => setAt(e.currentTarget.value)} />
          <TextInput label={t('decisions.notify.place')} required value={place} error={errors.place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <NativeSelect label={t('decisions.notify.method')} value={method} error={errors.method}
            data={NOTIFICATION_METHODS.map((m) => ({ value: m, label: t(METHOD_LABEL[m]) }))} onChange={(e) => setMethod(e.currentTarget.value as NotificationMethod)} />
          <NativeSelect label={t('decisions.notify.language')} value={language} error={errors.language}
            data={LANGUAGE_CODES_639_3.map((code) => ({ value: code, label: t(LANGUAGE_NAME_KEYS[code]) }))} onChange={(e) => setLanguage(e.currentTarget.value)} />
          <TextInput label={t('decisions.notify.interpreter')} value={interpreterName} error={errors.interpreterName} onChange={(e) => setInterpreterName(e.currentTarget.value)} />
          <Checkbox label={t('decisions.notify.acknowledged')} checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />
          {!acknowledged && (
            <Textarea label={t('decisions.notify.refusalReason')} required autosize minRows={2} value={refusalReason} error={errors.refusalReason}
              onChange={(e) => setRefusalReason(e.currentTarget.value)} />
          )}
          <Group><Button type="submit" loading={notify.isPending}>{t('decisions.notify.submit')}</Button></Group>
        </Stack>
      </form>
      <ConfirmDialog opened={confirming} title={t('decisions.notify.confirmTitle')} message={t('decisions.notify.confirmMessage')}
        confirmLabel={t('decisions.notify.submit')} pending={notify.isPending} onConfirm={() => notify.mutate()} onClose={() => setConfirming(false)} />
    </Card>
  );
}
