import { useState } from 'react';
import { Button, Card, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { METHOD_LABEL, ROLE_LABEL, type SignatureRole, type TInterview, type TSignatureInput } from '@refugio/domain';
import { formatDateTime } from '../../../lib/format-date.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { signInterview } from '../api/interviews.ts';
import { SignaturePad } from './SignaturePad.tsx';
import { InterviewErrorAlert } from './InterviewErrorAlert.tsx';

function SignatureForm({ record, role, isOfficer, onSigned }: { record: TInterview; role: SignatureRole; isOfficer: boolean; onSigned: (record: TInterview) => void }) {
  const { t } = useTranslation();
  const keyFor = useIdempotencyKey();
  const participant = record.participants.find((p) => p.role === role);
  const [signerName, setSignerName] = useState(participant?.fullName ?? '');
  const [method, setMethod] = useState<TSignatureInput['method']>(role === 'officer' ? 'attested' : 'drawn');
  const [image, setImage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const sign = useMutation({
    mutationFn: () => {
      const body: TSignatureInput = {
        role, method, signerName, image: method === 'drawn' ? image : null, declinedReason: method === 'declined' ? reason.trim() || null : null,
      };
      return signInterview(record.id, body, keyFor(body));
    },
    onSuccess: onSigned,
  });
  const errors = useFieldErrors(sign.error);
  const roleName = t(ROLE_LABEL[role]);
  if (role === 'officer' && !isOfficer) return <Text size="sm" c="dimmed">{t('interviews.signatures.officerOnly')}</Text>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); sign.mutate(); }}>
      <Stack gap="xs">
        <InterviewErrorAlert error={sign.error} fields={['signerName', 'image', 'declinedReason', 'method']} />
        <TextInput label={t('interviews.signatures.signerName', { role: roleName })} required value={signerName} error={errors.signerName}
          onChange={(e) => setSignerName(e.currentTarget.value)} />
        {role === 'applicant' && (
          <Radio.Group label={t('interviews.signatures.how')} value={method} onChange={(v) => setMethod(v === 'declined' ? 'declined' : 'drawn')}>
            <Group gap="lg" mt={4}>
              <Radio value="drawn" label={t('interviews.signatures.drawOption')} />
              <Radio value="declined" label={t('interviews.signatures.declineOption')} />
            </Group>
          </Radio.Group>
        )}
        {method === 'drawn' && <SignaturePad label={t('interviews.signatures.padFor', { role: roleName })} onChange={setImage} />}
        {errors.image && <Text size="sm" c="red.9">{errors.image}</Text>}
        {method === 'declined' && (
          <Textarea label={t('interviews.signatures.declinedReason')} required autosize minRows={2} value={reason} error={errors.declinedReason}
            onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {method === 'attested' && <Text size="sm">{t('interviews.signatures.attestHint')}</Text>}
        <Group justify="flex-end">
          <Button type="submit" loading={sign.isPending}>{t('interviews.signatures.sign', { role: roleName })}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Signatures after the read-back, once per role: the applicant's (drawn, or declined with the
 * reason), the interpreter's, the officer's own. The last one locks the record.
 */
export function SignaturesCard({ record, meId, onSigned }: { record: TInterview; meId: string | undefined; onSigned: (record: TInterview) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const isOfficer = meId === record.officerId && record.canWrite;
  return (
    <Card withBorder component="section" aria-labelledby="signatures-title">
      <Title order={2} size="h4" id="signatures-title" mb="sm">{t('interviews.signatures.title')}</Title>
      <Stack>
        {record.requiredSignatures.map((role) => {
          const signed = record.signatures.find((s) => s.role === role);
          return (
            <Stack key={role} gap={4} component="section" aria-label={t(ROLE_LABEL[role])} data-signature={role}>
              <Title order={3} size="h5">{t(ROLE_LABEL[role])}</Title>
              {signed ? (
                <Text size="sm">
                  ✓ {signed.signerName} · {t(METHOD_LABEL[signed.method])}{signed.declinedReason ? `: ${signed.declinedReason}` : ''} · {formatDateTime(signed.signedAt, language)}
                </Text>
              ) : record.status === 'read_back' && record.canWrite ? (
                <SignatureForm record={record} role={role} isOfficer={isOfficer} onSigned={onSigned} />
              ) : <Text size="sm" c="dimmed">{t('interviews.signatures.pending')}</Text>}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
